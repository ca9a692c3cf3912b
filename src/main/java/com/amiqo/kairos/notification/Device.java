package com.amiqo.kairos.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A push token of one of a user's phones, and which APNs environment it belongs to. */
record Device(String token, UUID userId, String platform, String environment, Instant createdAt,
		Instant updatedAt) implements PushTarget {

	/** A user's phones beyond this many lose their least recently registered token. */
	static final int MAX_PER_USER = 20;

	/** The table's rows; their SQL is {@link PushTargets}'. */
	static PushTargets<Device> table(JdbcClient jdbc) {
		return new PushTargets<>(jdbc, "devices", "token", "platform", "environment", MAX_PER_USER, Device::row);
	}

	private static Device row(ResultSet row, int n) throws SQLException {
		return new Device(row.getString("token"), row.getObject("user_id", UUID.class), row.getString("platform"),
				row.getString("environment"), row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("updated_at").toInstant());
	}

	boolean isSandbox() {
		return "sandbox".equals(environment);
	}

	/**
	 * What logs may show of a token: enough to tell devices apart, too little to push to
	 * it.
	 */
	static String shortToken(String token) {
		return token.substring(0, Math.min(8, token.length())) + "…";
	}

	@Override
	public String toString() {
		return "Device[" + shortToken(token) + ", " + platform + ", " + environment + "]";
	}
}
