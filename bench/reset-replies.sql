-- Puts every reply target of the benchmark (the first invitee of each open negotiation) back to
-- "invited", so that the reply run's alternating answers each change something and really write.
\set ON_ERROR_STOP on
UPDATE negotiation_participants p
   SET status = 'invited', accepted_slot_ids = '{}', accepted_venue_ids = '{}', responded_at = NULL
  FROM negotiations n
 WHERE n.id = p.negotiation_id AND n.state = 'awaiting_replies' AND p.position = 1 AND p.status <> 'invited';
