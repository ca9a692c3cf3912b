-- Seeds a realistic data set for the benchmark (bench/run.sh), straight through SQL.
-- psql variables: :negotiations (how many). Users = negotiations / 10 (at least 1,000), so each
-- user takes part in about 40 negotiations, as in the issue's measurement.
-- Negotiation i: organizer o = (i * 37) mod U and invitees o+1, o+2, o+3; two slots and one venue;
-- 80 % awaiting replies, 10 % confirmed, 10 % cancelled. Ids are md5-derived so runs are repeatable.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

CREATE TEMP TABLE bench_params AS
SELECT :negotiations::int AS n, greatest(1000, :negotiations::int / 10) AS u, now() AS t0;

INSERT INTO app_users (id, firebase_uid, display_name, locale, created_at, updated_at)
SELECT md5('u' || k)::uuid, 'bench-user-' || k, 'User ' || k, 'en-GB', t0 - interval '30 days', t0 - interval '30 days'
  FROM bench_params, generate_series(0, u - 1) AS k
ON CONFLICT (firebase_uid) DO NOTHING;

CREATE TEMP TABLE bench_n AS
SELECT i,
       md5('n' || i)::uuid AS id,
       (i * 37) % u AS o,
       u,
       CASE WHEN i % 10 < 8 THEN 'awaiting_replies' WHEN i % 10 = 8 THEN 'confirmed' ELSE 'cancelled' END AS state,
       t0 - (i % 100000) * interval '1 second' AS updated_at,
       date_trunc('hour', t0) + interval '1 day' + (i % 500) * interval '1 hour' AS s1
  FROM bench_params, generate_series(0, n - 1) AS i;

INSERT INTO negotiations (id, owner_id, title, intent_category, state, sent, agent_mode, agent_round, revision,
                          participant_count, accepted_count, final_slot_id, final_venue_id, last_actor_id,
                          last_message_preview, request_fingerprint, created_at, updated_at, expires_at,
                          slot_starts_at, venue_count, final_starts_at)
SELECT id, md5('u' || o)::uuid, 'Coffee catch-up ' || i, 'coffee', state, true, false, 0,
       CASE state WHEN 'awaiting_replies' THEN 0 ELSE 4 END, 4,
       CASE state WHEN 'awaiting_replies' THEN 0 ELSE 3 END,
       CASE WHEN state <> 'awaiting_replies' THEN md5('s1-' || i)::uuid END,
       CASE WHEN state <> 'awaiting_replies' THEN md5('v-' || i)::uuid END,
       md5('u' || o)::uuid, 'User ' || o || ' proposed a coffee', 'bench',
       updated_at, updated_at, (SELECT t0 FROM bench_params) + interval '29 days',
       ARRAY[s1, s1 + interval '2 hours'], 1, CASE WHEN state <> 'awaiting_replies' THEN s1 END
  FROM bench_n
ON CONFLICT (id) DO NOTHING;

INSERT INTO proposed_slots (id, negotiation_id, slot_index, starts_at, duration_minutes, timezone, proposed_by,
                            proposed_at)
SELECT md5('s' || k || '-' || i)::uuid, id, k - 1, s1 + (k - 1) * interval '2 hours', 60, 'Europe/Berlin', md5('u' || o)::uuid,
       updated_at
  FROM bench_n, generate_series(1, 2) AS k
ON CONFLICT DO NOTHING;

INSERT INTO proposed_venues (id, negotiation_id, venue_index, name, provider_id, address, metadata, proposed_by,
                             proposed_at)
SELECT md5('v-' || i)::uuid, id, 0, 'Blue Bottle ' || (i % 50), 'gplace-' || (i % 50), 'Rosenthaler Str. ' || (i % 50),
       '{}'::jsonb, md5('u' || o)::uuid, updated_at
  FROM bench_n
ON CONFLICT DO NOTHING;

INSERT INTO negotiation_participants (negotiation_id, user_id, position, status, accepted_slot_ids, accepted_venue_ids,
                                      responded_at, awaiting_me, negotiation_state, negotiation_updated_at)
SELECT id, md5('u' || ((o + k) % u))::uuid, k,
       CASE WHEN k = 0 THEN 'organizer' WHEN state = 'awaiting_replies' THEN 'invited' ELSE 'accepted' END,
       CASE WHEN k = 0 THEN ARRAY[md5('s1-' || i)::uuid, md5('s2-' || i)::uuid]
            WHEN state = 'awaiting_replies' THEN '{}'::uuid[] ELSE ARRAY[md5('s1-' || i)::uuid] END,
       CASE WHEN k = 0 OR state <> 'awaiting_replies' THEN ARRAY[md5('v-' || i)::uuid] ELSE '{}'::uuid[] END,
       CASE WHEN k = 0 OR state <> 'awaiting_replies' THEN updated_at END,
       k > 0 AND state = 'awaiting_replies', state, updated_at
  FROM bench_n, generate_series(0, 3) AS k
ON CONFLICT DO NOTHING;

ANALYZE;
