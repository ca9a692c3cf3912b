package com.amiqo.kairos.negotiation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.amiqo.kairos.api.EncryptedBlob;

/**
 * Reading a whole negotiation in one statement: the SQL, with participants, options and
 * the participants' events as JSON aggregates, and the mapping of its row back to a
 * {@link NegotiationRecord}. Timestamps inside the aggregates travel as epoch
 * microseconds so no precision is lost on the way through JSON.
 */
final class NegotiationRows {

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	/** Everything about one negotiation, in one statement. */
	static final String LOAD = """
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
			 WHERE n.id = :id
			""";

	private final JsonMapper json;

	NegotiationRows(JsonMapper json) {
		this.json = json;
	}

	NegotiationRecord toRecord(ResultSet row, int rowNum) throws SQLException {
		UUID id = row.getObject("id", UUID.class);
		Map<UUID, NegotiationRecord.UserRef> users = new HashMap<>();
		Map<UUID, EncryptedBlob> participantBlobs = new HashMap<>();
		List<Participant> participants = new ArrayList<>();
		for (JsonNode node : json.readTree(row.getString("participants_json"))) {
			UUID userId = UUID.fromString(node.get("user_id").asString());
			users.put(userId, new NegotiationRecord.UserRef(userId, node.get("uid").asString(),
					textOrNull(node.get("display_name"))));
			participants.add(new Participant(userId, ParticipantStatus.of(node.get("status").asString()),
					uuids(node.get("accepted_slot_ids")), uuids(node.get("accepted_venue_ids")),
					micros(node.get("responded_at"))));
			String payload = textOrNull(node.get("encrypted_payload"));
			if (payload != null) {
				participantBlobs.put(userId, new EncryptedBlob(payload, node.get("encrypted_blob_version").asInt()));
			}
		}
		List<ProposedSlot> slots = new ArrayList<>();
		for (JsonNode node : json.readTree(row.getString("slots_json"))) {
			slots.add(new ProposedSlot(UUID.fromString(node.get("id").asString()), node.get("index").asInt(),
					requiredMicros(node.get("starts_at")), node.get("duration_minutes").asInt(),
					node.get("timezone").asString(), UUID.fromString(node.get("proposed_by").asString()),
					requiredMicros(node.get("proposed_at"))));
		}
		List<ProposedVenue> venues = new ArrayList<>();
		for (JsonNode node : json.readTree(row.getString("venues_json"))) {
			JsonNode metadata = node.get("metadata");
			venues.add(new ProposedVenue(UUID.fromString(node.get("id").asString()), node.get("index").asInt(),
					node.get("name").asString(), textOrNull(node.get("provider_id")), textOrNull(node.get("address")),
					doubleOrNull(node.get("lat")), doubleOrNull(node.get("lon")),
					metadata == null || metadata.isNull() ? null : json.convertValue(metadata, JSON_OBJECT),
					UUID.fromString(node.get("proposed_by").asString()), requiredMicros(node.get("proposed_at"))));
		}
		Negotiation negotiation = new Negotiation(id, row.getObject("owner_id", UUID.class),
				NegotiationState.of(row.getString("state")), participants, slots, venues,
				NegotiationRepository.instant(row, "expires_at"), row.getInt("agent_round"), row.getInt("revision"),
				row.getObject("final_slot_id", UUID.class), row.getObject("final_venue_id", UUID.class),
				row.getBoolean("sent"));
		String payload = row.getString("encrypted_payload");
		return new NegotiationRecord(negotiation, row.getString("title"), row.getString("intent_category"),
				row.getBoolean("agent_mode"),
				payload == null ? null : new EncryptedBlob(payload, row.getInt("encrypted_blob_version")),
				row.getObject("last_actor_id", UUID.class), row.getString("last_message_preview"),
				row.getString("request_fingerprint"), NegotiationRepository.instant(row, "created_at"),
				NegotiationRepository.instant(row, "updated_at"), users, participantBlobs,
				eventIds(row.getString("events_json")));
	}

	private static Set<UUID> uuids(JsonNode array) {
		Set<UUID> result = new LinkedHashSet<>();
		array.forEach(element -> result.add(UUID.fromString(element.asString())));
		return result;
	}

	private static Instant requiredMicros(@Nullable JsonNode node) {
		return Objects.requireNonNull(micros(node), "NOT NULL column");
	}

	private static @Nullable Instant micros(@Nullable JsonNode node) {
		return node == null || node.isNull() ? null : Instant.EPOCH.plus(node.asLong(), ChronoUnit.MICROS);
	}

	private static @Nullable Double doubleOrNull(@Nullable JsonNode node) {
		return node == null || node.isNull() ? null : node.asDouble();
	}

	/** Event ids by owner, from {@code json_object_agg(owner_id, id)}. */
	private Map<UUID, UUID> eventIds(String eventsJson) {
		Map<UUID, UUID> result = new HashMap<>();
		json.readTree(eventsJson)
			.properties()
			.forEach(
					entry -> result.put(UUID.fromString(entry.getKey()), UUID.fromString(entry.getValue().asString())));
		return result;
	}

	private static @Nullable String textOrNull(@Nullable JsonNode node) {
		return node == null || node.isNull() ? null : node.asString();
	}

}
