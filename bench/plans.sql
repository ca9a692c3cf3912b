-- The plans of the two benchmarked reads on a seeded benchmark database (bench/seed.sql), with
-- their execution times: run against the small and the large data set to see that neither
-- depends on the table sizes (docs/query-plans.md, "At benchmark scale").
--   psql -v uid=bench-user-7 -f bench/plans.sql          (from the repository root)
-- The load statement is the service's own (bench/load-sql.sh reads NegotiationLoadSql.LOAD); the
-- list page is the first page of GET /negotiations?limit=20 as docs/query-plans.sql writes it.
\set ON_ERROR_STOP on
\pset pager off
SELECT id AS sample_user FROM app_users WHERE firebase_uid = :'uid' \gset
SELECT negotiation_id AS sample_negotiation FROM negotiation_participants
 WHERE user_id = :'sample_user' ORDER BY negotiation_updated_at DESC LIMIT 1 \gset
SELECT count(*) AS negotiations FROM negotiations \gset
\set load_sql `bench/load-sql.sh '$1'`
PREPARE load_negotiation(uuid) AS :load_sql;
\echo '## ' :negotiations ' negotiations: GET /negotiations/{id} (user by UID, then the one-statement load)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, firebase_uid, display_name FROM app_users WHERE firebase_uid = :'uid';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
EXECUTE load_negotiation(:'sample_negotiation');
\echo '## ' :negotiations ' negotiations: GET /negotiations?limit=20 (first page)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT n.id, owner.display_name, cardinality(n.slot_starts_at) AS slot_count, n.final_starts_at,
       (SELECT min(t) FROM unnest(n.slot_starts_at) t WHERE t > now()) AS next_open, n.venue_count
  FROM negotiation_participants p
  JOIN negotiations n ON n.id = p.negotiation_id
  JOIN app_users owner ON owner.id = n.owner_id
 WHERE p.user_id = :'sample_user' AND (n.sent OR p.status = 'organizer')
 ORDER BY p.negotiation_updated_at DESC, p.negotiation_id DESC LIMIT 21;
