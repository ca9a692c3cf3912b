package com.amiqo.kairos.negotiation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Someone the caller shares at least one plan with: an entry of the caller's address book
 * for inviting friends by name ({@code GET /me/people}). {@code last_planned_at} is the
 * latest change of a plan they share.
 */
public record Friend(String userId, @Nullable String displayName, Instant lastPlannedAt) {
}
