package com.amiqo.kairos.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.amiqo.kairos.api.paging.KeysetSql;
import com.amiqo.kairos.api.paging.PageCursors;

/** SQL for events. */
@Repository
class EventRepository {

	private static final TypeReference<List<Event.Person>> PEOPLE = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			e.id, e.owner_id, u.firebase_uid AS owner_uid, e.negotiation_id, e.title, e.intent_category, e.status, e.response,
			e.cancel_reason,
			e.source, e.starts_at, e.ends_at, e.timezone, e.venue::text AS venue, e.participants::text AS participants,
			e.encrypted_payload, e.encrypted_blob_version, e.created_at, e.updated_at
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final JsonMapper json;

	/**
	 * The client wraps the template: batch updates need the template itself, every other
	 * statement reads better through the client.
	 */
	EventRepository(NamedParameterJdbcTemplate batch, JsonMapper json) {
		this.jdbc = JdbcClient.create(batch);
		this.batch = batch;
		this.json = json;
	}

	/** One event per attendee, in one multi-row insert. */
	void insertAll(ConfirmedPlan plan, List<UUID> ids, Instant now) {
		String people = json.writeValueAsString(plan.attendees()
			.stream()
			.map(attendee -> new Event.Person(attendee.uid(), attendee.displayName()))
			.toList());
		String venue = plan.venue() == null ? null : json.writeValueAsString(plan.venue());
		SqlParameterSource[] rows = new SqlParameterSource[plan.attendees().size()];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = new MapSqlParameterSource().addValue("id", ids.get(i))
				.addValue("owner", plan.attendees().get(i).userId())
				.addValue("response", plan.attendees().get(i).tentative() ? "tentative" : "accepted")
				.addValue("negotiationId", plan.negotiationId())
				.addValue("title", plan.title())
				.addValue("category", plan.intentCategory())
				.addValue("startsAt", Timestamp.from(plan.startsAt()))
				.addValue("endsAt", Timestamp.from(plan.endsAt()))
				.addValue("timezone", plan.timezone())
				.addValue("venue", venue)
				.addValue("people", people)
				.addValue("payload", plan.blob() == null ? null : plan.blob().payload())
				.addValue("blobVersion", plan.blob() == null ? null : plan.blob().version())
				.addValue("now", Timestamp.from(now));
		}
		batch.batchUpdate(
				"""
						INSERT INTO events (id, owner_id, negotiation_id, title, intent_category, status, response, source,
						                    starts_at, ends_at, timezone, venue, participants, encrypted_payload,
						                    encrypted_blob_version, created_at, updated_at)
						VALUES (:id, :owner, :negotiationId, :title, :category, 'confirmed', :response, 'negotiation', :startsAt,
						        :endsAt, :timezone, CAST(:venue AS jsonb), CAST(:people AS jsonb), :payload, :blobVersion, :now,
						        :now)
						ON CONFLICT (negotiation_id, owner_id) DO UPDATE
						   SET status = 'confirmed', response = EXCLUDED.response, participants = EXCLUDED.participants,
						       updated_at = EXCLUDED.updated_at
						""",
				rows);
	}

	int cancelForNegotiation(UUID negotiationId, @Nullable String reason, Instant now) {
		return jdbc.sql("""
				UPDATE events SET status = 'cancelled', cancel_reason = :reason, updated_at = :now
				 WHERE negotiation_id = :negotiationId AND status = 'confirmed'
				""")
			.param("now", Timestamp.from(now))
			.param("reason", reason)
			.param("negotiationId", negotiationId)
			.update();
	}

	/** One owner's event of the plan, cancelled (they no longer come). */
	int cancelForOwner(UUID negotiationId, UUID ownerId, Instant now) {
		return jdbc.sql("""
				UPDATE events SET status = 'cancelled', updated_at = :now
				 WHERE negotiation_id = :negotiationId AND owner_id = :owner AND status = 'confirmed'
				""")
			.param("now", Timestamp.from(now))
			.param("negotiationId", negotiationId)
			.param("owner", ownerId)
			.update();
	}

	Optional<Event> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM events e JOIN app_users u ON u.id = e.owner_id WHERE e.id = :id")
			.param("id", id)
			.query(this::toEvent)
			.optional();
	}

	/**
	 * The owner's confirmed events from {@code from} on (exclusive when
	 * {@code exclusive}), earliest first.
	 */
	List<Event> upcoming(UUID ownerId, Instant from, boolean exclusive, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				  FROM events e JOIN app_users u ON u.id = e.owner_id
				 WHERE e.owner_id = :owner AND e.status = 'confirmed'
				   AND (e.starts_at > :from OR (NOT :exclusive AND e.starts_at = :from))
				 ORDER BY e.starts_at, e.id
				 LIMIT :limit
				""")
			.param("owner", ownerId)
			.param("from", Timestamp.from(from))
			.param("exclusive", exclusive)
			.param("limit", limit)
			.query(this::toEvent)
			.list();
	}

	/**
	 * A page of the owner's events, newest change first, after the keyset position when
	 * given.
	 */
	List<Event> page(UUID ownerId, EventFilter filter, PageCursors.@Nullable Position after, int limit) {
		KeysetSql query = new KeysetSql("SELECT " + COLUMNS + """
				  FROM events e JOIN app_users u ON u.id = e.owner_id
				 WHERE e.owner_id = :owner
				""").bind("owner", ownerId)
			.andIfGiven(filter.status(), "status", "e.status = :status")
			.andIfGiven(filter.startsAfter(), "startsAfter", "e.starts_at > :startsAfter")
			.andIfGiven(filter.startsBefore(), "startsBefore", "e.starts_at < :startsBefore")
			.andIfGiven(filter.updatedAfter(), "updatedAfter", "e.updated_at > :updatedAfter")
			.page(after, "e.updated_at", "e.id", limit);
		return jdbc.sql(query.sql()).paramSource(query.params()).query(this::toEvent).list();
	}

	private Event toEvent(ResultSet row, int rowNum) throws SQLException {
		UUID id = row.getObject("id", UUID.class);
		String venue = row.getString("venue");
		String payload = row.getString("encrypted_payload");
		return new Event(id, row.getString("owner_uid"), row.getObject("owner_id", UUID.class),
				row.getObject("negotiation_id", UUID.class), row.getString("title"), row.getString("intent_category"),
				row.getString("status"), row.getString("response"), row.getString("source"),
				row.getTimestamp("starts_at").toInstant(), row.getTimestamp("ends_at").toInstant(),
				row.getString("timezone"), venue == null ? null : json.readValue(venue, ConfirmedPlan.Venue.class),
				json.readValue(row.getString("participants"), PEOPLE), "/events/" + id + "/ics", payload,
				payload == null ? null : row.getInt("encrypted_blob_version"), row.getString("cancel_reason"),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
	}

}
