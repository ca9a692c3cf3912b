package com.amiqo.kairos.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for Web Push subscriptions; the rules they share with push tokens are
 * {@link PushTargets}.
 */
@Repository
class WebPushSubscriptionRepository {

	static final int MAX_PER_USER = 10;

	private final JdbcClient jdbc;

	private final PushTargets targets;

	WebPushSubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.targets = new PushTargets(jdbc, "web_push_subscriptions", "endpoint", MAX_PER_USER);
	}

	/**
	 * Stores the subscription for the user (the same endpoint again updates its keys, and
	 * moves it to this user if another had it: one browser profile, whoever subscribed
	 * last), then drops the user's least recently subscribed beyond the limit.
	 */
	WebPushSubscription save(UUID userId, String endpoint, String p256dh, String auth, Instant now) {
		WebPushSubscription saved = jdbc.sql("""
				INSERT INTO web_push_subscriptions (endpoint, user_id, p256dh, auth, created_at, updated_at)
				VALUES (:endpoint, :userId, :p256dh, :auth, :now, :now)
				ON CONFLICT (endpoint) DO UPDATE
				   SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth,
				       created_at = CASE WHEN web_push_subscriptions.user_id = excluded.user_id
				                         THEN web_push_subscriptions.created_at ELSE excluded.created_at END,
				       updated_at = excluded.updated_at
				RETURNING *
				""")
			.param("endpoint", endpoint)
			.param("userId", userId)
			.param("p256dh", p256dh)
			.param("auth", auth)
			.param("now", Timestamp.from(now))
			.query(WebPushSubscriptionRepository::subscription)
			.single();
		targets.trim(userId);
		return saved;
	}

	/** Removes the endpoint if it is this user's; another user's is left alone. */
	boolean remove(UUID userId, String endpoint) {
		return targets.remove(userId, endpoint);
	}

	/** Drops subscriptions their push service reported gone ({@code 404}/{@code 410}). */
	void removeEndpoints(Collection<String> endpoints) {
		targets.removeAll(endpoints);
	}

	List<WebPushSubscription> subscriptionsOf(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM web_push_subscriptions WHERE user_id = ANY(:users)")
			.param("users", userIds.toArray(UUID[]::new))
			.query(WebPushSubscriptionRepository::subscription)
			.list();
	}

	private static WebPushSubscription subscription(java.sql.ResultSet row, int n) throws java.sql.SQLException {
		return new WebPushSubscription(row.getString("endpoint"), row.getObject("user_id", UUID.class),
				row.getString("p256dh"), row.getString("auth"), row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("updated_at").toInstant());
	}

}
