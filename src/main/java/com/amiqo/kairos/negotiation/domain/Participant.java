package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One participant's standing in a negotiation: their answer and the options that work for
 * them.
 */
public record Participant(UUID userId, ParticipantStatus status, Set<UUID> acceptedSlotIds, Set<UUID> acceptedVenueIds,
		@Nullable Instant respondedAt) {

	public Participant {
		acceptedSlotIds = Set.copyOf(acceptedSlotIds);
		acceptedVenueIds = Set.copyOf(acceptedVenueIds);
	}

	public boolean isOrganizer() {
		return status == ParticipantStatus.ORGANIZER;
	}

	/**
	 * Takes part in the consensus: the organizer and every invitee who has not declined.
	 */
	public boolean isActive() {
		return status != ParticipantStatus.DECLINED;
	}

	public Participant answered(ParticipantStatus newStatus, Set<UUID> slots, Set<UUID> venues, Instant at) {
		return new Participant(userId, newStatus, slots, venues, at);
	}
}
