package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Expired;
import com.amiqo.kairos.negotiation.domain.Decisions.NoChange;
import com.amiqo.kairos.negotiation.domain.Decisions.Outcome;
import com.amiqo.kairos.negotiation.domain.Decisions.ReplyDecision;

/**
 * How a reply moves one negotiation (docs/reference.md#replies,
 * docs/reference.md#negotiation-states): who may answer what in which state, which
 * options an answer names, what a counter adds, when an answer repeats the recorded one,
 * and the consensus that follows. {@link Negotiation#reply} is its only caller; the
 * negotiation stays the one place that holds the state.
 */
final class ReplyRules {

	private final Negotiation negotiation;

	ReplyRules(Negotiation negotiation) {
		this.negotiation = negotiation;
	}

	/**
	 * Applies a reply in the documented order (docs/reference.md#replies): participant,
	 * then a repeated answer is a no-op, then the client's {@code If-Match} revision,
	 * then expiry, then whether the action is allowed, then the options.
	 */
	ReplyDecision apply(UUID userId, Reply reply, @Nullable Integer expectedRevision, Instant now,
			Supplier<UUID> newIds) {
		Participant replier = negotiation.participant(userId)
			.orElseThrow(() -> NegotiationRefusals.notParticipant(negotiation.id()));
		if (repeatsRecordedAnswer(replier, reply)) {
			return new NoChange();
		}
		if (expectedRevision != null && expectedRevision != negotiation.revision()) {
			throw NegotiationRefusals.staleRevision(negotiation.id(), negotiation.revision());
		}
		if (negotiation.state() == NegotiationState.EXPIRED || negotiation.isOverdue(now)) {
			return new Expired(negotiation.state() == NegotiationState.EXPIRED ? negotiation : negotiation.expire());
		}
		checkAllowed(replier, reply.action());
		if (negotiation.state() == NegotiationState.AWAITING_INVITES) {
			return new Applied(negotiation.send(), replier, List.of(), List.of(), Outcome.SENT);
		}
		if (negotiation.state() == NegotiationState.CONFIRMED) {
			return Rsvp.apply(negotiation, replier, reply.action(), now);
		}
		return switch (reply.action()) {
			case ACCEPT -> accept(replier, reply, now);
			case DECLINE -> settle(replier.answered(ParticipantStatus.DECLINED, Set.of(), Set.of(), now),
					negotiation.slots(), negotiation.venues(), List.of(), List.of(), negotiation.agentRound(), now);
			case COUNTER -> counter(replier, reply, now, newIds);
		};
	}

	private void checkAllowed(Participant replier, ReplyAction action) {
		boolean allowed = switch (negotiation.state()) {
			case AWAITING_INVITES -> replier.isOrganizer() && action == ReplyAction.ACCEPT;
			case AWAITING_REPLIES -> !(replier.isOrganizer() && action == ReplyAction.DECLINE);
			// RSVP: an invitee comes after all or drops out; nobody counters a decided
			// plan.
			case CONFIRMED -> !replier.isOrganizer() && action != ReplyAction.COUNTER;
			case CANCELLED, EXPIRED -> false;
		};
		if (!allowed) {
			throw NegotiationRefusals.invalidTransition(negotiation.id(), negotiation.state(), action.value());
		}
	}

	private ReplyDecision accept(Participant replier, Reply reply, Instant now) {
		Set<UUID> yesSlots = yes(reply.slotIds(), reply.maybeSlotIds(), slotIds());
		Set<UUID> maybeSlots = orEmpty(reply.maybeSlotIds());
		Set<UUID> yesVenues = yes(reply.venueIds(), reply.maybeVenueIds(), venueIds());
		Set<UUID> maybeVenues = orEmpty(reply.maybeVenueIds());
		Set<UUID> anySlot = union(yesSlots, maybeSlots);
		Set<UUID> anyVenue = union(yesVenues, maybeVenues);
		if (anySlot.isEmpty() && !negotiation.slots().isEmpty()) {
			throw NegotiationRefusals.emptyChoice("slot_ids");
		}
		if (anyVenue.isEmpty() && !negotiation.venues().isEmpty()) {
			throw NegotiationRefusals.emptyChoice("venue_ids");
		}
		checkKnown(anySlot, anyVenue);
		checkNotAllStarted(anySlot, now);
		ParticipantStatus status = replier.isOrganizer() ? ParticipantStatus.ORGANIZER : ParticipantStatus.ACCEPTED;
		return settle(replier.answered(status, yesSlots, yesVenues, maybeSlots, maybeVenues, now), negotiation.slots(),
				negotiation.venues(), List.of(), List.of(), negotiation.agentRound(), now);
	}

