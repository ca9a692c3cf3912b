package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Outcome;

/**
 * An invitee's answer to a confirmed plan (docs/reference.md#replies): accept makes the
 * final options yes (they come, firmly); decline drops them out. Nothing is re-decided.
 * {@link ReplyRules} hands a confirmed negotiation's replies here.
 */
final class Rsvp {

	private Rsvp() {
	}

	static Applied apply(Negotiation confirmed, Participant replier, ReplyAction action, Instant now) {
		Participant answered = action == ReplyAction.ACCEPT
				? replier.answered(ParticipantStatus.ACCEPTED, finalSet(confirmed.finalSlotId()),
						finalSet(confirmed.finalVenueId()), now)
				: replier.answered(ParticipantStatus.DECLINED, Set.of(), Set.of(), now);
		Negotiation next = confirmed.with(confirmed.state(), confirmed.participantsWith(answered), confirmed.slots(),
				confirmed.venues(), confirmed.agentRound(), confirmed.finalSlotId(), confirmed.finalVenueId());
		return new Applied(next, answered, List.of(), List.of(), Outcome.RSVP);
	}

	/** Already coming firmly: an RSVP accept says nothing new. */
	static boolean repeats(Negotiation confirmed, Participant replier, ReplyAction action) {
		return action == ReplyAction.ACCEPT && replier.status() == ParticipantStatus.ACCEPTED
				&& replier.acceptedSlotIds().equals(finalSet(confirmed.finalSlotId()))
				&& replier.acceptedVenueIds().equals(finalSet(confirmed.finalVenueId()))
				&& replier.maybeSlotIds().isEmpty() && replier.maybeVenueIds().isEmpty();
	}

	private static Set<UUID> finalSet(@Nullable UUID finalId) {
		return finalId == null ? Set.of() : Set.of(finalId);
	}

}
