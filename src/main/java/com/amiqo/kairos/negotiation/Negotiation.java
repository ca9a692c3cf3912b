package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A negotiation's coordination state and the rules that move it (SPEC §5). Immutable:
 * every move returns a decision holding the next state, or refuses with the SPEC error.
 * No I/O here; the service loads it under a row lock, asks it, and writes what it
 * decided.
 */
record Negotiation(UUID id, UUID ownerId, NegotiationState state, List<Participant> participants,
		List<ProposedSlot> slots, List<ProposedVenue> venues, Instant expiresAt, int agentRound, int revision,
		@Nullable UUID finalSlotId, @Nullable UUID finalVenueId, boolean sent) {

	public Negotiation {
		participants = List.copyOf(participants);
		slots = List.copyOf(slots);
		venues = List.copyOf(venues);
	}

	/** A negotiation that has been sent unless it is still a draft. */
	public Negotiation(UUID id, UUID ownerId, NegotiationState state, List<Participant> participants,
			List<ProposedSlot> slots, List<ProposedVenue> venues, Instant expiresAt, int agentRound, int revision,
			@Nullable UUID finalSlotId, @Nullable UUID finalVenueId) {
		this(id, ownerId, state, participants, slots, venues, expiresAt, agentRound, revision, finalSlotId,
				finalVenueId, state != NegotiationState.AWAITING_INVITES);
	}

	/** What a reply came to. */
	public sealed interface ReplyDecision permits NoChange, Expired, Applied {

	}

	/**
	 * The reply repeats the caller's recorded answer: nothing to write (safe retries).
	 */
	public record NoChange() implements ReplyDecision {
	}

	/**
	 * The deadline has passed: the negotiation is (to be marked) expired and the reply
	 * refused.
	 */
	public record Expired(Negotiation expired) implements ReplyDecision, CancelDecision {
	}

	/** The reply changed the negotiation. */
	public record Applied(Negotiation next, Participant replier, List<ProposedSlot> addedSlots,
			List<ProposedVenue> addedVenues, Outcome outcome) implements ReplyDecision {
	}

	public enum Outcome {

		/** The organizer sent a draft. */
		SENT,
		/** An answer was recorded; no consensus yet. */
		ANSWERED, CONFIRMED,
		/** The last active invitee declined. */
		EVERYONE_DECLINED

	}

	/**
	 * What a cancel came to: the negotiation either is cancelled now or had expired
	 * already.
	 */
	public sealed interface CancelDecision permits Cancelled, Expired {

	}

	public record Cancelled(Negotiation next, boolean wasConfirmed) implements CancelDecision {
	}

	/** Past its deadline while still open, whether or not the sweep has marked it yet. */
	public boolean isOverdue(Instant now) {
		return isOverdue(state, expiresAt, now);
	}

	/**
	 * The overdue rule for callers that hold only the stored state and deadline (the list
	 * rows).
	 */
	static boolean isOverdue(NegotiationState state, Instant expiresAt, Instant now) {
		return state.isOpen() && !expiresAt.isAfter(now);
	}

	/**
	 * The same rule as an SQL predicate over the given columns, with {@code :now} bound
	 * by the caller, for the list's state filter and the sweep; NegotiationOverdueSqlTest
	 * evaluates it against the Java rule in PostgreSQL.
	 */
	static String overdueSql(String stateColumn, String expiresAtColumn) {
		String openStates = Arrays.stream(NegotiationState.values())
			.filter(NegotiationState::isOpen)
			.map(open -> "'" + open.value() + "'")
			.collect(Collectors.joining(", "));
		return "(" + stateColumn + " IN (" + openStates + ") AND " + expiresAtColumn + " <= :now)";
	}

	/**
	 * The state a reader should see: an overdue negotiation is expired even before the
	 * sweep runs.
	 */
	public NegotiationState effectiveState(Instant now) {
		return isOverdue(now) ? NegotiationState.EXPIRED : state;
	}

	public Optional<Participant> participant(UUID userId) {
		return participants.stream().filter(participant -> participant.userId().equals(userId)).findFirst();
	}

	/**
	 * Participants see a negotiation once it has been sent; before that (also if the
	 * draft was cancelled or expired unsent) only its organizer does.
	 */
	public boolean isVisibleTo(UUID userId) {
		return participant(userId).isPresent() && (sent || ownerId.equals(userId));
	}

	public int acceptedCount() {
		return (int) participants.stream().filter(p -> p.status() == ParticipantStatus.ACCEPTED).count();
	}

	/**
	 * Whether the negotiation waits for this user (SPEC §5.6, {@code awaiting_me}): an
	 * invitee who has not answered an open negotiation, or any active participant,
	 * organizer included, for whom an option was added by someone else after their last
	 * answer and is not in their accepted sets. The same rule picks who is told about a
	 * counter.
	 */
	public boolean isAwaiting(UUID userId, Instant now) {
		if (effectiveState(now) != NegotiationState.AWAITING_REPLIES) {
			return false;
		}
		Participant participant = participant(userId).orElse(null);
		if (participant == null || !participant.isActive()) {
			return false;
		}
		return participant.status() == ParticipantStatus.INVITED || hasUnansweredOption(participant, now);
	}

	/**
	 * An option this participant has not answered: proposed by another participant who is
	 * still active (a decliner's leftovers prompt nobody), after this participant's last
	 * answer, missing from their accepted sets, and (for times) not started yet.
	 */
	private boolean hasUnansweredOption(Participant participant, Instant now) {
		Set<UUID> activeProposers = participants.stream()
			.filter(Participant::isActive)
			.map(Participant::userId)
			.filter(id -> !id.equals(participant.userId()))
			.collect(Collectors.toSet());
		Instant answeredAt = participant.respondedAt();
		boolean slotPending = slots.stream()
			.anyMatch(slot -> activeProposers.contains(slot.proposedBy())
					&& (answeredAt == null || slot.proposedAt().isAfter(answeredAt))
					&& !participant.acceptedSlotIds().contains(slot.id()) && !slot.hasStarted(now));
		return slotPending || venues.stream()
			.anyMatch(venue -> activeProposers.contains(venue.proposedBy())
					&& (answeredAt == null || venue.proposedAt().isAfter(answeredAt))
					&& !participant.acceptedVenueIds().contains(venue.id()));
	}

	/** The negotiation marked expired (by the sweep or by a late request). */
	public Negotiation expire() {
		return with(NegotiationState.EXPIRED, participants, slots, venues, agentRound, null, null);
	}

	public ReplyDecision reply(UUID userId, Reply reply, Instant now, Supplier<UUID> newIds) {
		return reply(userId, reply, null, now, newIds);
	}

	/**
	 * Applies a reply in SPEC order: participant, then a repeated answer is a no-op, then
	 * the client's {@code If-Match} revision, then expiry, then whether the action is
	 * allowed, then the options.
	 */
	public ReplyDecision reply(UUID userId, Reply reply, @Nullable Integer expectedRevision, Instant now,
			Supplier<UUID> newIds) {
		Participant replier = participant(userId).orElseThrow(() -> NegotiationErrors.notParticipant(id));
		if (repeatsRecordedAnswer(replier, reply)) {
			return new NoChange();
		}
		if (expectedRevision != null && expectedRevision != revision) {
			throw NegotiationErrors.staleRevision(id, revision);
		}
		if (state == NegotiationState.EXPIRED || isOverdue(now)) {
			return new Expired(state == NegotiationState.EXPIRED ? this : expire());
		}
		checkAllowed(replier, reply.action());
		if (state == NegotiationState.AWAITING_INVITES) {
			Negotiation next = new Negotiation(id, ownerId, NegotiationState.AWAITING_REPLIES, participants, slots,
					venues, expiresAt, agentRound, revision + 1, null, null, true);
			return new Applied(next, replier, List.of(), List.of(), Outcome.SENT);
		}
		return switch (reply.action()) {
			case ACCEPT -> accept(replier, reply, now);
			case DECLINE -> settle(replier.answered(ParticipantStatus.DECLINED, Set.of(), Set.of(), now), slots, venues,
					List.of(), List.of(), agentRound, now);
			case COUNTER -> counter(replier, reply, now, newIds);
		};
	}

	public CancelDecision cancel(UUID userId, Instant now) {
		Participant caller = participant(userId).orElseThrow(() -> NegotiationErrors.notParticipant(id));
		if (!caller.isOrganizer()) {
			throw NegotiationErrors.organizerOnly(id, "cancel");
		}
		if (isOverdue(now)) {
			return new Expired(expire());
		}
		if (!state.isOpen() && state != NegotiationState.CONFIRMED) {
			throw NegotiationErrors.invalidTransition(id, state, "cancel");
		}
		return new Cancelled(
				with(NegotiationState.CANCELLED, participants, slots, venues, agentRound, finalSlotId, finalVenueId),
				state == NegotiationState.CONFIRMED);
	}

	/**
	 * Adds someone who came through an invite link as an invitee who has not answered yet
	 * (SPEC §5.8). The caller has checked that the negotiation is open and that they are
	 * not in it already.
	 */
	public Negotiation join(UUID userId) {
		if (participants.size() >= NegotiationErrors.MAX_PARTICIPANTS) {
			throw NegotiationErrors.full(id);
		}
		return with(state,
				concat(participants,
						List.of(new Participant(userId, ParticipantStatus.INVITED, Set.of(), Set.of(), null))),
				slots, venues, agentRound, finalSlotId, finalVenueId);
	}

	private void checkAllowed(Participant replier, ReplyAction action) {
		boolean allowed = switch (state) {
			case AWAITING_INVITES -> replier.isOrganizer() && action == ReplyAction.ACCEPT;
			case AWAITING_REPLIES -> !(replier.isOrganizer() && action == ReplyAction.DECLINE);
			case CONFIRMED, CANCELLED, EXPIRED -> false;
		};
		if (!allowed) {
			throw NegotiationErrors.invalidTransition(id, state, action.value());
		}
	}

	private ReplyDecision accept(Participant replier, Reply reply, Instant now) {
		Set<UUID> chosenSlots = chosen(reply.slotIds(), slotIds(), "slot_ids");
		Set<UUID> chosenVenues = chosen(reply.venueIds(), venueIds(), "venue_ids");
		checkKnown(chosenSlots, chosenVenues);
		checkNotAllStarted(chosenSlots, now);
		ParticipantStatus status = replier.isOrganizer() ? ParticipantStatus.ORGANIZER : ParticipantStatus.ACCEPTED;
		return settle(replier.answered(status, chosenSlots, chosenVenues, now), slots, venues, List.of(), List.of(),
				agentRound, now);
	}

	private ReplyDecision counter(Participant replier, Reply reply, Instant now, Supplier<UUID> newIds) {
		if (reply.slotIds() != null || reply.venueIds() != null) {
			checkKnown(reply.slotIds() == null ? Set.of() : reply.slotIds(),
					reply.venueIds() == null ? Set.of() : reply.venueIds());
		}
		List<ProposedSlot> addedSlots = new ArrayList<>();
		Set<UUID> counteredSlots = new LinkedHashSet<>();
		for (SlotOption option : reply.counterSlots()) {
			ProposedSlot slot = existingSlot(option, addedSlots).orElseGet(() -> {
				ProposedSlot added = new ProposedSlot(newIds.get(), slots.size() + addedSlots.size(), option.startsAt(),
						option.durationMinutes(), option.timezone(), replier.userId(), now);
				addedSlots.add(added);
				return added;
			});
			counteredSlots.add(slot.id());
		}
		List<ProposedVenue> addedVenues = new ArrayList<>();
		Set<UUID> counteredVenues = new LinkedHashSet<>();
		for (VenueOption option : reply.counterVenues()) {
			ProposedVenue venue = existingVenue(option, addedVenues).orElseGet(() -> {
				ProposedVenue added = ProposedVenue.of(newIds.get(), venues.size() + addedVenues.size(), option,
						replier.userId(), now);
				addedVenues.add(added);
				return added;
			});
			counteredVenues.add(venue.id());
		}
		if (slots.size() + addedSlots.size() > NegotiationErrors.MAX_OPTIONS) {
			throw NegotiationErrors.tooManyOptions("counter_slots", slots.size() + addedSlots.size());
		}
		if (venues.size() + addedVenues.size() > NegotiationErrors.MAX_OPTIONS) {
			throw NegotiationErrors.tooManyOptions("counter_venues", venues.size() + addedVenues.size());
		}
		List<ProposedSlot> allSlots = concat(slots, addedSlots);
		List<ProposedVenue> allVenues = concat(venues, addedVenues);
		Set<UUID> acceptedSlots = counterSet(counteredSlots, reply.slotIds(), replier.acceptedSlotIds(), replier,
				ids(allSlots, ProposedSlot::id));
		Set<UUID> acceptedVenues = counterSet(counteredVenues, reply.venueIds(), replier.acceptedVenueIds(), replier,
				ids(allVenues, ProposedVenue::id));
		ParticipantStatus status = replier.isOrganizer() ? ParticipantStatus.ORGANIZER : ParticipantStatus.COUNTERED;
		return settle(replier.answered(status, acceptedSlots, acceptedVenues, now), allSlots, allVenues, addedSlots,
				addedVenues, agentRound + 1, now);
	}

	/**
	 * A counter's accepted set for one kind of option: the countered options plus the ids
	 * given. When the counter says nothing about this kind, the replier keeps their
	 * recorded set, or takes every current option if they have no set to keep (not
	 * answered yet, or declined before): a new time alone does not reject the venues.
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

	/** Records the replier's new answer and applies the consensus rule. */
	private ReplyDecision settle(Participant replier, List<ProposedSlot> allSlots, List<ProposedVenue> allVenues,
			List<ProposedSlot> addedSlots, List<ProposedVenue> addedVenues, int round, Instant now) {
		List<Participant> updated = participants.stream()
			.map(participant -> participant.userId().equals(replier.userId()) ? replier : participant)
			.toList();
		Consensus.Result consensus = Consensus.evaluate(updated, allSlots, allVenues, now);
		Negotiation next;
		Outcome outcome;
		if (consensus instanceof Consensus.Reached reached) {
			next = with(NegotiationState.CONFIRMED, updated, allSlots, allVenues, round, reached.slot().id(),
					reached.venue() == null ? null : reached.venue().id());
			outcome = Outcome.CONFIRMED;
		}
		else if (consensus instanceof Consensus.EveryoneDeclined) {
			next = with(NegotiationState.CANCELLED, updated, allSlots, allVenues, round, null, null);
			outcome = Outcome.EVERYONE_DECLINED;
		}
		else {
			next = with(state, updated, allSlots, allVenues, round, null, null);
			outcome = Outcome.ANSWERED;
		}
		return new Applied(next, replier, addedSlots, addedVenues, outcome);
	}

	private boolean repeatsRecordedAnswer(Participant replier, Reply reply) {
		if (replier.respondedAt() == null && !replier.isOrganizer()) {
			return false;
		}
		return switch (reply.action()) {
			case DECLINE -> replier.status() == ParticipantStatus.DECLINED;
			case ACCEPT -> state != NegotiationState.AWAITING_INVITES
					&& (replier.isOrganizer() || replier.status() == ParticipantStatus.ACCEPTED)
					&& replier.acceptedSlotIds().equals(reply.slotIds() == null ? slotIds() : reply.slotIds())
					&& replier.acceptedVenueIds().equals(reply.venueIds() == null ? venueIds() : reply.venueIds());
			case COUNTER -> (replier.isOrganizer() || replier.status() == ParticipantStatus.COUNTERED)
					&& repeatsCounter(replier, reply);
		};
	}

	/**
	 * A counter whose options all exist already and that would leave the replier's sets
	 * as they are.
	 */
	private boolean repeatsCounter(Participant replier, Reply reply) {
		Set<UUID> slotsNamed = new LinkedHashSet<>();
		for (SlotOption option : reply.counterSlots()) {
			Optional<ProposedSlot> existing = existingSlot(option, List.of());
			if (existing.isEmpty()) {
				return false;
			}
			slotsNamed.add(existing.get().id());
		}
		Set<UUID> venuesNamed = new LinkedHashSet<>();
		for (VenueOption option : reply.counterVenues()) {
			Optional<ProposedVenue> existing = existingVenue(option, List.of());
			if (existing.isEmpty()) {
				return false;
			}
			venuesNamed.add(existing.get().id());
		}
		return replier.acceptedSlotIds()
			.equals(counterSet(slotsNamed, reply.slotIds(), replier.acceptedSlotIds(), replier, slotIds()))
				&& replier.acceptedVenueIds()
					.equals(counterSet(venuesNamed, reply.venueIds(), replier.acceptedVenueIds(), replier, venueIds()));
	}

	private Set<UUID> chosen(@Nullable Set<UUID> given, Set<UUID> all, String field) {
		if (given == null) {
			return all;
		}
		if (given.isEmpty() && !all.isEmpty()) {
			throw NegotiationErrors.emptyChoice(field);
		}
		return given;
	}

	private void checkKnown(Set<UUID> chosenSlots, Set<UUID> chosenVenues) {
		Set<UUID> unknownSlots = minus(chosenSlots, slotIds());
		Set<UUID> unknownVenues = minus(chosenVenues, venueIds());
		if (!unknownSlots.isEmpty() || !unknownVenues.isEmpty()) {
			throw NegotiationErrors.unknownOptions(unknownSlots, unknownVenues);
		}
	}

	private void checkNotAllStarted(Set<UUID> chosenSlots, Instant now) {
		boolean anyFuture = slots.stream().anyMatch(slot -> chosenSlots.contains(slot.id()) && !slot.hasStarted(now));
		if (!anyFuture) {
			throw NegotiationErrors.slotsInPast(chosenSlots);
		}
	}

	private Optional<ProposedSlot> existingSlot(SlotOption option, List<ProposedSlot> added) {
		return concat(slots, added).stream().filter(slot -> slot.isSameOptionAs(option)).findFirst();
	}

	private Optional<ProposedVenue> existingVenue(VenueOption option, List<ProposedVenue> added) {
		return concat(venues, added).stream().filter(venue -> venue.isSameOptionAs(option)).findFirst();
	}

	private Set<UUID> slotIds() {
		return ids(slots, ProposedSlot::id);
	}

	private Set<UUID> venueIds() {
		return ids(venues, ProposedVenue::id);
	}

	private Negotiation with(NegotiationState nextState, List<Participant> nextParticipants,
			List<ProposedSlot> nextSlots, List<ProposedVenue> nextVenues, int nextRound, @Nullable UUID nextFinalSlot,
			@Nullable UUID nextFinalVenue) {
		return new Negotiation(id, ownerId, nextState, nextParticipants, nextSlots, nextVenues, expiresAt, nextRound,
				revision + 1, nextFinalSlot, nextFinalVenue, sent);
	}

	private static <T> Set<UUID> ids(List<T> items, java.util.function.Function<T, UUID> id) {
		return items.stream().map(id).collect(Collectors.toUnmodifiableSet());
	}

	private static Set<UUID> minus(Set<UUID> set, Set<UUID> other) {
		Set<UUID> result = new HashSet<>(set);
		result.removeAll(other);
		return result;
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		if (second.isEmpty()) {
			return first;
		}
		List<T> result = new ArrayList<>(first);
		result.addAll(second);
		return result;
	}
}