	/**
	 * The yes set of an accept: the ids given; every current option when neither list of
	 * this kind was given (older clients); none when only the maybe list was.
	 */
	private static Set<UUID> yes(@Nullable Set<UUID> given, @Nullable Set<UUID> maybe, Set<UUID> all) {
		if (given != null) {
			return given;
		}
		return maybe == null ? all : Set.of();
	}

	private static Set<UUID> orEmpty(@Nullable Set<UUID> ids) {
		return ids == null ? Set.of() : ids;
	}

	private static Set<UUID> union(Set<UUID> first, Set<UUID> second) {
		if (second.isEmpty()) {
			return first;
		}
		Set<UUID> result = new HashSet<>(first);
		result.addAll(second);
		return result;
	}

	private ReplyDecision counter(Participant replier, Reply reply, Instant now, Supplier<UUID> newIds) {
		checkKnown(union(orEmpty(reply.slotIds()), orEmpty(reply.maybeSlotIds())),
				union(orEmpty(reply.venueIds()), orEmpty(reply.maybeVenueIds())));
		List<ProposedSlot> addedSlots = new ArrayList<>();
		Set<UUID> counteredSlots = counterOptions(reply.counterSlots(), negotiation.slots(), addedSlots,
				ProposedSlot::isSameOptionAs, ProposedSlot::id,
				(option, position) -> new ProposedSlot(newIds.get(), position, option.startsAt(),
						option.durationMinutes(), option.timezone(), replier.userId(), now));
		List<ProposedVenue> addedVenues = new ArrayList<>();
		Set<UUID> counteredVenues = counterOptions(reply.counterVenues(), negotiation.venues(), addedVenues,
				ProposedVenue::isSameOptionAs, ProposedVenue::id,
				(option, position) -> ProposedVenue.of(newIds.get(), position, option, replier.userId(), now));
		if (negotiation.slots().size() + addedSlots.size() > Negotiation.MAX_OPTIONS) {
			throw NegotiationRefusals.tooManyOptions("counter_slots", negotiation.slots().size() + addedSlots.size());
		}
		if (negotiation.venues().size() + addedVenues.size() > Negotiation.MAX_OPTIONS) {
			throw NegotiationRefusals.tooManyOptions("counter_venues",
					negotiation.venues().size() + addedVenues.size());
		}
		List<ProposedSlot> allSlots = Negotiation.concat(negotiation.slots(), addedSlots);
		List<ProposedVenue> allVenues = Negotiation.concat(negotiation.venues(), addedVenues);
		Set<UUID> acceptedSlots = counterSet(counteredSlots, givenYes(reply.slotIds(), reply.maybeSlotIds()),
				replier.acceptedSlotIds(), replier, ids(allSlots, ProposedSlot::id));
		Set<UUID> acceptedVenues = counterSet(counteredVenues, givenYes(reply.venueIds(), reply.maybeVenueIds()),
				replier.acceptedVenueIds(), replier, ids(allVenues, ProposedVenue::id));
		Set<UUID> maybeSlots = counterMaybe(counteredSlots, reply.slotIds(), reply.maybeSlotIds(),
				replier.maybeSlotIds(), acceptedSlots);
		Set<UUID> maybeVenues = counterMaybe(counteredVenues, reply.venueIds(), reply.maybeVenueIds(),
				replier.maybeVenueIds(), acceptedVenues);
		ParticipantStatus status = replier.isOrganizer() ? ParticipantStatus.ORGANIZER : ParticipantStatus.COUNTERED;
		return settle(replier.answered(status, acceptedSlots, acceptedVenues, maybeSlots, maybeVenues, now), allSlots,
				allVenues, addedSlots, addedVenues, negotiation.agentRound() + 1, now);
	}

