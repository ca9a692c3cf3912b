-- Notifications (SPEC §7), device tokens and agent preferences (SPEC §4), and when each option was
-- proposed, which the awaiting_me rule needs (SPEC §5.6).

-- When an option was added. Counter options carry the counter's time; rows from before this
-- migration get the proposer's last answer (organizer options: the negotiation's creation).
ALTER TABLE proposed_slots ADD COLUMN proposed_at timestamptz;
ALTER TABLE proposed_venues ADD COLUMN proposed_at timestamptz;
UPDATE proposed_slots s
   SET proposed_at = coalesce((SELECT p.responded_at FROM negotiation_participants p
                                WHERE p.negotiation_id = s.negotiation_id AND p.user_id = s.proposed_by
                                  AND s.proposed_by <> n.owner_id), n.created_at)
  FROM negotiations n
 WHERE n.id = s.negotiation_id;
UPDATE proposed_venues v
   SET proposed_at = coalesce((SELECT p.responded_at FROM negotiation_participants p
                                WHERE p.negotiation_id = v.negotiation_id AND p.user_id = v.proposed_by
                                  AND v.proposed_by <> n.owner_id), n.created_at)
  FROM negotiations n
 WHERE n.id = v.negotiation_id;
ALTER TABLE proposed_slots ALTER COLUMN proposed_at SET NOT NULL;
ALTER TABLE proposed_venues ALTER COLUMN proposed_at SET NOT NULL;

-- Push tokens. A token belongs to one user at a time: registering it again moves it.
CREATE TABLE devices (
    token        text        PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    platform     text        NOT NULL,
    environment  text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT devices_token_hex CHECK (token ~ '^[0-9a-f]{64,200}$'),
    CONSTRAINT devices_platform CHECK (platform IN ('ios')),
    CONSTRAINT devices_environment CHECK (environment IN ('sandbox', 'production'))
);

CREATE INDEX devices_by_user ON devices (user_id, updated_at DESC);

-- One opaque blob per user (SPEC §8); revision is its ETag.
CREATE TABLE agent_preferences (
    user_id                uuid        PRIMARY KEY REFERENCES app_users (id) ON DELETE CASCADE,
    encrypted_payload      text        NOT NULL,
    encrypted_blob_version integer     NOT NULL,
    revision               integer     NOT NULL,
    updated_at             timestamptz NOT NULL,
    CONSTRAINT agent_preferences_blob_version CHECK (encrypted_blob_version >= 1),
    CONSTRAINT agent_preferences_revision CHECK (revision >= 1)
);

-- The outbox: one row per recipient and notification, written in the transaction of the change.
-- available_at is both the retry schedule and the lease: a dispatcher that claims a row pushes it
-- forward by the lease, so a row whose dispatcher died becomes claimable again when it passes.
CREATE TABLE notification_outbox (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text        NOT NULL,
    -- No foreign key on purpose: its per-row check takes a FOR KEY SHARE lock on each recipient's
    -- app_users row, which concurrent replies to the same people then contend on. Recipients come
    -- from negotiation_participants, which already references app_users.
    recipient_id   uuid        NOT NULL,
    negotiation_id uuid,
    state          text,
    preview        text,
    status         text        NOT NULL DEFAULT 'pending',
    attempts       integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL,
    available_at   timestamptz NOT NULL,
    delivered_at   timestamptz,
    last_error     text,
    CONSTRAINT notification_outbox_kind CHECK (kind IN
        ('invited', 'joined', 'replied', 'countered', 'confirmed', 'cancelled', 'expired', 'evaluate')),
    CONSTRAINT notification_outbox_status CHECK (status IN ('pending', 'delivered', 'failed'))
);

-- The dispatcher's claim: pending rows that are due, oldest first.
CREATE INDEX notification_outbox_due ON notification_outbox (available_at) WHERE status = 'pending';
-- Pruning delivered rows past their retention.
CREATE INDEX notification_outbox_delivered ON notification_outbox (delivered_at) WHERE status = 'delivered';
