package com.amiqo.kairos.negotiation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A time option. {@code timezone} is the IANA zone the proposer meant, for display; times
 * are instants. {@code proposedAt} is when it was added, which decides who must answer
 * again (docs/reference.md#reading-negotiations).
 */
public record ProposedSlot(UUID id, int index, Instant startsAt, int durationMinutes, String timezone, UUID proposedBy,
		Instant proposedAt) {

	/** An option the negotiation started with: no answer predates it. */
	public ProposedSlot(UUID id, int index, Instant startsAt, int durationMinutes, String timezone, UUID proposedBy) {
		this(id, index, startsAt, durationMinutes, timezone, proposedBy, Instant.EPOCH);
	}

	public Instant endsAt() {
		return startsAt.plus(Duration.ofMinutes(durationMinutes));
	}

	public boolean hasStarted(Instant now) {
		return !startsAt.isAfter(now);
	}

	boolean isSameOptionAs(SlotOption option) {
		return startsAt.equals(option.startsAt()) && durationMinutes == option.durationMinutes()
				&& timezone.equals(option.timezone());
	}
}
