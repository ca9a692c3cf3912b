package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A negotiation's coordination state and the rules that move it
 * (docs/reference.md#negotiation-states). Immutable: every move returns a decision
 * holding the next state, or refuses with the documented error. No I/O here; the service
 * loads it under a row lock, asks it, and writes what it decided.
 */
public record Negotiation(UUID id, UUID ownerId, NegotiationState state, List<Participant> participants,
		List<ProposedSlot> slots, List<ProposedVenue> venues, Instant expiresAt, int agentRound, int revision,
		@Nullable UUID finalSlotId, @Nullable UUID finalVenueId, boolean sent) {

	/**
	 * The most slots, and the most venues, a negotiation holds (counter-proposals
	 * included).
	 */
	public static final int MAX_OPTIONS = 20;

	/** The organizer and up to 49 invitees. */
	public static final int MAX_PARTICIPANTS = 50;

	/**
	 * Refuses a state no rule can reach, so neither a rule nor a row read back can make
	 * one: the owner is the one organizer participant, nobody takes part twice, option
	 * ids are unique, a negotiation is confirmed exactly when it has a final slot (a
	 * cancelled plan keeps the options it had confirmed), its final options are among its
	 * options, and only a draft is unsent.
	 */
	public Negotiation {
		// Loops, not streams: every request runs this (see Lists).
		participants = List.copyOf(participants);
		slots = List.copyOf(slots);
		venues = List.copyOf(venues);
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

	/**
	 * A new negotiation (docs/reference.md#reading-negotiations): the organizer accepts
	 * every option they propose, invitees start as invited in the order given, and a
	 * draft ({@code send} false) waits until its organizer sends it.
	 */
	public static Negotiation start(UUID id, UUID organizerId, List<UUID> inviteeIds, List<SlotOption> slotOptions,
			List<VenueOption> venueOptions, Instant expiresAt, boolean send, Instant now, Supplier<UUID> newIds) {
		List<ProposedSlot> slots = new ArrayList<>();
		for (SlotOption option : slotOptions) {
			slots.add(new ProposedSlot(newIds.get(), slots.size(), option.startsAt(), option.durationMinutes(),
					option.timezone(), organizerId, now));
		}
		List<ProposedVenue> venues = new ArrayList<>();
		for (VenueOption option : venueOptions) {
			venues.add(ProposedVenue.of(newIds.get(), venues.size(), option, organizerId, now));
		}
		List<Participant> participants = new ArrayList<>();
		participants.add(new Participant(organizerId, ParticipantStatus.ORGANIZER,
				slots.stream().map(ProposedSlot::id).collect(Collectors.toSet()),
				venues.stream().map(ProposedVenue::id).collect(Collectors.toSet()), now));
		inviteeIds.forEach(inviteeId -> participants
			.add(new Participant(inviteeId, ParticipantStatus.INVITED, Set.of(), Set.of(), null)));
		NegotiationState state = send ? NegotiationState.AWAITING_REPLIES : NegotiationState.AWAITING_INVITES;
		return new Negotiation(id, organizerId, state, participants, slots, venues, expiresAt, 0, 0, null, null, send);
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
	public static boolean isOverdue(NegotiationState state, Instant expiresAt, Instant now) {
		return state.isOpen() && !expiresAt.isAfter(now);
	}

	/**
	 * The same rule as an SQL predicate over the given columns, with {@code :now} bound
	 * by the caller, for the list's state filter and the sweep; NegotiationOverdueSqlTest
	 * evaluates it against the Java rule in PostgreSQL.
	 */
	public static String overdueSql(String stateColumn, String expiresAtColumn) {
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
		for (Participant participant : participants) {
			if (participant.userId().equals(userId)) {
				return Optional.of(participant);
			}
		}
		return Optional.empty();
	}

	/**
	 * Participants see a negotiation once it has been sent; before that (also if the
	 * draft was cancelled or expired unsent) only its organizer does.
	 */
	public boolean isVisibleTo(UUID userId) {
		return participant(userId).isPresent() && (sent || ownerId.equals(userId));
	}

	public int acceptedCount() {
		int accepted = 0;
		for (Participant participant : participants) {
			if (participant.status() == ParticipantStatus.ACCEPTED) {
				accepted++;
			}
		}
		return accepted;
	}

	/**
	 * Whether the negotiation waits for this user
	 * (docs/reference.md#reading-negotiations, {@code awaiting_me}): an invitee who has
	 * not answered an open negotiation, or any active participant, organizer included,
	 * for whom an option was added by someone else after their last answer and is not in
	 * their accepted sets. The same rule picks who is told about a counter.
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
	 * Applies a reply in the documented order (docs/reference.md#replies): participant,
	 * then a repeated answer is a no-op, then the client's {@code If-Match} revision,
	 * then expiry, then whether the action is allowed, then the options (the rules are
	 * {@link ReplyRules}).
	 */
	public ReplyDecision reply(UUID userId, Reply reply, @Nullable Integer expectedRevision, Instant now,
			Supplier<UUID> newIds) {
		return new ReplyRules(this).apply(userId, reply, expectedRevision, now, newIds);
	}

	public CancelDecision cancel(UUID userId, Instant now) {
		Participant caller = participant(userId).orElseThrow(() -> NegotiationRefusals.notParticipant(id));
		if (!caller.isOrganizer()) {
			throw NegotiationRefusals.organizerOnly(id, "cancel");
		}
		if (isOverdue(now)) {
			return new Expired(expire());
		}
		if (!state.isOpen() && state != NegotiationState.CONFIRMED) {
			throw NegotiationRefusals.invalidTransition(id, state, "cancel");
		}
		return new Cancelled(
				with(NegotiationState.CANCELLED, participants, slots, venues, agentRound, finalSlotId, finalVenueId),
				state == NegotiationState.CONFIRMED);
	}

	/**
	 * Adds someone who came through an invite link as an invitee who has not answered yet
	 * (docs/reference.md#invite-links). The caller has checked that the negotiation is
	 * open and that they are not in it already.
	 */
	public Negotiation join(UUID userId) {
		if (participants.size() >= MAX_PARTICIPANTS) {
			throw NegotiationRefusals.full(id);
		}
		return with(state,
				concat(participants,
						List.of(new Participant(userId, ParticipantStatus.INVITED, Set.of(), Set.of(), null))),
				slots, venues, agentRound, finalSlotId, finalVenueId);
	}

	/** The next state of this negotiation: one revision on, same deadline. */
	Negotiation with(NegotiationState nextState, List<Participant> nextParticipants, List<ProposedSlot> nextSlots,
			List<ProposedVenue> nextVenues, int nextRound, @Nullable UUID nextFinalSlot,
			@Nullable UUID nextFinalVenue) {
		return new Negotiation(id, ownerId, nextState, nextParticipants, nextSlots, nextVenues, expiresAt, nextRound,
				revision + 1, nextFinalSlot, nextFinalVenue, sent);
	}

	static <T> List<T> concat(List<T> first, List<T> second) {
		if (second.isEmpty()) {
			return first;
		}
		List<T> result = new ArrayList<>(first);
		result.addAll(second);
		return result;
	}

	private static void requireUnique(List<?> values, String what) {
		if (new HashSet<>(values).size() != values.size()) {
			throw new IllegalArgumentException("each " + what + " must appear once: " + values);
		}
	}

}
