package com.amiqo.kairos.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for push tokens; the rules they share with Web Push subscriptions are
 * {@link PushTargets}.
 */
@Repository
class DeviceRepository {

	static final int MAX_DEVICES_PER_USER = 20;

	private final JdbcClient jdbc;

	private final PushTargets targets;

	DeviceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.targets = new PushTargets(jdbc, "devices", "token", MAX_DEVICES_PER_USER);
	}

	/**
	 * Registers the token for the user, taking it over from whoever had it (a phone
	 * changes hands when its user signs out), then drops the user's oldest devices beyond
	 * the limit.
	 */
	Device register(UUID userId, String token, String platform, String environment, Instant now) {
		Device device = jdbc.sql("""
				INSERT INTO devices (token, user_id, platform, environment, created_at, updated_at)
				VALUES (:token, :userId, :platform, :environment, :now, :now)
				ON CONFLICT (token) DO UPDATE
				   SET user_id = excluded.user_id, platform = excluded.platform, environment = excluded.environment,
				       created_at = CASE WHEN devices.user_id = excluded.user_id THEN devices.created_at
				                         ELSE excluded.created_at END,
				       updated_at = excluded.updated_at
				RETURNING *
				""")
			.param("token", token)
			.param("userId", userId)
			.param("platform", platform)
			.param("environment", environment)
			.param("now", Timestamp.from(now))
			.query(DeviceRepository::device)
			.single();
		targets.trim(userId);
		return device;
	}

	/** Removes the token if it is this user's; another user's token is left alone. */
	boolean remove(UUID userId, String token) {
		return targets.remove(userId, token);
	}

	/** Drops tokens APNs reported as no longer valid. */
	void removeTokens(Collection<String> tokens) {
		targets.removeAll(tokens);
	}

	List<Device> devicesOf(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM devices WHERE user_id = ANY(:users)")
			.param("users", userIds.toArray(UUID[]::new))
			.query(DeviceRepository::device)
			.list();
	}

	private static Device device(java.sql.ResultSet row, int n) throws java.sql.SQLException {
		return new Device(row.getString("token"), row.getObject("user_id", UUID.class), row.getString("platform"),
				row.getString("environment"), row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("updated_at").toInstant());
	}

}
