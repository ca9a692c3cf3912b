package com.amiqo.kairos.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of one kind of push target: push tokens of users' phones ({@link Device}) or
 * browsers' Web Push subscriptions ({@link WebPushSubscription}). Each is a row keyed by
 * its address (an APNs token, an endpoint), owned by one user and carrying two details of
 * its own (platform and environment, or the browser's keys). Registering the same address
 * again updates its details and moves it to whoever registered it last (a phone changes
 * hands when its user signs out; a browser profile belongs to whoever subscribed last); a
 * user keeps at most {@code maxPerUser} of them, the least recently registered going
 * first. A user removes only their own; addresses the push service reports dead are
 * dropped whoever owns them. The instances are {@link NotificationConfiguration}'s beans.
 *
 * @param <T> the stored target
 */
final class PushTargets<T extends PushTarget> {

	private final JdbcClient jdbc;

	private final String table;

	private final String address;

	private final int maxPerUser;

	private final RowMapper<T> rows;

	private final String upsert;

	/**
	 * @param table the table, a constant
	 * @param address the key column, a constant
	 * @param first the first detail column, a constant
	 * @param second the second detail column, a constant
	 */
	PushTargets(JdbcClient jdbc, String table, String address, String first, String second, int maxPerUser,
			RowMapper<T> rows) {
		this.jdbc = jdbc;
		this.table = table;
		this.address = address;
		this.maxPerUser = maxPerUser;
		this.rows = rows;
		this.upsert = """
				INSERT INTO %1$s (%2$s, user_id, %3$s, %4$s, created_at, updated_at)
				VALUES (:address, :userId, :first, :second, :now, :now)
				ON CONFLICT (%2$s) DO UPDATE
				   SET user_id = excluded.user_id, %3$s = excluded.%3$s, %4$s = excluded.%4$s,
				       created_at = CASE WHEN %1$s.user_id = excluded.user_id THEN %1$s.created_at
				                         ELSE excluded.created_at END,
				       updated_at = excluded.updated_at
				RETURNING *
				""".formatted(table, address, first, second);
	}

	/**
	 * Stores the target for the user with its two details (in the constructor's column
	 * order), taking it over from whoever had it, then drops the user's least recently
	 * registered targets beyond the cap.
	 */
	T register(UUID userId, String value, String first, String second, Instant now) {
		T target = jdbc.sql(upsert)
			.param("address", value)
			.param("userId", userId)
			.param("first", first)
			.param("second", second)
			.param("now", Timestamp.from(now))
			.query(rows)
			.single();
		jdbc.sql("""
				DELETE FROM %1$s WHERE %2$s IN (
				    SELECT %2$s FROM %1$s WHERE user_id = :userId
				     ORDER BY updated_at DESC, %2$s OFFSET :max)
				""".formatted(table, address)).param("userId", userId).param("max", maxPerUser).update();
		return target;
	}

	/** Removes the target if it is this user's; another user's is left alone. */
	boolean remove(UUID userId, String value) {
		return jdbc.sql("DELETE FROM %s WHERE %s = :address AND user_id = :userId".formatted(table, address))
			.param("address", value)
			.param("userId", userId)
			.update() == 1;
	}

	/** Drops targets the push service reported as gone, whoever owns them. */
	void removeAll(Collection<String> values) {
		if (!values.isEmpty()) {
			jdbc.sql("DELETE FROM %s WHERE %s = ANY(:addresses)".formatted(table, address))
				.param("addresses", values.toArray(String[]::new))
				.update();
		}
	}

	/** The targets of these users. */
	List<T> ownedBy(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM %s WHERE user_id = ANY(:users)".formatted(table))
			.param("users", userIds.toArray(UUID[]::new))
			.query(rows)
			.list();
	}

}