	/**
	 * A counter's accepted set for one kind of option: the countered options plus the ids
	 * given. When the counter says nothing about this kind, the replier keeps their
	 * recorded set, or takes every current option if they have no set to keep (not
	 * answered yet, or declined before): a new time alone does not reject the
	 * negotiation.venues().
	 */
	private static Set<UUID> counterSet(Set<UUID> countered, @Nullable Set<UUID> given, Set<UUID> recorded,
			Participant replier, Set<UUID> all) {
		if (countered.isEmpty() && given == null) {
			boolean nothingToKeep = replier.status() == ParticipantStatus.INVITED
					|| replier.status() == ParticipantStatus.DECLINED;
			return nothingToKeep ? all : recorded;
		}
		Set<UUID> result = new LinkedHashSet<>(countered);
		if (given != null) {
			result.addAll(given);
		}
		return result;
	}

	/** A maybe list alone says the kind's yes list is empty. */
	private static @Nullable Set<UUID> givenYes(@Nullable Set<UUID> yes, @Nullable Set<UUID> maybe) {
		return yes == null && maybe != null ? Set.of() : yes;
	}

	/**
	 * A counter's maybe set for one kind of option: the maybe ids given; when the counter
	 * says nothing about this kind, the recorded maybe set is kept with the recorded yes
	 * set. An option both countered and named maybe is yes.
	 */
	private static Set<UUID> counterMaybe(Set<UUID> countered, @Nullable Set<UUID> givenYes,
			@Nullable Set<UUID> givenMaybe, Set<UUID> recorded, Set<UUID> yes) {
		if (countered.isEmpty() && givenYes == null && givenMaybe == null) {
			return recorded;
		}
		Set<UUID> result = new LinkedHashSet<>(orEmpty(givenMaybe));
		result.removeAll(yes);
		return result;
	}

	/** Records the replier's new answer and applies the consensus rule. */
	private ReplyDecision settle(Participant replier, List<ProposedSlot> allSlots, List<ProposedVenue> allVenues,
			List<ProposedSlot> addedSlots, List<ProposedVenue> addedVenues, int round, Instant now) {
		List<Participant> updated = negotiation.participantsWith(replier);
		Consensus.Result consensus = Consensus.evaluate(updated, allSlots, allVenues,
				negotiation.deciding().autoConfirm(), now);
		Negotiation next;
		Outcome outcome;
		if (consensus instanceof Consensus.Reached reached) {
			next = negotiation.with(NegotiationState.CONFIRMED, updated, allSlots, allVenues, round,
					reached.slot().id(), reached.venue() == null ? null : reached.venue().id());
			outcome = Outcome.CONFIRMED;
		}
		else if (consensus instanceof Consensus.EveryoneDeclined) {
			next = negotiation.with(NegotiationState.CANCELLED, updated, allSlots, allVenues, round, null, null);
			outcome = Outcome.EVERYONE_DECLINED;
		}
		else {
			next = negotiation.with(negotiation.state(), updated, allSlots, allVenues, round, null, null);
			outcome = Outcome.ANSWERED;
		}
		return new Applied(next, replier, addedSlots, addedVenues, outcome);
	}

	private boolean repeatsRecordedAnswer(Participant replier, Reply reply) {
		if (replier.respondedAt() == null && !replier.isOrganizer()) {
			return false;
		}
		if (negotiation.state() == NegotiationState.CONFIRMED && Rsvp.repeats(negotiation, replier, reply.action())) {
			return true;
		}
		return switch (reply.action()) {
			case DECLINE -> replier.status() == ParticipantStatus.DECLINED;
			case ACCEPT -> negotiation.state() != NegotiationState.AWAITING_INVITES
					&& (replier.isOrganizer() || replier.status() == ParticipantStatus.ACCEPTED)
					&& replier.acceptedSlotIds().equals(yes(reply.slotIds(), reply.maybeSlotIds(), slotIds()))
					&& replier.acceptedVenueIds().equals(yes(reply.venueIds(), reply.maybeVenueIds(), venueIds()))
					&& replier.maybeSlotIds().equals(orEmpty(reply.maybeSlotIds()))
					&& replier.maybeVenueIds().equals(orEmpty(reply.maybeVenueIds()));
			case COUNTER -> (replier.isOrganizer() || replier.status() == ParticipantStatus.COUNTERED)
					&& repeatsCounter(replier, reply);
		};
	}

