-- The ceiling for GET /negotiations/{id}: the statements a minimal implementation needs, as the
-- service writes them (user/UserRepository: resolve the caller by Firebase UID;
-- negotiation/NegotiationRows.LOAD: the negotiation with its participants, slots and venues
-- in one statement). Keep in step with those two files.
\set i random(0, :negotiations - 1)
\set u random(0, :users - 1)
SELECT id, firebase_uid, display_name, locale, feature_flags::text AS feature_flags, agent_mode_default, created_at, updated_at
  FROM app_users WHERE firebase_uid = 'bench-user-' || :u;
SELECT n.*,
       (SELECT coalesce(json_agg(json_build_object(
                   'user_id', p.user_id, 'uid', u.firebase_uid, 'display_name', u.display_name,
                   'status', p.status, 'accepted_slot_ids', p.accepted_slot_ids,
                   'accepted_venue_ids', p.accepted_venue_ids,
                   'responded_at', (extract(epoch FROM p.responded_at) * 1000000)::bigint,
                   'encrypted_payload', p.encrypted_payload,
                   'encrypted_blob_version', p.encrypted_blob_version) ORDER BY p.position), '[]')
          FROM negotiation_participants p JOIN app_users u ON u.id = p.user_id
         WHERE p.negotiation_id = n.id) AS participants_json,
       (SELECT coalesce(json_agg(json_build_object(
                   'id', s.id, 'index', s.slot_index,
                   'starts_at', (extract(epoch FROM s.starts_at) * 1000000)::bigint,
                   'duration_minutes', s.duration_minutes, 'timezone', s.timezone,
                   'proposed_by', s.proposed_by,
                   'proposed_at', (extract(epoch FROM s.proposed_at) * 1000000)::bigint)
                   ORDER BY s.starts_at, s.slot_index), '[]')
          FROM proposed_slots s WHERE s.negotiation_id = n.id) AS slots_json,
       (SELECT coalesce(json_agg(json_build_object(
                   'id', v.id, 'index', v.venue_index, 'name', v.name, 'provider_id', v.provider_id,
                   'address', v.address, 'lat', v.lat, 'lon', v.lon,
                   'metadata', v.metadata, 'proposed_by', v.proposed_by,
                   'proposed_at', (extract(epoch FROM v.proposed_at) * 1000000)::bigint)
                   ORDER BY v.venue_index), '[]')
          FROM proposed_venues v WHERE v.negotiation_id = n.id) AS venues_json,
       (SELECT coalesce(json_object_agg(e.owner_id, e.id), '{}')
          FROM events e WHERE e.negotiation_id = n.id) AS events_json
  FROM negotiations n
 WHERE n.id = md5('n' || :i)::uuid;
