package com.amiqo.kairos.notification;

import java.util.LinkedHashMap;
import java.util.Map;
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

	/**
	 * The fields every payload carries, APNs and Web Push alike, in this order:
	 * {@code kind}, then {@code negotiation_id}, {@code state} and {@code attending} when
	 * present. Nothing else: never blob content, never an email.
	 */
	Map<String, Object> fields() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kind", kind.value());
		if (negotiationId != null) {
			fields.put("negotiation_id", negotiationId.toString());
		}
		if (state != null) {
			fields.put("state", state);
		}
		if (attending != null) {
			fields.put("attending", attending);
		}
		return fields;
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
