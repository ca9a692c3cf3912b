package com.amiqo.kairos.negotiation.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The invariants every {@link Negotiation} holds, checked when one is made so that
 * neither a rule nor a row read back can produce a state no rule reaches: the owner is
 * the one organizer participant, nobody takes part twice, option ids are unique, a
 * negotiation is confirmed exactly when it has a final slot (a cancelled plan keeps the
 * options it had confirmed), its final options are among its options, and only a draft is
 * unsent. Loops, not streams: every request runs this (see Lists).
 */
final class NegotiationInvariants {

	private NegotiationInvariants() {
	}

	static void check(UUID ownerId, NegotiationState state, List<Participant> participants, List<ProposedSlot> slots,
			List<ProposedVenue> venues, int agentRound, int revision, @Nullable UUID finalSlotId,
			@Nullable UUID finalVenueId, boolean sent) {
		List<UUID> organizers = new ArrayList<>(1);
		List<UUID> participantIds = new ArrayList<>(participants.size());
		for (Participant participant : participants) {
			participantIds.add(participant.userId());
			if (participant.isOrganizer()) {
				organizers.add(participant.userId());
			}
		}
		if (!organizers.equals(List.of(ownerId))) {
			throw new IllegalArgumentException(
					"the owner " + ownerId + " must be the one organizer participant, not " + organizers);
		}
		requireUnique(participantIds, "participant");
		List<UUID> slotIds = Lists.map(slots, ProposedSlot::id);
		List<UUID> venueIds = Lists.map(venues, ProposedVenue::id);
		requireUnique(slotIds, "slot id");
		requireUnique(venueIds, "venue id");
		boolean keepsFinalOptions = state == NegotiationState.CONFIRMED || state == NegotiationState.CANCELLED;
		if ((state == NegotiationState.CONFIRMED && finalSlotId == null)
				|| (finalSlotId != null && !keepsFinalOptions)) {
			throw new IllegalArgumentException(
					"a negotiation is confirmed exactly when it has a final slot: " + state + ", " + finalSlotId);
		}
		if (finalVenueId != null && finalSlotId == null) {
			throw new IllegalArgumentException("a final venue without a final slot");
		}
		if (finalSlotId != null && !slotIds.contains(finalSlotId)) {
			throw new IllegalArgumentException("the final slot " + finalSlotId + " is not one of the options");
		}
		if (finalVenueId != null && !venueIds.contains(finalVenueId)) {
			throw new IllegalArgumentException("the final venue " + finalVenueId + " is not one of the options");
		}
		boolean mustBeSent = state == NegotiationState.AWAITING_REPLIES || state == NegotiationState.CONFIRMED;
		if ((state == NegotiationState.AWAITING_INVITES && sent) || (mustBeSent && !sent)) {
			throw new IllegalArgumentException("only a draft is unsent: " + state + ", sent " + sent);
		}
		if (revision < 0 || agentRound < 0) {
			throw new IllegalArgumentException("revision and agent round count from 0");
		}
	}

	private static void requireUnique(List<?> values, String what) {
		if (new HashSet<>(values).size() != values.size()) {
			throw new IllegalArgumentException("each " + what + " must appear once: " + values);
		}
	}

}
