package com.amiqo.kairos.notification;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.amiqo.kairos.secret.Sha256;

/**
 * A browser's Web Push subscription: the push service endpoint to post to and the keys
 * the payload is encrypted to (base64url, as the browser gave them).
 */
record WebPushSubscription(String endpoint, UUID userId, String p256dh, String auth, Instant createdAt,
		Instant updatedAt) implements PushTarget {

	/** A user's browsers beyond this many lose their least recently subscribed one. */
	static final int MAX_PER_USER = 10;

	/** The table's rows; their SQL is {@link PushTargets}'. */
	static PushTargets<WebPushSubscription> table(JdbcClient jdbc) {
		return new PushTargets<>(jdbc, "web_push_subscriptions", "endpoint", "p256dh", "auth", MAX_PER_USER,
				WebPushSubscription::row);
	}

	private static WebPushSubscription row(ResultSet row, int n) throws SQLException {
		return new WebPushSubscription(row.getString("endpoint"), row.getObject("user_id", UUID.class),
				row.getString("p256dh"), row.getString("auth"), row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("updated_at").toInstant());
	}

	/**
	 * What logs may show of an endpoint: its origin and a short hash, enough to tell
	 * subscriptions apart and never enough to push to one.
	 */
	static String describe(String endpoint) {
		String origin;
		try {
			URI uri = URI.create(endpoint);
			origin = uri.getScheme() + "://" + uri.getHost();
		}
		catch (IllegalArgumentException e) {
			origin = "(unparsable)";
		}
		return origin + " #" + java.util.HexFormat.of().formatHex(Sha256.of(endpoint), 0, 4);
	}

	@Override
	public String toString() {
		return "WebPushSubscription[" + describe(endpoint) + "]";
	}

}