	/**
	 * A counter whose options all exist already and that would leave the replier's sets
	 * as they are.
	 */
	private boolean repeatsCounter(Participant replier, Reply reply) {
		Set<UUID> slotsNamed = existingIds(reply.counterSlots(), negotiation.slots(), ProposedSlot::isSameOptionAs,
				ProposedSlot::id);
		Set<UUID> venuesNamed = existingIds(reply.counterVenues(), negotiation.venues(), ProposedVenue::isSameOptionAs,
				ProposedVenue::id);
		if (slotsNamed == null || venuesNamed == null) {
			return false;
		}
		Set<UUID> yesSlots = counterSet(slotsNamed, givenYes(reply.slotIds(), reply.maybeSlotIds()),
				replier.acceptedSlotIds(), replier, slotIds());
		Set<UUID> yesVenues = counterSet(venuesNamed, givenYes(reply.venueIds(), reply.maybeVenueIds()),
				replier.acceptedVenueIds(), replier, venueIds());
		return replier.acceptedSlotIds().equals(yesSlots) && replier.acceptedVenueIds().equals(yesVenues)
				&& replier.maybeSlotIds()
					.equals(counterMaybe(slotsNamed, reply.slotIds(), reply.maybeSlotIds(), replier.maybeSlotIds(),
							yesSlots))
				&& replier.maybeVenueIds()
					.equals(counterMaybe(venuesNamed, reply.venueIds(), reply.maybeVenueIds(), replier.maybeVenueIds(),
							yesVenues));
	}

	private void checkKnown(Set<UUID> chosenSlots, Set<UUID> chosenVenues) {
		Set<UUID> unknownSlots = minus(chosenSlots, slotIds());
		Set<UUID> unknownVenues = minus(chosenVenues, venueIds());
		if (!unknownSlots.isEmpty() || !unknownVenues.isEmpty()) {
			throw NegotiationRefusals.unknownOptions(unknownSlots, unknownVenues);
		}
	}

	private void checkNotAllStarted(Set<UUID> chosenSlots, Instant now) {
		boolean anyFuture = negotiation.slots()
			.stream()
			.anyMatch(slot -> chosenSlots.contains(slot.id()) && !slot.hasStarted(now));
		if (!anyFuture) {
			throw NegotiationRefusals.slotsInPast(chosenSlots);
		}
	}

	/**
	 * The ids of the options a counter names, for one kind of option: an option equal to
	 * a current one (or to one this counter already added) is that option; any other is
	 * made at the next position and appended to {@code added}.
	 */
	private static <O, P> Set<UUID> counterOptions(List<O> options, List<P> current, List<P> added,
			BiPredicate<P, O> same, Function<P, UUID> id, BiFunction<O, Integer, P> create) {
		Set<UUID> named = new LinkedHashSet<>();
		for (O option : options) {
			P proposed = existing(option, current, added, same).orElseGet(() -> {
				P made = create.apply(option, current.size() + added.size());
				added.add(made);
				return made;
			});
			named.add(id.apply(proposed));
		}
		return named;
	}

	/**
	 * The ids of the current options a counter names, for one kind of option; null when
	 * it names one that does not exist yet.
	 */
	private static <O, P> @Nullable Set<UUID> existingIds(List<O> options, List<P> current, BiPredicate<P, O> same,
			Function<P, UUID> id) {
		Set<UUID> named = new LinkedHashSet<>();
		for (O option : options) {
			Optional<P> existing = existing(option, current, List.of(), same);
			if (existing.isEmpty()) {
				return null;
			}
			named.add(id.apply(existing.get()));
		}
		return named;
	}

	private static <O, P> Optional<P> existing(O option, List<P> current, List<P> added, BiPredicate<P, O> same) {
		for (P proposed : Negotiation.concat(current, added)) {
			if (same.test(proposed, option)) {
				return Optional.of(proposed);
			}
		}
		return Optional.empty();
	}

	private Set<UUID> slotIds() {
		return ids(negotiation.slots(), ProposedSlot::id);
	}

	private Set<UUID> venueIds() {
		return ids(negotiation.venues(), ProposedVenue::id);
	}

	private static <T> Set<UUID> ids(List<T> items, Function<T, UUID> id) {
		return Set.copyOf(Lists.map(items, id));
	}

	private static Set<UUID> minus(Set<UUID> set, Set<UUID> other) {
		Set<UUID> result = new HashSet<>(set);
		result.removeAll(other);
		return result;
	}

}
