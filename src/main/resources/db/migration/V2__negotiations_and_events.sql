-- Negotiations, their participants and options, and the events a confirmation creates (SPEC §5, §6).
-- Users are referenced by app_users.id; the API shows Firebase UIDs.

CREATE TABLE negotiations (
    id                     uuid        PRIMARY KEY,
    owner_id               uuid        NOT NULL REFERENCES app_users (id),
    title                  text        NOT NULL,
    intent_category        text        NOT NULL,
    state                  text        NOT NULL,
    -- Whether invitees have ever seen it: a draft cancelled or expired before sending stays the organizer's.
    sent                   boolean     NOT NULL,
    agent_mode             boolean     NOT NULL DEFAULT false,
    agent_round            integer     NOT NULL DEFAULT 0,
    revision               integer     NOT NULL DEFAULT 0,
    participant_count      integer     NOT NULL,
    accepted_count         integer     NOT NULL DEFAULT 0,
    final_slot_id          uuid,
    final_venue_id         uuid,
    encrypted_payload      text,
    encrypted_blob_version integer,
    last_actor_id          uuid        REFERENCES app_users (id),
    last_message_preview   text,
    cancel_reason          text,
    -- SHA-256 of the creating request, so a retried POST /negotiate/start with the same id is recognised.
    request_fingerprint    text        NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    expires_at             timestamptz NOT NULL,
    CONSTRAINT negotiations_title_length CHECK (char_length(title) BETWEEN 1 AND 120),
    CONSTRAINT negotiations_intent_category CHECK (intent_category IN
        ('coffee', 'lunch', 'dinner', 'drinks', 'gym', 'walk', 'movie', 'concert', 'study', 'game', 'brunch')),
    CONSTRAINT negotiations_state CHECK (state IN
        ('awaiting_invites', 'awaiting_replies', 'confirmed', 'cancelled', 'expired')),
    CONSTRAINT negotiations_confirmed_has_final_slot CHECK (state <> 'confirmed' OR final_slot_id IS NOT NULL),
    CONSTRAINT negotiations_blob_version CHECK (
        (encrypted_payload IS NULL AND encrypted_blob_version IS NULL)
        OR (encrypted_payload IS NOT NULL AND encrypted_blob_version >= 1)),
    CONSTRAINT negotiations_revision_not_negative CHECK (revision >= 0),
    CONSTRAINT negotiations_counts CHECK (participant_count BETWEEN 2 AND 50 AND accepted_count BETWEEN 0 AND participant_count)
);

-- The expiry sweep: open negotiations by deadline.
CREATE INDEX negotiations_open_by_expiry ON negotiations (expires_at)
    WHERE state IN ('awaiting_invites', 'awaiting_replies');

CREATE TABLE proposed_slots (
    id               uuid        PRIMARY KEY,
    negotiation_id   uuid        NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
    slot_index       integer     NOT NULL,
    starts_at        timestamptz NOT NULL,
    duration_minutes integer     NOT NULL,
    timezone         text        NOT NULL,
    proposed_by      uuid        NOT NULL REFERENCES app_users (id),
    CONSTRAINT proposed_slots_index_unique UNIQUE (negotiation_id, slot_index),
    CONSTRAINT proposed_slots_no_duplicates UNIQUE (negotiation_id, starts_at, duration_minutes, timezone),
    CONSTRAINT proposed_slots_index_range CHECK (slot_index BETWEEN 0 AND 19),
    CONSTRAINT proposed_slots_duration CHECK (duration_minutes BETWEEN 5 AND 1440)
);

CREATE TABLE proposed_venues (
    id             uuid    PRIMARY KEY,
    negotiation_id uuid    NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
    venue_index    integer NOT NULL,
    name           text    NOT NULL,
    provider_id    text,
    metadata       jsonb,
    proposed_by    uuid    NOT NULL REFERENCES app_users (id),
    CONSTRAINT proposed_venues_index_unique UNIQUE (negotiation_id, venue_index),
    CONSTRAINT proposed_venues_index_range CHECK (venue_index BETWEEN 0 AND 19),
    CONSTRAINT proposed_venues_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT proposed_venues_metadata_object CHECK (metadata IS NULL OR jsonb_typeof(metadata) = 'object')
);

-- One row per participant. The negotiation's state and updated_at are copied here (kept in step by
-- every write) so that "my negotiations, newest first" is a single index range scan per user.
CREATE TABLE negotiation_participants (
    negotiation_id         uuid        NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
    user_id                uuid        NOT NULL REFERENCES app_users (id),
    position               integer     NOT NULL,
    status                 text        NOT NULL,
    accepted_slot_ids      uuid[]      NOT NULL DEFAULT '{}',
    accepted_venue_ids     uuid[]      NOT NULL DEFAULT '{}',
    encrypted_payload      text,
    encrypted_blob_version integer,
    responded_at           timestamptz,
    awaiting_me            boolean     NOT NULL DEFAULT false,
    negotiation_state      text        NOT NULL,
    negotiation_updated_at timestamptz NOT NULL,
    PRIMARY KEY (negotiation_id, user_id),
    CONSTRAINT negotiation_participants_status CHECK (status IN ('organizer', 'invited', 'accepted', 'declined', 'countered')),
    CONSTRAINT negotiation_participants_position UNIQUE (negotiation_id, position),
    CONSTRAINT negotiation_participants_blob_version CHECK (
        (encrypted_payload IS NULL AND encrypted_blob_version IS NULL)
        OR (encrypted_payload IS NOT NULL AND encrypted_blob_version >= 1))
);

-- GET /negotiations: keyset paging on (updated_at, id) per user.
CREATE INDEX negotiation_participants_by_user_recent
    ON negotiation_participants (user_id, negotiation_updated_at DESC, negotiation_id DESC);

CREATE TABLE events (
    id                     uuid        PRIMARY KEY,
    owner_id               uuid        NOT NULL REFERENCES app_users (id),
    negotiation_id         uuid        NOT NULL REFERENCES negotiations (id),
    title                  text        NOT NULL,
    intent_category        text        NOT NULL,
    status                 text        NOT NULL,
    source                 text        NOT NULL DEFAULT 'negotiation',
    starts_at              timestamptz NOT NULL,
    ends_at                timestamptz NOT NULL,
    timezone               text        NOT NULL,
    venue                  jsonb,
    participants           jsonb       NOT NULL,
    encrypted_payload      text,
    encrypted_blob_version integer,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    CONSTRAINT events_status CHECK (status IN ('confirmed', 'cancelled')),
    CONSTRAINT events_source CHECK (source = 'negotiation'),
    CONSTRAINT events_time_order CHECK (ends_at > starts_at),
    CONSTRAINT events_one_per_owner UNIQUE (negotiation_id, owner_id)
);

-- GET /events/upcoming: the owner's confirmed events by start.
CREATE INDEX events_upcoming_by_owner ON events (owner_id, starts_at, id) WHERE status = 'confirmed';
-- GET /events: keyset paging on (updated_at, id) per owner.
CREATE INDEX events_by_owner_recent ON events (owner_id, updated_at DESC, id DESC);
