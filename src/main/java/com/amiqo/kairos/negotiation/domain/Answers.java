package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who has answered which option, and how: the one rule behind the per-option tallies,
 * {@code awaiting_me} and the consensus's "everyone has answered". A participant has not
 * answered an option when they never answered at all (an invitee still invited), or when
 * the option was added after their last answer by another participant who is still
 * active, is in none of their sets, and (for a time) has not started. A decliner's
 * leftovers and times already past prompt nobody. Loops, not streams: every read runs
 * this (see {@link Lists}).
 */
public final class Answers {

	private final List<Participant> participants;

	private final Set<UUID> activeIds;

	private final Instant now;

	public Answers(List<Participant> participants, Instant now) {
		this.participants = participants;
		this.now = now;
		this.activeIds = new HashSet<>();
		for (Participant participant : participants) {
			if (participant.isActive()) {
				activeIds.add(participant.userId());
			}
		}
	}

	/** One option's answers among the active participants (decliners not counted). */
	public record Tally(int yes, int ifNeedBe, int no, int noAnswer) {
	}

	public boolean unansweredSlot(Participant participant, ProposedSlot slot) {
		if (participant.status() == ParticipantStatus.INVITED) {
			return true;
		}
		return unanswered(participant, slot.proposedBy(), slot.proposedAt()) && !participant.canMakeSlot(slot.id())
				&& !slot.hasStarted(now);
	}

	public boolean unansweredVenue(Participant participant, ProposedVenue venue) {
		if (participant.status() == ParticipantStatus.INVITED) {
			return true;
		}
		return unanswered(participant, venue.proposedBy(), venue.proposedAt()) && !participant.canMakeVenue(venue.id());
	}

	private boolean unanswered(Participant participant, UUID proposedBy, Instant proposedAt) {
		Instant answeredAt = participant.respondedAt();
		return !proposedBy.equals(participant.userId()) && activeIds.contains(proposedBy)
				&& (answeredAt == null || proposedAt.isAfter(answeredAt));
	}

	/** Whether this participant has some option left to answer. */
	public boolean hasUnanswered(Participant participant, List<ProposedSlot> slots, List<ProposedVenue> venues) {
		if (participant.status() == ParticipantStatus.INVITED) {
			return true;
		}
		for (ProposedSlot slot : slots) {
			if (unansweredSlot(participant, slot)) {
				return true;
			}
		}
		for (ProposedVenue venue : venues) {
			if (unansweredVenue(participant, venue)) {
				return true;
			}
		}
		return false;
	}

	/** No active participant has an option left to answer. */
	public boolean everyoneAnswered(List<ProposedSlot> slots, List<ProposedVenue> venues) {
		for (Participant participant : participants) {
			if (participant.isActive() && hasUnanswered(participant, slots, venues)) {
				return false;
			}
		}
		return true;
	}

	public Tally slot(ProposedSlot slot) {
		return tally(slot.id(), Participant::acceptedSlotIds, Participant::maybeSlotIds,
				participant -> unansweredSlot(participant, slot));
	}

	public Tally venue(ProposedVenue venue) {
		return tally(venue.id(), Participant::acceptedVenueIds, Participant::maybeVenueIds,
				participant -> unansweredVenue(participant, venue));
	}

	/**
	 * One option's tally, for either kind: the kind gives the sets and the unanswered
	 * rule.
	 */
	private Tally tally(UUID optionId, Function<Participant, Set<UUID>> yesIds,
			Function<Participant, Set<UUID>> maybeIds, Predicate<Participant> unanswered) {
		int yes = 0;
		int maybe = 0;
		int no = 0;
		int noAnswer = 0;
		for (Participant participant : participants) {
			if (!participant.isActive()) {
				continue;
			}
			if (yesIds.apply(participant).contains(optionId)) {
				yes++;
			}
			else if (maybeIds.apply(participant).contains(optionId)) {
				maybe++;
			}
			else if (unanswered.test(participant)) {
				noAnswer++;
			}
			else {
				no++;
			}
		}
		return new Tally(yes, maybe, no, noAnswer);
	}

}
