package com.amiqo.kairos.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for calendar feeds. Only the SHA-256 of a feed's secret is stored. */
@Repository
class CalendarFeedRepository {

	private static final TypeReference<List<IcsCalendar.Person>> PEOPLE = new TypeReference<>() {
	};

	/** A feed and the events it shows, as read by one statement. */
	@SuppressWarnings("ArrayRecordComponent") // the hash is compared in constant time,
												// never by equals
	record Snapshot(byte[] secretHash, Instant feedCreatedAt, List<FeedEvent> events) {
	}

	record FeedEvent(UUID id, IcsCalendar.Entry entry) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CalendarFeedRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Creates the user's feed or replaces its secret (the old one stops matching at
	 * once).
	 */
	void upsert(UUID userId, byte[] secretHash, Instant now) {
		jdbc.sql("""
				INSERT INTO calendar_feeds (user_id, secret_hash, created_at) VALUES (:userId, :hash, :now)
				ON CONFLICT (user_id) DO UPDATE SET secret_hash = excluded.secret_hash, created_at = excluded.created_at
				""").param("userId", userId).param("hash", secretHash).param("now", Timestamp.from(now)).update();
	}

	void delete(UUID userId) {
		jdbc.sql("DELETE FROM calendar_feeds WHERE user_id = :userId").param("userId", userId).update();
	}

	/**
	 * The feed with this secret hash and its owner's events ending at or after
	 * {@code since}, in ONE statement (calendar apps poll every few minutes): a left
	 * join, so a feed without events is one row with null event columns and an unknown
	 * secret is no row at all.
	 */
	Optional<Snapshot> load(byte[] secretHash, Instant since) {
		List<Row> rows = jdbc.sql("""
				SELECT f.secret_hash, f.created_at AS feed_created_at,
				       e.id, e.negotiation_id, e.title, e.status, e.response, e.starts_at, e.ends_at, e.updated_at,
				       e.venue ->> 'name' AS venue_name, e.participants::text AS participants
				  FROM calendar_feeds f
				  LEFT JOIN events e ON e.owner_id = f.user_id AND e.ends_at >= :since
				 WHERE f.secret_hash = :hash
				 ORDER BY e.starts_at, e.id
				""").param("hash", secretHash).param("since", Timestamp.from(since)).query((row, n) -> {
			UUID id = row.getObject("id", UUID.class);
			FeedEvent event = id == null ? null
					: new FeedEvent(id, new IcsCalendar.Entry(row.getObject("negotiation_id", UUID.class).toString(),
							"cancelled".equals(row.getString("status")), row.getTimestamp("updated_at").toInstant(),
							row.getTimestamp("starts_at").toInstant(), row.getTimestamp("ends_at").toInstant(),
							row.getString("title"), row.getString("venue_name"),
							json.readValue(row.getString("participants"), PEOPLE),
							"tentative".equals(row.getString("response"))));
			return new Row(row.getBytes("secret_hash"), row.getTimestamp("feed_created_at").toInstant(), event);
		}).list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		List<FeedEvent> events = new ArrayList<>();
		rows.stream().map(Row::event).filter(event -> event != null).forEach(events::add);
		return Optional.of(new Snapshot(rows.get(0).secretHash(), rows.get(0).feedCreatedAt(), events));
	}

	@SuppressWarnings("ArrayRecordComponent") // a row on its way into a Snapshot, never
												// compared
	private record Row(byte[] secretHash, Instant feedCreatedAt, @Nullable FeedEvent event) {
	}

}
