-- Invite links (SPEC §5.8), calendar feeds (SPEC §6) and what the iOS app needs (SPEC §5.1, §5.3):
-- link-only plans (no invitee yet), the intent category 'other', typed venue address and coordinates.

-- A plan may start with the organizer alone and gain invitees by link.
ALTER TABLE negotiations DROP CONSTRAINT negotiations_counts;
ALTER TABLE negotiations ADD CONSTRAINT negotiations_counts
    CHECK (participant_count BETWEEN 1 AND 50 AND accepted_count BETWEEN 0 AND participant_count);

ALTER TABLE negotiations DROP CONSTRAINT negotiations_intent_category;
ALTER TABLE negotiations ADD CONSTRAINT negotiations_intent_category CHECK (intent_category IN
    ('coffee', 'lunch', 'dinner', 'drinks', 'gym', 'walk', 'movie', 'concert', 'study', 'game', 'brunch', 'other'));

-- Typed venue fields beside the free-form metadata.
ALTER TABLE proposed_venues
    ADD COLUMN address text,
    ADD COLUMN lat     double precision,
    ADD COLUMN lon     double precision,
    ADD CONSTRAINT proposed_venues_address_length CHECK (address IS NULL OR char_length(address) BETWEEN 1 AND 300),
    ADD CONSTRAINT proposed_venues_lat_range CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
    ADD CONSTRAINT proposed_venues_lon_range CHECK (lon IS NULL OR lon BETWEEN -180 AND 180);

-- Existing rows: clients used to put these into metadata. Copy what is valid; leave metadata as it was.
UPDATE proposed_venues
   SET address = CASE WHEN jsonb_typeof(metadata -> 'address') = 'string'
                           AND char_length(metadata ->> 'address') BETWEEN 1 AND 300
                      THEN metadata ->> 'address' END,
       lat = CASE WHEN jsonb_typeof(metadata -> 'lat') = 'number'
                       AND (metadata ->> 'lat')::double precision BETWEEN -90 AND 90
                  THEN (metadata ->> 'lat')::double precision END,
       lon = CASE WHEN jsonb_typeof(metadata -> 'lon') = 'number'
                       AND (metadata ->> 'lon')::double precision BETWEEN -180 AND 180
                  THEN (metadata ->> 'lon')::double precision END
 WHERE metadata IS NOT NULL;

-- Events keep a copy of the chosen venue as JSON; give existing copies the same typed fields.
UPDATE events e
   SET venue = e.venue || jsonb_build_object('address', v.address, 'lat', v.lat, 'lon', v.lon)
  FROM negotiations n JOIN proposed_venues v ON v.id = n.final_venue_id
 WHERE e.negotiation_id = n.id AND e.venue IS NOT NULL;

-- Invite links. The token itself is never stored: only its SHA-256.
CREATE TABLE invite_links (
    id             uuid        PRIMARY KEY,
    negotiation_id uuid        NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
    token_hash     bytea       NOT NULL,
    expires_at     timestamptz NOT NULL,
    max_uses       integer,
    uses           integer     NOT NULL DEFAULT 0,
    revoked_at     timestamptz,
    created_at     timestamptz NOT NULL,
    CONSTRAINT invite_links_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT invite_links_token_hash_length CHECK (octet_length(token_hash) = 32),
    CONSTRAINT invite_links_max_uses CHECK (max_uses IS NULL OR max_uses BETWEEN 1 AND 1000),
    CONSTRAINT invite_links_uses CHECK (uses >= 0 AND (max_uses IS NULL OR uses <= max_uses))
);

CREATE INDEX invite_links_by_negotiation ON invite_links (negotiation_id, created_at);

-- One secret calendar feed per user; rotating replaces the hash, so the old URL dies at once.
CREATE TABLE calendar_feeds (
    user_id     uuid        PRIMARY KEY REFERENCES app_users (id),
    secret_hash bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT calendar_feeds_secret_hash_unique UNIQUE (secret_hash),
    CONSTRAINT calendar_feeds_secret_hash_length CHECK (octet_length(secret_hash) = 32)
);

-- The feed: all of one owner's events ending after a point in time, by start.
CREATE INDEX events_by_owner_end ON events (owner_id, ends_at);
