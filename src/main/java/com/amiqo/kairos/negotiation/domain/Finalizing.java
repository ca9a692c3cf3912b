package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.negotiation.domain.Decisions.Expired;
import com.amiqo.kairos.negotiation.domain.Decisions.FinalizeDecision;
import com.amiqo.kairos.negotiation.domain.Decisions.Finalized;
import com.amiqo.kairos.negotiation.domain.Decisions.NoChange;

/**
 * The organizer's pick (docs/reference.md#finalize): organizer only, only while awaiting
 * replies, the venue exactly when venues were proposed, known options, a slot that has
 * not started. The same pick again once confirmed is a no-op; another is refused.
 * {@link Negotiation#finalize} is its only caller.
 */
final class Finalizing {

	private Finalizing() {
	}

	static FinalizeDecision finalize(Negotiation negotiation, UUID userId, UUID slotId, @Nullable UUID venueId,
			@Nullable Integer expectedRevision, Instant now) {
		UUID id = negotiation.id();
		NegotiationState state = negotiation.state();
		Participant caller = negotiation.participant(userId).orElseThrow(() -> NegotiationRefusals.notParticipant(id));
		if (!caller.isOrganizer()) {
			throw NegotiationRefusals.organizerOnly(id, "finalize");
		}
		if (state == NegotiationState.CONFIRMED && slotId.equals(negotiation.finalSlotId())
				&& Objects.equals(venueId, negotiation.finalVenueId())) {
			return new NoChange();
		}
		if (expectedRevision != null && expectedRevision != negotiation.revision()) {
			throw NegotiationRefusals.staleRevision(id, negotiation.revision());
		}
		if (state == NegotiationState.EXPIRED || negotiation.isOverdue(now)) {
			return new Expired(state == NegotiationState.EXPIRED ? negotiation : negotiation.expire());
		}
		if (state != NegotiationState.AWAITING_REPLIES) {
			throw NegotiationRefusals.invalidTransition(id, state, "finalize");
		}
		if (negotiation.venues().isEmpty() != (venueId == null)) {
			throw NegotiationRefusals.venueRequired(!negotiation.venues().isEmpty());
		}
		ProposedSlot slot = null;
		for (ProposedSlot candidate : negotiation.slots()) {
			if (candidate.id().equals(slotId)) {
				slot = candidate;
			}
		}
		boolean venueKnown = venueId == null;
		for (ProposedVenue candidate : negotiation.venues()) {
			venueKnown |= candidate.id().equals(venueId);
		}
		if (slot == null || !venueKnown) {
			throw NegotiationRefusals.unknownFinalOption(slot == null ? "slot_id" : "venue_id",
					slot == null ? slotId : Objects.requireNonNull(venueId));
		}
		if (slot.hasStarted(now)) {
			throw NegotiationRefusals.finalSlotInPast(slotId);
		}
		return new Finalized(negotiation.with(NegotiationState.CONFIRMED, negotiation.participants(),
				negotiation.slots(), negotiation.venues(), negotiation.agentRound(), slotId, venueId));
	}

}
