package com.amiqo.kairos.negotiation.domain;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When a negotiation's one reminder is due: 24 hours before the deadline when it was sent
 * at least 48 hours before it, else halfway between sending and the deadline; none when
 * that half is under an hour (too little time for a reminder to help).
 */
public final class Reminders {

	static final Duration LEAD = Duration.ofHours(24);

	static final Duration SHORTEST_HALF = Duration.ofHours(1);

	private Reminders() {
	}

	public static @Nullable Instant dueAt(Instant sentAt, Instant expiresAt) {
		Duration open = Duration.between(sentAt, expiresAt);
		if (open.compareTo(LEAD.multipliedBy(2)) >= 0) {
			return expiresAt.minus(LEAD);
		}
		Duration half = open.dividedBy(2);
		return half.compareTo(SHORTEST_HALF) < 0 ? null : expiresAt.minus(half);
	}

}
