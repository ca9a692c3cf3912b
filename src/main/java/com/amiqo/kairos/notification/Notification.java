package com.amiqo.kairos.notification;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One notification to one user, as the outbox keeps it: ids, the state and the plain
 * preview, nothing else (never blob content, never an email).
 *
 * @param recipientId the user's {@code app_users.id}
 * @param state the negotiation's state after the change
 * @param preview the plain one-line text shown in the alert ("Bob accepted")
 * @param attending for {@code confirmed}: whether the recipient attends the confirmed
 * plan; null for every other kind
 */
public record Notification(NotificationKind kind, UUID recipientId, @Nullable UUID negotiationId,
		@Nullable String state, @Nullable String preview, @Nullable Boolean attending) {

	/** A notification that says nothing about attending. */
	public Notification(NotificationKind kind, UUID recipientId, @Nullable UUID negotiationId, @Nullable String state,
			@Nullable String preview) {
		this(kind, recipientId, negotiationId, state, preview, null);
	}

}
