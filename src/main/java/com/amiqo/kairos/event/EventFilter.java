package com.amiqo.kairos.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The filters of {@code GET /events}; part of a cursor's scope, so a cursor only
 * continues the same query.
 */
record EventFilter(@Nullable String status, @Nullable Instant startsAfter, @Nullable Instant startsBefore,
		@Nullable Instant updatedAfter) {

	String scope() {
		return status + "|" + startsAfter + "|" + startsBefore + "|" + updatedAfter;
	}
}
