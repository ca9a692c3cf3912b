-- Seeds a realistic volume into an EMPTY Kairos database and prints the plan of every query the
-- API runs. Rerun: start the service on the embedded database, then
--   psql -h localhost -p <embedded port> -U postgres -d postgres -f docs/query-plans.sql
-- from the repository root (the port is in the "Embedded PostgreSQL running on port …" log line; the
-- load statement comes from the service's source through bench/load-sql.sh). Results: docs/query-plans.md.
\set ON_ERROR_STOP on
\pset pager off

BEGIN;
-- 20,000 users; 100,000 negotiations of 1 organizer + 3 invitees, 2 slots and 1 venue each;
-- every third one confirmed with an event per participant.
INSERT INTO app_users (firebase_uid, display_name)
SELECT 'user-' || g, 'User ' || g FROM generate_series(1, 20000) g;

CREATE TEMP TABLE seed AS
SELECT gen_random_uuid() AS id, g,
       (SELECT id FROM app_users WHERE firebase_uid = 'user-' || (1 + g % 20000)) AS owner_id,
       CASE WHEN g % 3 = 0 THEN 'confirmed' WHEN g % 7 = 0 THEN 'expired' ELSE 'awaiting_replies' END AS state,
       now() - (g || ' seconds')::interval AS updated_at
  FROM generate_series(1, 100000) g;

INSERT INTO negotiations (id, owner_id, title, intent_category, state, sent, participant_count, request_fingerprint,
                          created_at, updated_at, expires_at, final_slot_id)
SELECT id, owner_id, 'Plan ' || g, 'coffee', state, true, 4, md5(g::text), updated_at, updated_at,
       now() + interval '7 days' - (g % 1000 || ' minutes')::interval,
       CASE WHEN state = 'confirmed' THEN gen_random_uuid() END
  FROM seed;

INSERT INTO negotiation_participants (negotiation_id, user_id, position, status, negotiation_state,
                                      negotiation_updated_at, awaiting_me)
SELECT s.id, u.id, p.position, CASE WHEN p.position = 0 THEN 'organizer' ELSE 'invited' END, s.state, s.updated_at,
       p.position > 0 AND s.state = 'awaiting_replies'
  FROM seed s
 CROSS JOIN generate_series(0, 3) AS p(position)
  JOIN app_users u ON u.firebase_uid = 'user-' || (1 + (s.g + p.position * 4999) % 20000);

INSERT INTO proposed_slots (id, negotiation_id, slot_index, starts_at, duration_minutes, timezone, proposed_by,
                            proposed_at)
SELECT gen_random_uuid(), s.id, i, now() + ((i + 1) || ' days')::interval, 60, 'UTC', s.owner_id, s.updated_at
  FROM seed s CROSS JOIN generate_series(0, 1) i;

INSERT INTO proposed_venues (id, negotiation_id, venue_index, name, proposed_by, proposed_at)
SELECT gen_random_uuid(), s.id, 0, 'Cafe ' || s.g, s.owner_id, s.updated_at FROM seed s;

INSERT INTO events (id, owner_id, negotiation_id, title, intent_category, status, starts_at, ends_at, timezone,
                    participants, created_at, updated_at)
SELECT gen_random_uuid(), p.user_id, s.id, 'Plan ' || s.g, 'coffee', 'confirmed',
       now() + ((s.g % 60) || ' days')::interval, now() + ((s.g % 60) || ' days')::interval + interval '1 hour',
       'UTC', '[]', s.updated_at, s.updated_at
  FROM seed s JOIN negotiation_participants p ON p.negotiation_id = s.id
 WHERE s.state = 'confirmed';
-- One invite link per open negotiation, one calendar feed per tenth user.
INSERT INTO invite_links (id, negotiation_id, token_hash, expires_at, created_at)
SELECT gen_random_uuid(), s.id, sha256(s.id::text::bytea), now() + interval '7 days', s.updated_at
  FROM seed s WHERE s.state = 'awaiting_replies';
INSERT INTO calendar_feeds (user_id, secret_hash, created_at)
SELECT id, sha256(id::text::bytea), now() FROM app_users WHERE firebase_uid LIKE '%0';
COMMIT;
ANALYZE;

SELECT id AS sample_user FROM app_users WHERE firebase_uid = 'user-42' \gset
SELECT id AS sample_negotiation FROM negotiations ORDER BY updated_at DESC LIMIT 1 OFFSET 500 \gset
SELECT id AS sample_event FROM events LIMIT 1 \gset

\echo '## Provisioning: user by Firebase UID (every authenticated request)'
EXPLAIN (COSTS OFF) SELECT id FROM app_users WHERE firebase_uid = 'user-42';

\echo '## Invitees by Firebase UID (start)'
EXPLAIN (COSTS OFF) SELECT id, firebase_uid, display_name FROM app_users WHERE firebase_uid = ANY('{user-1,user-2,user-3}');

\echo '## Lock one negotiation (reply, cancel)'
EXPLAIN (COSTS OFF) SELECT id FROM negotiations WHERE id = :'sample_negotiation' FOR UPDATE;

\echo '## Load one negotiation with participants, slots, venues and events as one JSON aggregate (GET /negotiations/{id}, after every write)'
-- The service's own statement (NegotiationLoadSql.LOAD, read by bench/load-sql.sh), not a copy of it.
\set load_sql `bench/load-sql.sh '$1'`
PREPARE load_negotiation(uuid) AS :load_sql;
EXPLAIN (COSTS OFF) EXECUTE load_negotiation(:'sample_negotiation');

\echo '## GET /negotiations, first page'
EXPLAIN (COSTS OFF)
SELECT n.id, owner.firebase_uid, p.status, p.negotiation_updated_at
  FROM negotiation_participants p
  JOIN negotiations n ON n.id = p.negotiation_id
  JOIN app_users owner ON owner.id = n.owner_id
  LEFT JOIN app_users actor ON actor.id = n.last_actor_id
 WHERE p.user_id = :'sample_user'
   AND (p.negotiation_state <> 'awaiting_invites' OR p.status = 'organizer')
 ORDER BY p.negotiation_updated_at DESC, p.negotiation_id DESC LIMIT 21;

\echo '## GET /negotiations, next page (keyset cursor) with a state filter'
EXPLAIN (COSTS OFF)
SELECT n.id, owner.firebase_uid, p.status, p.negotiation_updated_at
  FROM negotiation_participants p
  JOIN negotiations n ON n.id = p.negotiation_id
  JOIN app_users owner ON owner.id = n.owner_id
  LEFT JOIN app_users actor ON actor.id = n.last_actor_id
 WHERE p.user_id = :'sample_user'
   AND (p.negotiation_state <> 'awaiting_invites' OR p.status = 'organizer')
   AND (CASE WHEN p.negotiation_state IN ('awaiting_invites', 'awaiting_replies') AND n.expires_at <= now()
             THEN 'expired' ELSE p.negotiation_state END) = ANY('{awaiting_replies,confirmed}')
   AND (p.negotiation_updated_at, p.negotiation_id) < (now() - interval '1 hour', gen_random_uuid())
 ORDER BY p.negotiation_updated_at DESC, p.negotiation_id DESC LIMIT 21;

\echo '## GET /negotiations?awaiting_me=true&updated_after=…'
EXPLAIN (COSTS OFF)
SELECT n.id FROM negotiation_participants p JOIN negotiations n ON n.id = p.negotiation_id
 WHERE p.user_id = :'sample_user' AND p.awaiting_me AND n.expires_at > now()
   AND p.negotiation_updated_at > now() - interval '1 day'
 ORDER BY p.negotiation_updated_at DESC, p.negotiation_id DESC LIMIT 21;

\echo '## Write a change: the negotiation row (a CTE) and every participant row, the answer included (every write)'
EXPLAIN (COSTS OFF)
WITH negotiation AS (
    UPDATE negotiations SET state = 'confirmed', revision = revision + 1, updated_at = now()
     WHERE id = :'sample_negotiation')
UPDATE negotiation_participants
   SET negotiation_state = 'confirmed', negotiation_updated_at = now(),
       status = CASE WHEN position = 1 THEN 'accepted' ELSE status END
 WHERE negotiation_id = :'sample_negotiation';

\echo '## Expiry sweep'
EXPLAIN (COSTS OFF)
WITH due AS (SELECT id FROM negotiations WHERE state IN ('awaiting_invites', 'awaiting_replies') AND expires_at <= now()
              ORDER BY expires_at LIMIT 500 FOR UPDATE SKIP LOCKED)
UPDATE negotiations n SET state = 'expired' FROM due WHERE n.id = due.id RETURNING n.id;

\echo '## GET /events/upcoming'
EXPLAIN (COSTS OFF)
SELECT e.id FROM events e JOIN app_users u ON u.id = e.owner_id
 WHERE e.owner_id = :'sample_user' AND e.status = 'confirmed' AND e.starts_at >= now()
 ORDER BY e.starts_at, e.id LIMIT 20;

\echo '## GET /events (keyset page)'
EXPLAIN (COSTS OFF)
SELECT e.id FROM events e JOIN app_users u ON u.id = e.owner_id
 WHERE e.owner_id = :'sample_user' AND (e.updated_at, e.id) < (now(), gen_random_uuid())
 ORDER BY e.updated_at DESC, e.id DESC LIMIT 21;

\echo '## GET /events/{id}'
EXPLAIN (COSTS OFF) SELECT e.id FROM events e JOIN app_users u ON u.id = e.owner_id WHERE e.id = :'sample_event';

\echo '## Cancel a confirmed negotiation''s events'
EXPLAIN (COSTS OFF)
UPDATE events SET status = 'cancelled' WHERE negotiation_id = :'sample_negotiation' AND status = 'confirmed';

SELECT negotiation_id AS sample_linked FROM invite_links LIMIT 1 OFFSET 100 \gset

\echo '## Invite link by token hash, with its preview (GET /invites/{token}, POST /invites/{token}/join)'
EXPLAIN (COSTS OFF)
SELECT l.id, n.title, o.firebase_uid,
       EXISTS (SELECT 1 FROM negotiation_participants p WHERE p.negotiation_id = n.id AND p.user_id = :'sample_user')
  FROM invite_links l JOIN negotiations n ON n.id = l.negotiation_id JOIN app_users o ON o.id = n.owner_id
 WHERE l.token_hash = sha256(:'sample_linked'::text::bytea);

\echo '## Claim one use of a link (join, under the negotiation lock)'
EXPLAIN (COSTS OFF)
UPDATE invite_links SET uses = uses + 1
 WHERE id = '00000000-0000-4000-8000-000000000001' AND revoked_at IS NULL AND expires_at > now()
   AND (max_uses IS NULL OR uses < max_uses);

\echo '## Active links of a negotiation (create) and all of them (list)'
EXPLAIN (COSTS OFF)
SELECT count(*) FROM invite_links
 WHERE negotiation_id = :'sample_linked' AND revoked_at IS NULL AND expires_at > now()
   AND (max_uses IS NULL OR uses < max_uses);

\echo '## Calendar feed: the feed by secret hash and its owner''s events, one statement'
EXPLAIN (COSTS OFF)
SELECT f.secret_hash, e.id, e.title, e.venue ->> 'name', e.participants::text
  FROM calendar_feeds f
  LEFT JOIN events e ON e.owner_id = f.user_id AND e.ends_at >= now() - interval '90 days'
 WHERE f.secret_hash = (SELECT secret_hash FROM calendar_feeds LIMIT 1)
 ORDER BY e.starts_at, e.id;

\echo '## GET /negotiations, first page with the list-row columns (slot_count, venue_count, next_starts_at: V5)'
EXPLAIN (COSTS OFF)
SELECT n.id, owner.display_name, cardinality(n.slot_starts_at) AS slot_count, n.final_starts_at,
       (SELECT min(t) FROM unnest(n.slot_starts_at) t WHERE t > now()) AS next_open, n.venue_count
  FROM negotiation_participants p
  JOIN negotiations n ON n.id = p.negotiation_id
  JOIN app_users owner ON owner.id = n.owner_id
 WHERE p.user_id = :'sample_user' AND (n.sent OR p.status = 'organizer')
 ORDER BY p.negotiation_updated_at DESC, p.negotiation_id DESC LIMIT 21;

\echo '## my_event_id: the events of one negotiation (part of the negotiation load)'
EXPLAIN (COSTS OFF)
SELECT json_object_agg(e.owner_id, e.id) FROM events e WHERE e.negotiation_id = :'sample_negotiation';
