-- Reopens the benchmark's negotiations that a finalize run confirmed: their events go, and the
-- negotiation and its participants' rows are open again, so the next run (finalize or reply) finds
-- them as the seed made them.
\set ON_ERROR_STOP on
DELETE FROM events e
 USING negotiations n
 WHERE e.negotiation_id = n.id AND n.request_fingerprint = 'bench' AND n.state = 'confirmed';
UPDATE negotiation_participants p
   SET negotiation_state = 'awaiting_replies'
  FROM negotiations n
 WHERE n.id = p.negotiation_id AND n.request_fingerprint = 'bench' AND n.state = 'confirmed';
UPDATE negotiations
   SET state = 'awaiting_replies', final_slot_id = NULL, final_venue_id = NULL, final_starts_at = NULL,
       attendee_count = NULL
 WHERE request_fingerprint = 'bench' AND state = 'confirmed';
