package com.amiqo.kairos.negotiation.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import com.amiqo.kairos.api.EncryptedBlob;
import com.amiqo.kairos.negotiation.domain.Deciding;
import com.amiqo.kairos.negotiation.domain.Lists;
import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.OnDeadline;
import com.amiqo.kairos.negotiation.domain.Participant;
import com.amiqo.kairos.negotiation.domain.ParticipantStatus;
import com.amiqo.kairos.negotiation.domain.ProposedSlot;
import com.amiqo.kairos.negotiation.domain.ProposedVenue;

/**
 * Reading a whole negotiation in one statement: the SQL, with participants, options and
 * the participants' events as one JSON aggregate, and the mapping of its row back to a
 * {@link StoredNegotiation}. Jackson maps the aggregate onto the private row records
 * below (snake_case keys, as the API's mapper names them). Timestamps inside it are epoch
 * seconds as an exact decimal ({@code extract(epoch …)} is {@code numeric}, to the
 * microsecond), so they read back exactly as stored; Jackson reads such a number into an
 * {@code Instant} without parsing ISO 8601 text on every load. Each participant's user is
 * a subquery by primary key rather than a join, so the plan stays four index probes
 * whatever the size of {@code app_users} (a join over a small table becomes a hash join
 * over all of it; plans and timings in docs/query-plans.md and docs/performance.md).
 */
final class NegotiationLoadSql {

	/** Everything about one negotiation, in one statement. */
	static final String LOAD = """
			SELECT n.*,
			       json_build_object(
			         'participants', (SELECT coalesce(json_agg((SELECT json_build_object(
			                   'user_id', p.user_id, 'uid', u.firebase_uid, 'display_name', u.display_name,
			                   'status', p.status, 'accepted_slot_ids', p.accepted_slot_ids,
			                   'accepted_venue_ids', p.accepted_venue_ids, 'maybe_slot_ids', p.maybe_slot_ids,
			                   'maybe_venue_ids', p.maybe_venue_ids, 'responded_at', extract(epoch FROM p.responded_at),
			                   'encrypted_payload', p.encrypted_payload,
			                   'encrypted_blob_version', p.encrypted_blob_version)
			                   FROM app_users u WHERE u.id = p.user_id) ORDER BY p.position), '[]')
			          FROM negotiation_participants p WHERE p.negotiation_id = n.id),
			         'slots', (SELECT coalesce(json_agg(json_build_object(
			                   'id', s.id, 'index', s.slot_index, 'starts_at', extract(epoch FROM s.starts_at),
			                   'duration_minutes', s.duration_minutes, 'timezone', s.timezone,
			                   'proposed_by', s.proposed_by, 'proposed_at', extract(epoch FROM s.proposed_at))
			                   ORDER BY s.starts_at, s.slot_index), '[]')
			          FROM proposed_slots s WHERE s.negotiation_id = n.id),
			         'venues', (SELECT coalesce(json_agg(json_build_object(
			                   'id', v.id, 'index', v.venue_index, 'name', v.name, 'provider_id', v.provider_id,
			                   'address', v.address, 'lat', v.lat, 'lon', v.lon,
			                   'metadata', v.metadata, 'proposed_by', v.proposed_by, 'proposed_at', extract(epoch FROM v.proposed_at))
			                   ORDER BY v.venue_index), '[]')
			          FROM proposed_venues v WHERE v.negotiation_id = n.id),
			         'event_ids', (SELECT coalesce(json_object_agg(e.owner_id, e.id), '{}')
			          FROM events e WHERE e.negotiation_id = n.id),
			         'wrapped_keys', (SELECT coalesce(json_agg(json_build_object(
			                   'recipient_user_id', w.recipient_user_id, 'recipient_key_id', w.recipient_key_id,
			                   'wrapped_key', w.wrapped_key, 'wrapped_key_version', w.wrapped_key_version,
			                   'wrapped_by', w.wrapped_by) ORDER BY w.recipient_key_id), '[]')
			          FROM negotiation_wrapped_keys w WHERE w.negotiation_id = n.id)) AS aggregates
			  FROM negotiations n
			 WHERE n.id = :id
			""";

	/** Made once: a reader holds its resolved deserializers, so each load only parses. */
	private final ObjectReader aggregates;

