-- The ceiling for GET /negotiations/{id}: the statements a minimal implementation needs, as the
-- service writes them: resolve the caller by Firebase UID (user/UserRepository), then the
-- negotiation with its participants, slots, venues and events in one statement. bench/run.sh
-- appends that second statement from its one home, NegotiationLoadSql.LOAD in the service's source.
\set i random(0, :negotiations - 1)
\set u random(0, :users - 1)
SELECT id, firebase_uid, display_name, locale, feature_flags::text AS feature_flags, agent_mode_default, created_at, updated_at
  FROM app_users WHERE firebase_uid = 'bench-user-' || :u;
