package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One participant's standing in a negotiation: their answer and, per option, whether it
 * works for them (in an accepted set: yes), works if need be (in a maybe set), or not (in
 * neither: no, once they have answered it).
 */
public record Participant(UUID userId, ParticipantStatus status, Set<UUID> acceptedSlotIds, Set<UUID> acceptedVenueIds,
		Set<UUID> maybeSlotIds, Set<UUID> maybeVenueIds, @Nullable Instant respondedAt) {

	public Participant {
		acceptedSlotIds = Set.copyOf(acceptedSlotIds);
		acceptedVenueIds = Set.copyOf(acceptedVenueIds);
		maybeSlotIds = Set.copyOf(maybeSlotIds);
		maybeVenueIds = Set.copyOf(maybeVenueIds);
	}

	/** A participant who uses no "if need be" answers. */
	public Participant(UUID userId, ParticipantStatus status, Set<UUID> acceptedSlotIds, Set<UUID> acceptedVenueIds,
			@Nullable Instant respondedAt) {
		this(userId, status, acceptedSlotIds, acceptedVenueIds, Set.of(), Set.of(), respondedAt);
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

	/** The slot is yes or if need be for this participant. */
	public boolean canMakeSlot(UUID slotId) {
		return acceptedSlotIds.contains(slotId) || maybeSlotIds.contains(slotId);
	}

	/** The venue is yes or if need be for this participant. */
	public boolean canMakeVenue(UUID venueId) {
		return acceptedVenueIds.contains(venueId) || maybeVenueIds.contains(venueId);
	}

	public Participant answered(ParticipantStatus newStatus, Set<UUID> slots, Set<UUID> venues, Instant at) {
		return new Participant(userId, newStatus, slots, venues, Set.of(), Set.of(), at);
	}

	public Participant answered(ParticipantStatus newStatus, Set<UUID> slots, Set<UUID> venues, Set<UUID> maybeSlots,
			Set<UUID> maybeVenues, Instant at) {
		return new Participant(userId, newStatus, slots, venues, maybeSlots, maybeVenues, at);
	}
}