	NegotiationLoadSql(JsonMapper json) {
		this.aggregates = json.readerFor(Aggregates.class);
	}

	/*
	 * The row records are package-private, not private: Blackbird builds a direct
	 * constructor call only for a non-private constructor, and for a private one Jackson
	 * 3.1 calls it through MethodHandle.invokeWithArguments, which adapts the handle
	 * again on every row (docs/performance.md).
	 */
	record Aggregates(List<ParticipantRow> participants, List<SlotRow> slots, List<VenueRow> venues,
			Map<UUID, UUID> eventIds, List<WrappedKey> wrappedKeys) {
	}

	record ParticipantRow(UUID userId, String uid, @Nullable String displayName, String status,
			Set<UUID> acceptedSlotIds, Set<UUID> acceptedVenueIds, Set<UUID> maybeSlotIds, Set<UUID> maybeVenueIds,
			@Nullable Instant respondedAt, @Nullable String encryptedPayload, @Nullable Integer encryptedBlobVersion) {

		Participant participant() {
			return new Participant(userId, ParticipantStatus.of(status), acceptedSlotIds, acceptedVenueIds,
					maybeSlotIds, maybeVenueIds, respondedAt);
		}

		@Nullable EncryptedBlob blob() {
			return encryptedPayload == null ? null
					: new EncryptedBlob(encryptedPayload, encryptedBlobVersion == null ? 0 : encryptedBlobVersion);
		}

	}

	record SlotRow(UUID id, int index, Instant startsAt, int durationMinutes, String timezone, UUID proposedBy,
			Instant proposedAt) {

		ProposedSlot slot() {
			return new ProposedSlot(id, index, startsAt, durationMinutes, timezone, proposedBy, proposedAt);
		}

	}

	record VenueRow(UUID id, int index, String name, @Nullable String providerId, @Nullable String address,
			@Nullable Double lat, @Nullable Double lon, @Nullable Map<String, Object> metadata, UUID proposedBy,
			Instant proposedAt) {

		ProposedVenue venue() {
			return new ProposedVenue(id, index, name, providerId, address, lat, lon, metadata, proposedBy, proposedAt);
		}

	}

	StoredNegotiation toRecord(ResultSet row, int rowNum) throws SQLException {
		// The driver's own UTF-8 bytes (it always runs the connection in UTF8), parsed
		// as they came: a String would decode and copy the largest value of every load.
		Aggregates loaded = aggregates.readValue(row.getBytes("aggregates"));
		Map<UUID, StoredNegotiation.UserRef> users = new HashMap<>();
		Map<UUID, EncryptedBlob> participantBlobs = new HashMap<>();
		for (ParticipantRow participant : loaded.participants()) {
			users.put(participant.userId(),
					new StoredNegotiation.UserRef(participant.userId(), participant.uid(), participant.displayName()));
			EncryptedBlob blob = participant.blob();
			if (blob != null) {
				participantBlobs.put(participant.userId(), blob);
			}
		}
		Negotiation negotiation = new Negotiation(row.getObject("id", UUID.class),
				row.getObject("owner_id", UUID.class), NegotiationState.of(row.getString("state")),
				Lists.map(loaded.participants(), ParticipantRow::participant), Lists.map(loaded.slots(), SlotRow::slot),
				Lists.map(loaded.venues(), VenueRow::venue), instant(row, "expires_at"), row.getInt("agent_round"),
				row.getInt("revision"), row.getObject("final_slot_id", UUID.class),
				row.getObject("final_venue_id", UUID.class), row.getBoolean("sent"),
				new Deciding(row.getBoolean("auto_confirm"), OnDeadline.of(row.getString("on_deadline")),
						row.getInt("min_attendees")));
		String payload = row.getString("encrypted_payload");
		return new StoredNegotiation(negotiation, row.getString("title"), row.getString("intent_category"),
				row.getBoolean("agent_mode"),
				payload == null ? null : new EncryptedBlob(payload, row.getInt("encrypted_blob_version")),
				row.getObject("last_actor_id", UUID.class), row.getString("last_message_preview"),
				row.getString("request_fingerprint"), instant(row, "created_at"), instant(row, "updated_at"), users,
				participantBlobs, loaded.eventIds(), row.getString("cancel_reason"), loaded.wrappedKeys());
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getTimestamp(column).toInstant();
	}

}
