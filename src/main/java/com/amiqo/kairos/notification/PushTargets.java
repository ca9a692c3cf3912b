package com.amiqo.kairos.notification;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules push tokens and Web Push subscriptions share: each is a row keyed by its
 * address (an APNs token, an endpoint) and owned by one user, who keeps at most
 * {@code maxPerUser} of them (the least recently registered go first); a user removes
 * only their own; addresses the push service reports dead are dropped whoever owns them.
 * The registering upserts stay with each repository, as their columns differ.
 *
 * @param table the table, a constant of the calling repository
 * @param address the key column, a constant of the calling repository
 */
record PushTargets(JdbcClient jdbc, String table, String address, int maxPerUser) {

	/** Drops the user's least recently registered targets beyond the cap. */
	void trim(UUID userId) {
		jdbc.sql("""
				DELETE FROM %1$s WHERE %2$s IN (
				    SELECT %2$s FROM %1$s WHERE user_id = :userId
				     ORDER BY updated_at DESC, %2$s OFFSET :max)
				""".formatted(table, address)).param("userId", userId).param("max", maxPerUser).update();
	}

	/** Removes the target if it is this user's; another user's is left alone. */
	boolean remove(UUID userId, String value) {
		return jdbc.sql("DELETE FROM %s WHERE %s = :address AND user_id = :userId".formatted(table, address))
			.param("address", value)
			.param("userId", userId)
			.update() == 1;
	}

	/** Drops targets the push service reported as gone. */
	void removeAll(Collection<String> values) {
		if (!values.isEmpty()) {
			jdbc.sql("DELETE FROM %s WHERE %s = ANY(:addresses)".formatted(table, address))
				.param("addresses", values.toArray(String[]::new))
				.update();
		}
	}

}
