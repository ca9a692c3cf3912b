package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.Role;

/**
 * The filters of {@code GET /negotiations}; part of a cursor's scope, so a cursor only
 * continues the same query.
 */
public record ListQuery(@Nullable Set<NegotiationState> states, @Nullable Role role, boolean awaitingMe,
		@Nullable Instant updatedAfter) {

	String scope() {
		return (states == null ? "" : new TreeSet<>(states).toString()) + "|" + (role == null ? null : role.value())
				+ "|" + awaitingMe + "|" + updatedAfter;
	}
}
