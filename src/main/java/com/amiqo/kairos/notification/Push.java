package com.amiqo.kairos.notification;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One claimed outbox row on its way to the recipient's devices; {@code attending} only
 * for {@code confirmed}.
 */
record Push(long outboxId, NotificationKind kind, UUID recipientId, @Nullable UUID negotiationId,
		@Nullable String state, @Nullable String preview, @Nullable Boolean attending) {

	Push(long outboxId, NotificationKind kind, UUID recipientId, @Nullable UUID negotiationId, @Nullable String state,
			@Nullable String preview) {
		this(outboxId, kind, recipientId, negotiationId, state, preview, null);
	}

	/** Groups a negotiation's notifications on the phone ({@code thread-id}). */
	@Nullable String threadId() {
		return negotiationId == null ? null : negotiationId.toString();
	}

	/**
	 * A newer notification of the same kind about the same negotiation replaces the older
	 * one.
	 */
	@Nullable String collapseId() {
		return negotiationId == null ? null : negotiationId + ":" + kind.value();
	}
}
