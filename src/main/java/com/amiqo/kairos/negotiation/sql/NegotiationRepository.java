package com.amiqo.kairos.negotiation.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.amiqo.kairos.api.EncryptedBlob;
import com.amiqo.kairos.api.paging.KeysetSql;
import com.amiqo.kairos.api.paging.PageCursors;
import com.amiqo.kairos.negotiation.ListQuery;
import com.amiqo.kairos.negotiation.NegotiationSummary;
import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.Participant;
import com.amiqo.kairos.negotiation.domain.ProposedSlot;
import com.amiqo.kairos.negotiation.domain.ProposedVenue;
import com.amiqo.kairos.negotiation.domain.Reminders;

/**
 * SQL for negotiations, their participants and options. A whole negotiation loads in one
 * statement (participants and options as JSON aggregates, see
 * {@link NegotiationLoadSql}); writes never loop over participants or options (multi-row
 * inserts, set-based updates), so a request's statement count does not grow with the size
 * of the group.
 */
@Repository
public class NegotiationRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final JsonMapper json;

	private final NegotiationLoadSql rows;

	/**
	 * The client wraps the template: batch updates and the list's keyset query need the
	 * template itself, every other statement reads better through the client.
	 */
	NegotiationRepository(NamedParameterJdbcTemplate batch, JsonMapper json) {
		this.jdbc = JdbcClient.create(batch);
		this.batch = batch;
		this.json = json;
		this.rows = new NegotiationLoadSql(json);
	}

	public Optional<StoredNegotiation> find(UUID id) {
		return jdbc.sql(NegotiationLoadSql.LOAD).param("id", id).query(rows::toRecord).optional();
	}

	/**
	 * Locks the negotiation row until the transaction ends, then loads it. Two statements
	 * on purpose, never one {@code LOAD ... FOR UPDATE}: under READ COMMITTED a statement
	 * that waited for the lock re-checks only the locked row (EvalPlanQual), while its
	 * subqueries keep reading the participants and options as of its own start, missing
	 * the writes of the reply it waited for (a lost update). The second statement takes a
	 * fresh snapshot after the lock is ours.
	 */
	public Optional<StoredNegotiation> findForUpdate(UUID id) {
		boolean exists = jdbc.sql("SELECT id FROM negotiations WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.isPresent();
		return exists ? find(id) : Optional.empty();
	}

	/**
	 * Resolves Firebase UIDs to users; unknown UIDs are simply absent from the result.
	 */
	public Map<String, StoredNegotiation.UserRef> usersByUid(Collection<String> uids) {
		return jdbc.sql("SELECT id, firebase_uid, display_name FROM app_users WHERE firebase_uid = ANY(:uids)")
			.param("uids", uids.toArray(String[]::new))
			.query((row, n) -> new StoredNegotiation.UserRef(row.getObject("id", UUID.class),
					row.getString("firebase_uid"), row.getString("display_name")))
			.stream()
			.collect(Collectors.toMap(StoredNegotiation.UserRef::uid, user -> user));
	}

	/**
	 * Inserts the negotiation row unless the id exists already; true when this call
	 * created it.
	 */
	public boolean insertIfAbsent(StoredNegotiation record) {
		Negotiation negotiation = record.negotiation();
		return jdbc
			.sql("""
					INSERT INTO negotiations (id, owner_id, title, intent_category, state, sent, agent_mode, agent_round, revision,
					                          participant_count, accepted_count, encrypted_payload, encrypted_blob_version,
					                          last_actor_id, last_message_preview, request_fingerprint,
					                          created_at, updated_at, expires_at, slot_starts_at, venue_count, final_starts_at,
					                          auto_confirm, on_deadline, min_attendees, remind_at)
					VALUES (:id, :owner, :title, :category, :state, :sent, :agentMode, 0, :revision, :participantCount, 0,
					        :payload, :blobVersion, :owner, :preview, :fingerprint, :now, :now, :expiresAt,
					        CAST(:slotStarts AS timestamptz[]), :venueCount, :finalStartsAt,
					        :autoConfirm, :onDeadline, :minAttendees, :remindAt)
					ON CONFLICT (id) DO NOTHING
					""")
			.param("id", negotiation.id())
			.param("owner", negotiation.ownerId())
			.param("title", record.title())
			.param("category", record.intentCategory())
			.param("agentMode", record.agentMode())
			.params(stateColumns(negotiation))
			.param("payload", record.blob() == null ? null : record.blob().payload())
			.param("blobVersion", record.blob() == null ? null : record.blob().version())
			.param("preview", record.lastMessagePreview())
			.param("fingerprint", record.requestFingerprint())
			.param("now", timestamp(record.createdAt()))
			.param("expiresAt", timestamp(negotiation.expiresAt()))
			.param("autoConfirm", negotiation.deciding().autoConfirm())
			.param("onDeadline", negotiation.deciding().onDeadline().value())
			.param("minAttendees", negotiation.deciding().minAttendees())
			.param("remindAt", negotiation.sent() ? remindAt(negotiation, record.createdAt()) : null)
			.params(NegotiationListSql.storedColumns(negotiation))
			.update() == 1;
	}

	public void insertParticipants(Negotiation negotiation, Instant now) {
		Set<UUID> awaiting = negotiation.awaitingIds(now);
		List<SqlParameterSource> rows = new ArrayList<>();
		for (int position = 0; position < negotiation.participants().size(); position++) {
			Participant participant = negotiation.participants().get(position);
			rows.add(new MapSqlParameterSource().addValue("negotiationId", negotiation.id())
				.addValue("userId", participant.userId())
				.addValue("position", position)
				.addValue("status", participant.status().value())
				.addValue("slots", participant.acceptedSlotIds().toArray(UUID[]::new))
				.addValue("venues", participant.acceptedVenueIds().toArray(UUID[]::new))
				.addValue("respondedAt", SqlTimestamps.orNull(participant.respondedAt()))
				.addValue("awaiting", awaiting.contains(participant.userId()))
				.addValue("state", negotiation.state().value())
				.addValue("now", timestamp(now)));
		}
		batch.batchUpdate("""
				INSERT INTO negotiation_participants (negotiation_id, user_id, position, status, accepted_slot_ids,
				                                      accepted_venue_ids, responded_at, awaiting_me,
				                                      negotiation_state, negotiation_updated_at)
				VALUES (:negotiationId, :userId, :position, :status, CAST(:slots AS uuid[]), CAST(:venues AS uuid[]),
				        :respondedAt, :awaiting, :state, :now)
				""", rows.toArray(SqlParameterSource[]::new));
	}

	public void insertSlots(UUID negotiationId, List<ProposedSlot> slots) {
		if (slots.isEmpty()) {
			return;
		}
		batch.batchUpdate(
				"""
						INSERT INTO proposed_slots (id, negotiation_id, slot_index, starts_at, duration_minutes, timezone, proposed_by,
						                            proposed_at)
						VALUES (:id, :negotiationId, :index, :startsAt, :duration, :timezone, :proposedBy, :proposedAt)
						""",
				slots.stream()
					.map(slot -> new MapSqlParameterSource().addValue("id", slot.id())
						.addValue("negotiationId", negotiationId)
						.addValue("index", slot.index())
						.addValue("startsAt", timestamp(slot.startsAt()))
						.addValue("duration", slot.durationMinutes())
						.addValue("timezone", slot.timezone())
						.addValue("proposedBy", slot.proposedBy())
						.addValue("proposedAt", timestamp(slot.proposedAt())))
					.toArray(SqlParameterSource[]::new));
	}

	public void insertVenues(UUID negotiationId, List<ProposedVenue> venues) {
		if (venues.isEmpty()) {
			return;
		}
		batch.batchUpdate("""
				INSERT INTO proposed_venues (id, negotiation_id, venue_index, name, provider_id, address, lat, lon,
				                             metadata, proposed_by, proposed_at)
				VALUES (:id, :negotiationId, :index, :name, :providerId, :address, :lat, :lon, CAST(:metadata AS jsonb),
				        :proposedBy, :proposedAt)
				""", venues.stream()
			.map(venue -> new MapSqlParameterSource().addValue("id", venue.id())
				.addValue("negotiationId", negotiationId)
				.addValue("index", venue.index())
				.addValue("name", venue.name())
				.addValue("providerId", venue.providerId())
				.addValue("address", venue.address())
				.addValue("lat", venue.lat())
				.addValue("lon", venue.lon())
				.addValue("metadata", venue.metadata() == null ? null : json.writeValueAsString(venue.metadata()))
				.addValue("proposedBy", venue.proposedBy())
				.addValue("proposedAt", timestamp(venue.proposedAt())))
			.toArray(SqlParameterSource[]::new));
	}

	/**
	 * A participant's new answer (and their blob, when the reply carried one), written
	 * with the state change it causes.
	 */
	public record Answer(Participant participant, @Nullable EncryptedBlob blob) {
	}

	/**
	 * Writes the negotiation's new state and mirrors it onto every participant row
	 * (state, updated_at, whether it waits for them).
	 */
	public void updateState(Negotiation next, @Nullable UUID actorId, @Nullable String preview, Instant now) {
		writeState(next, actorId, preview, Extra.NONE, now);
	}

	/**
	 * {@link #updateState} plus the replier's answer, when the reply records one (sending
	 * a draft does not).
	 */
	public void writeReply(Negotiation next, UUID actorId, String preview, @Nullable Answer answer, Instant now) {
		writeState(next, actorId, preview, new Extra(answer, null, false, answer == null && next.sent(), false), now);
	}

	/**
	 * A confirmation that is not a reply (the organizer's pick, the deadline's);
	 * {@code actorId} null is the system, which then becomes the last actor.
	 */
	public void writeDecision(Negotiation confirmed, @Nullable UUID actorId, String preview, Instant now) {
		writeState(confirmed, actorId, preview, new Extra(null, null, false, false, actorId == null), now);
	}

	/** {@link #updateState} plus the organizer's reason, when they gave one. */
	public void writeCancel(Negotiation cancelled, UUID actorId, String preview, @Nullable String reason, Instant now) {
		writeState(cancelled, actorId, preview, new Extra(null, reason, false, false, false), now);
	}

	/**
	 * {@link #updateState} plus the row of the participant who joined last, at the next
	 * position (the negotiation row is locked by the caller).
	 */
	public void writeJoin(Negotiation next, UUID joinerId, String preview, Instant now) {
		writeState(next, joinerId, preview, new Extra(null, null, true, false, false), now);
	}

	/**
	 * What a change writes besides the state: at most one of these per change
	 * ({@code sending}: a draft is being sent, which times its reminder;
	 * {@code bySystem}: nobody acted, so there is no last actor).
	 */
	private record Extra(@Nullable Answer answer, @Nullable String cancelReason, boolean joined, boolean sending,
			boolean bySystem) {

		static final Extra NONE = new Extra(null, null, false, false, false);

	}

	/**
	 * One statement for the whole change: the negotiation row (a data-modifying CTE) and
	 * every participant row, the answerer's answer included, so each row gets exactly one
	 * new version per change. Each new version of a participant row also costs new index
	 * entries (negotiation_updated_at is indexed, so the update is never HOT), and each
	 * statement a round trip: writing the answer separately doubled both. A joiner's row
	 * is inserted by a second CTE, which the outer UPDATE does not see (one snapshot for
	 * the statement), so it too is written once, with the mirrored values already.
	 */
	private void writeState(Negotiation next, @Nullable UUID actorId, @Nullable String preview, Extra extra,
			Instant now) {
		Set<UUID> awaiting = next.awaitingIds(now);
		Answer answer = extra.answer();
		Participant answered = answer == null ? null : answer.participant();
		EncryptedBlob blob = answer == null ? null : answer.blob();
		int lastPosition = next.participants().size() - 1;
		Participant joined = extra.joined() ? next.participants().get(lastPosition) : null;
		String joinedRow = joined == null ? "" : """
				, joined AS (
				    INSERT INTO negotiation_participants (negotiation_id, user_id, position, status, awaiting_me,
				                                          negotiation_state, negotiation_updated_at)
				    VALUES (:id, :joiner, :joinerPosition, :joinerStatus, :joinerAwaiting, :state, :now))
				""";
		jdbc.sql("""
				WITH negotiation AS (
				    UPDATE negotiations
				       SET state = :state, sent = :sent, revision = :revision, agent_round = :agentRound,
				           participant_count = :participantCount,
				           accepted_count = :acceptedCount, final_slot_id = :finalSlot, final_venue_id = :finalVenue,
				           last_actor_id = CASE WHEN :bySystem THEN NULL ELSE coalesce(:actor, last_actor_id) END,
				           last_message_preview = coalesce(:preview, last_message_preview),
				           cancel_reason = coalesce(:cancelReason, cancel_reason),
				           slot_starts_at = CAST(:slotStarts AS timestamptz[]), venue_count = :venueCount,
				           final_starts_at = :finalStartsAt, attendee_count = :attendeeCount,
				           remind_at = CASE WHEN :sending THEN CAST(:remindAt AS timestamptz) ELSE remind_at END,
				           updated_at = :now
				     WHERE id = :id)%s
				UPDATE negotiation_participants
				   SET negotiation_state = :state, negotiation_updated_at = :now,
				       awaiting_me = (user_id = ANY(CAST(:awaiting AS uuid[]))),
				       status = CASE WHEN user_id = CAST(:answerer AS uuid) THEN :status ELSE status END,
				       accepted_slot_ids = CASE WHEN user_id = CAST(:answerer AS uuid)
				                                THEN CAST(:slots AS uuid[]) ELSE accepted_slot_ids END,
				       accepted_venue_ids = CASE WHEN user_id = CAST(:answerer AS uuid)
				                                 THEN CAST(:venues AS uuid[]) ELSE accepted_venue_ids END,
				       maybe_slot_ids = CASE WHEN user_id = CAST(:answerer AS uuid)
				                             THEN CAST(:maybeSlots AS uuid[]) ELSE maybe_slot_ids END,
				       maybe_venue_ids = CASE WHEN user_id = CAST(:answerer AS uuid)
				                              THEN CAST(:maybeVenues AS uuid[]) ELSE maybe_venue_ids END,
				       responded_at = CASE WHEN user_id = CAST(:answerer AS uuid)
				                           THEN :respondedAt ELSE responded_at END,
				       encrypted_payload = CASE WHEN user_id = CAST(:answerer AS uuid)
				                                THEN coalesce(:payload, encrypted_payload) ELSE encrypted_payload END,
				       encrypted_blob_version = CASE WHEN user_id = CAST(:answerer AS uuid)
				                                     THEN coalesce(:blobVersion, encrypted_blob_version)
				                                     ELSE encrypted_blob_version END
				 WHERE negotiation_id = :id
				""".formatted(joinedRow))
			.params(stateColumns(next))
			.param("agentRound", next.agentRound())
			.param("acceptedCount", next.acceptedCount())
			.param("finalSlot", next.finalSlotId())
			.param("finalVenue", next.finalVenueId())
			.param("actor", actorId)
			.param("preview", preview)
			.param("cancelReason", extra.cancelReason())
			.param("now", timestamp(now))
			.param("id", next.id())
			.param("awaiting", awaiting.toArray(UUID[]::new))
			.param("answerer", answered == null ? null : answered.userId())
			.param("status", answered == null ? null : answered.status().value())
			.param("slots", answered == null ? null : answered.acceptedSlotIds().toArray(UUID[]::new))
			.param("venues", answered == null ? null : answered.acceptedVenueIds().toArray(UUID[]::new))
			.param("maybeSlots", answered == null ? null : answered.maybeSlotIds().toArray(UUID[]::new))
			.param("maybeVenues", answered == null ? null : answered.maybeVenueIds().toArray(UUID[]::new))
			.param("attendeeCount", next.attendeeCount())
			.param("sending", extra.sending())
			.param("bySystem", extra.bySystem())
			.param("remindAt", extra.sending() ? remindAt(next, now) : null)
			.param("respondedAt", answered == null ? null : SqlTimestamps.orNull(answered.respondedAt()))
			.param("payload", blob == null ? null : blob.payload())
			.param("blobVersion", blob == null ? null : blob.version())
			.param("joiner", joined == null ? null : joined.userId())
			.param("joinerPosition", lastPosition)
			.param("joinerStatus", joined == null ? null : joined.status().value())
			.param("joinerAwaiting", joined != null && next.isAwaiting(joined.userId(), now))
			.params(NegotiationListSql.storedColumns(next))
			.update();
	}

	/**
	 * One page of the user's negotiations, newest change first, strictly after the keyset
	 * position when given (the statement and its row mapping are
	 * {@link NegotiationListSql}).
	 */
	public List<NegotiationSummary> page(UUID userId, ListQuery query, PageCursors.@Nullable Position after,
			Instant now, int limit) {
		KeysetSql sql = NegotiationListSql.query(userId, query, after, now, limit);
		return batch.query(sql.sql(), sql.params(), (row, n) -> NegotiationListSql.summary(row, now));
	}

	/**
	 * The columns the insert and every state write take from the negotiation alike: its
	 * state, whether it is sent, its revision and its participant count.
	 */
	private static Map<String, Object> stateColumns(Negotiation negotiation) {
		return Map.of("state", negotiation.state().value(), "sent", negotiation.sent(), "revision",
				negotiation.revision(), "participantCount", negotiation.participants().size());
	}

	private static @Nullable Timestamp remindAt(Negotiation negotiation, Instant sentAt) {
		Instant due = Reminders.dueAt(sentAt, negotiation.expiresAt());
		return due == null ? null : timestamp(due);
	}

	static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant);
	}

}
