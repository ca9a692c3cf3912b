-- Group decisions: "if need be" answers, how a negotiation is decided (automatically, by its
-- organizer, or at its deadline), who attends a confirmed plan, reminders and cancel reasons.
-- Existing negotiations keep their meaning: their accepted sets are "yes", nobody has "if need
-- be" answers, they confirm on their own and expire at their deadline.

ALTER TABLE negotiation_participants
    ADD COLUMN maybe_slot_ids  uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN maybe_venue_ids uuid[] NOT NULL DEFAULT '{}';

ALTER TABLE negotiations
    ADD COLUMN auto_confirm   boolean NOT NULL DEFAULT true,
    ADD COLUMN on_deadline    text    NOT NULL DEFAULT 'expire'
        CONSTRAINT negotiations_on_deadline CHECK (on_deadline IN ('expire', 'pick_best')),
    ADD COLUMN min_attendees  integer NOT NULL DEFAULT 2
        CONSTRAINT negotiations_min_attendees CHECK (min_attendees BETWEEN 2 AND 50),
    -- How many attend the confirmed plan (the list row shows it); null until confirmed.
    ADD COLUMN attendee_count integer,
    -- When the one reminder is due; cleared by the sweep that claims it (so it is sent once),
    -- null when there is none (a draft, or too little time between sending and the deadline).
    ADD COLUMN remind_at      timestamptz;

-- Until now every active participant of a confirmed plan had an event.
UPDATE negotiations n
   SET attendee_count = (SELECT count(*) FROM negotiation_participants p
                          WHERE p.negotiation_id = n.id AND p.status <> 'declined')
 WHERE n.final_slot_id IS NOT NULL;

-- Reminders for open negotiations, timed from their creation (when they were sent is not kept),
-- only where the reminder is still ahead.
UPDATE negotiations
   SET remind_at = CASE
           WHEN expires_at - created_at >= interval '48 hours' THEN expires_at - interval '24 hours'
           WHEN (expires_at - created_at) / 2 >= interval '1 hour' THEN expires_at - (expires_at - created_at) / 2
       END
 WHERE state = 'awaiting_replies';
UPDATE negotiations SET remind_at = NULL WHERE remind_at <= now();

-- The reminder sweep: due reminders by time.
CREATE INDEX negotiations_reminders_due ON negotiations (remind_at) WHERE remind_at IS NOT NULL;

-- An attendee who chose the final slot or venue only "if need be" holds a tentative event; a
-- cancelled plan's events show the organizer's reason.
ALTER TABLE events
    ADD COLUMN response      text NOT NULL DEFAULT 'accepted'
        CONSTRAINT events_response CHECK (response IN ('accepted', 'tentative')),
    ADD COLUMN cancel_reason text;

ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_kind;
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_kind CHECK (kind IN
    ('invited', 'joined', 'replied', 'countered', 'confirmed', 'cancelled', 'expired', 'evaluate',
     'all_answered', 'reminder'));
