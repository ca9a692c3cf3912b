package com.amiqo.kairos.notification;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dispatcher's SQL over {@code notification_outbox}. Times are the database's, so
 * instances with different clocks agree on what is due.
 */
@Repository
class OutboxRepository {

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A claimed row and how long it has waited since it was written. */
	record Claimed(Push push, int attempts, Duration age) {
	}

	/**
	 * Claims up to {@code limit} due rows: {@code SKIP LOCKED} keeps concurrent
	 * dispatchers off each other's rows, and pushing {@code available_at} forward by the
	 * lease keeps them off afterwards, until the lease runs out (a dispatcher that died
	 * leaves its rows to the others then).
	 */
	List<Claimed> claim(int limit, Duration lease) {
		return jdbc.sql("""
				UPDATE notification_outbox o
				   SET available_at = clock_timestamp() + CAST(:lease AS interval), attempts = o.attempts + 1
				  FROM (SELECT id FROM notification_outbox
				         WHERE status = 'pending' AND available_at <= clock_timestamp()
				         ORDER BY available_at
				         LIMIT :limit
				           FOR UPDATE SKIP LOCKED) due
				 WHERE o.id = due.id
				RETURNING o.id, o.kind, o.recipient_id, o.negotiation_id, o.state, o.preview, o.attending, o.attempts,
				          (extract(epoch FROM clock_timestamp() - o.created_at) * 1000)::bigint AS age_ms
				""")
			.param("lease", lease.toMillis() + " milliseconds")
			.param("limit", limit)
			.query((row, n) -> new Claimed(new Push(row.getLong("id"), NotificationKind.of(row.getString("kind")),
					row.getObject("recipient_id", UUID.class), row.getObject("negotiation_id", UUID.class),
					row.getString("state"), row.getString("preview"), row.getObject("attending", Boolean.class)),
					row.getInt("attempts"), Duration.ofMillis(row.getLong("age_ms"))))
			.list();
	}

	void markDelivered(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql(
					"""
							UPDATE notification_outbox SET status = 'delivered', delivered_at = clock_timestamp(), last_error = NULL
							 WHERE id = ANY(:ids)
							""")
				.param("ids", ids.toArray(Long[]::new))
				.update();
		}
	}

	/** Gives rows up for good: kept with their last error, counted in the metrics. */
	void markFailed(Map<Long, String> errors) {
		if (!errors.isEmpty()) {
			jdbc.sql("""
					UPDATE notification_outbox o SET status = 'failed', last_error = t.error
					  FROM unnest(:ids, :errors) AS t(id, error)
					 WHERE o.id = t.id
					""")
				.param("ids", errors.keySet().toArray(Long[]::new))
				.param("errors", errors.values().toArray(String[]::new))
				.update();
		}
	}

	/** Schedules the next attempt of each row after its own delay. */
	void retryLater(Map<Long, Retry> retries) {
		if (!retries.isEmpty()) {
			List<Map.Entry<Long, Retry>> rows = List.copyOf(retries.entrySet());
			jdbc.sql(
					"""
							UPDATE notification_outbox o
							   SET available_at = clock_timestamp() + t.delay_ms * interval '1 millisecond', last_error = t.error
							  FROM unnest(:ids, :delays, :errors) AS t(id, delay_ms, error)
							 WHERE o.id = t.id
							""")
				.param("ids", rows.stream().map(Map.Entry::getKey).toArray(Long[]::new))
				.param("delays", rows.stream().map(row -> row.getValue().delay().toMillis()).toArray(Long[]::new))
				.param("errors", rows.stream().map(row -> row.getValue().error()).toArray(String[]::new))
				.update();
		}
	}

	record Retry(Duration delay, String error) {
	}

	/** Deletes delivered rows older than the retention, in bounded batches. */
	int pruneDelivered(Duration retention, int limit) {
		return jdbc.sql("""
				DELETE FROM notification_outbox WHERE id IN (
				    SELECT id FROM notification_outbox
				     WHERE status = 'delivered' AND delivered_at < clock_timestamp() - CAST(:retention AS interval)
				     LIMIT :limit)
				""").param("retention", retention.toMillis() + " milliseconds").param("limit", limit).update();
	}

	/** Rows per status, for the depth gauge. */
	Map<String, Long> depth() {
		return jdbc.sql("SELECT status, count(*) AS n FROM notification_outbox GROUP BY status")
			.query((row, n) -> Map.entry(row.getString("status"), row.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
