-- What a GET /negotiations row shows about the options, kept on the negotiation row itself:
-- every slot's start (for the slot count and the next open slot), the venue count, and the final
-- slot's start. Computed per page row from proposed_slots and proposed_venues, these two lookups
-- were most of the list statement's cost in PostgreSQL (pgbench on the statement: 6,000 tps with
-- them, 10,300 without). Written by the statements that write the negotiation row, from the
-- domain's options (NegotiationRepository), so they cannot disagree with the option tables.
ALTER TABLE negotiations
    ADD COLUMN slot_starts_at timestamptz[] NOT NULL DEFAULT '{}',
    ADD COLUMN venue_count integer NOT NULL DEFAULT 0 CONSTRAINT negotiations_venue_count CHECK (venue_count >= 0),
    ADD COLUMN final_starts_at timestamptz;

UPDATE negotiations n
   SET slot_starts_at = coalesce((SELECT array_agg(s.starts_at ORDER BY s.starts_at, s.slot_index)
                                    FROM proposed_slots s WHERE s.negotiation_id = n.id), '{}'),
       venue_count = (SELECT count(*) FROM proposed_venues v WHERE v.negotiation_id = n.id),
       final_starts_at = (SELECT s.starts_at FROM proposed_slots s WHERE s.id = n.final_slot_id);
