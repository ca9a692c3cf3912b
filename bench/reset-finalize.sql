-- Reopens the negotiations that a finalize run confirmed (the run's targets, listed by run.sh in
-- bench_finalize_targets; the seed's own confirmed negotiations stay as they are): their events
-- go, and the negotiation and its participants' rows are open again, so the next run (finalize or
-- reply) finds them as the seed made them.
\set ON_ERROR_STOP on
DELETE FROM events e
 USING bench_finalize_targets t
 WHERE e.negotiation_id = t.id;
UPDATE negotiation_participants p
   SET negotiation_state = 'awaiting_replies'
  FROM bench_finalize_targets t
 WHERE p.negotiation_id = t.id AND p.negotiation_state <> 'awaiting_replies';
UPDATE negotiations n
   SET state = 'awaiting_replies', final_slot_id = NULL, final_venue_id = NULL, final_starts_at = NULL,
       attendee_count = NULL
  FROM bench_finalize_targets t
 WHERE n.id = t.id AND n.state = 'confirmed';
