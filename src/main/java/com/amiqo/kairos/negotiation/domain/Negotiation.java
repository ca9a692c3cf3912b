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

import com.amiqo.kairos.negotiation.domain.Decisions.CancelDecision;
import com.amiqo.kairos.negotiation.domain.Decisions.Cancelled;
import com.amiqo.kairos.negotiation.domain.Decisions.Expired;
import com.amiqo.kairos.negotiation.domain.Decisions.FinalizeDecision;
import com.amiqo.kairos.negotiation.domain.Decisions.ReplyDecision;

/**
 * A negotiation's coordination state and the rules that move it
 * (docs/reference.md#negotiation-states). Immutable: every move returns a decision
 * holding the next state, or refuses with the documented error. No I/O here; the service
 * loads it under a row lock, asks it, and writes what it decided.
 */
public record Negotiation(UUID id, UUID ownerId, NegotiationState state, List<Participant> participants,
		List<ProposedSlot> slots, List<ProposedVenue> venues, Instant expiresAt, int agentRound, int revision,
		@Nullable UUID finalSlotId, @Nullable UUID finalVenueId, boolean sent, Deciding deciding) {

	/**
	 * The most slots, and the most venues, a negotiation holds (counter-proposals
	 * included).
	 */
	public static final int MAX_OPTIONS = 20;

	/** The organizer and up to 49 invitees. */
	public static final int MAX_PARTICIPANTS = 50;

	/**
	 * Refuses a state no rule can reach ({@link NegotiationInvariants}).
	 */
	public Negotiation {
		participants = List.copyOf(participants);
		slots = List.copyOf(slots);
		venues = List.copyOf(venues);
		NegotiationInvariants.check(ownerId, state, participants, slots, venues, agentRound, revision, finalSlotId,
				finalVenueId, sent);
	}

	/**
	 * A negotiation decided the default way (confirms on its own, expires at its
	 * deadline).
	 */
	public Negotiation(UUID id, UUID ownerId, NegotiationState state, List<Participant> participants,
			List<ProposedSlot> slots, List<ProposedVenue> venues, Instant expiresAt, int agentRound, int revision,
			@Nullable UUID finalSlotId, @Nullable UUID finalVenueId, boolean sent) {
		this(id, ownerId, state, participants, slots, venues, expiresAt, agentRound, revision, finalSlotId,
				finalVenueId, sent, Deciding.DEFAULT);
	}

	/**
	 * A new negotiation (docs/reference.md#reading-negotiations): the organizer accepts
	 * every option they propose, invitees start as invited in the order given, and a
	 * draft ({@code send} false) waits until its organizer sends it.
	 */
	public static Negotiation start(UUID id, UUID organizerId, List<UUID> inviteeIds, List<SlotOption> slotOptions,
			List<VenueOption> venueOptions, Instant expiresAt, boolean send, Instant now, Supplier<UUID> newIds) {
		return start(id, organizerId, inviteeIds, slotOptions, venueOptions, expiresAt, send, Deciding.DEFAULT, now,
				newIds);
	}

	public static Negotiation start(UUID id, UUID organizerId, List<UUID> inviteeIds, List<SlotOption> slotOptions,
			List<VenueOption> venueOptions, Instant expiresAt, boolean send, Deciding deciding, Instant now,
			Supplier<UUID> newIds) {
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
		return new Negotiation(id, organizerId, state, participants, slots, venues, expiresAt, 0, 0, null, null, send,
				deciding);
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
	 * Overdue, awaiting replies, with {@code pick_best}: what it reads as (confirmed on
	 * the best option, or expired) depends on the answers, so a caller holding only the
	 * stored state and deadline (a list row) cannot tell; the list settles such a
	 * negotiation first.
	 */
	public static boolean awaitsDeadline(NegotiationState state, OnDeadline onDeadline, Instant expiresAt,
			Instant now) {
		return state == NegotiationState.AWAITING_REPLIES && onDeadline == OnDeadline.PICK_BEST
				&& isOverdue(state, expiresAt, now);
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
		if (!isOverdue(now)) {
			return state;
		}
		return deciding.onDeadline() == OnDeadline.PICK_BEST ? atDeadline(now).state() : NegotiationState.EXPIRED;
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
	 * (docs/reference.md#reading-negotiations, {@code awaiting_me}): an active
	 * participant with an option left to answer ({@link Answers}: an invitee who has not
	 * answered, or anyone, organizer included, facing an option someone else added after
	 * their last answer), or the organizer once every active participant has answered
	 * everything and the negotiation is still open with an invitee in it (the next move
	 * is theirs). The same rule picks who is told about a counter and who is reminded.
	 */
	public boolean isAwaiting(UUID userId, Instant now) {
		if (effectiveState(now) != NegotiationState.AWAITING_REPLIES) {
			return false;
		}
		Participant participant = participant(userId).orElse(null);
		if (participant == null || !participant.isActive()) {
			return false;
		}
		Answers answers = new Answers(participants, now);
		if (answers.hasUnanswered(participant, slots, venues)) {
			return true;
		}
		return participant.isOrganizer() && hasInvitee() && answers.everyoneAnswered(slots, venues);
	}

	/**
	 * Everyone {@link #isAwaiting} names, computed once for the whole group (what every
	 * write mirrors onto the participant rows).
	 */
	public Set<UUID> awaitingIds(Instant now) {
		if (effectiveState(now) != NegotiationState.AWAITING_REPLIES) {
			return Set.of();
		}
		Answers answers = new Answers(participants, now);
		Set<UUID> awaiting = new HashSet<>();
		for (Participant participant : participants) {
			if (participant.isActive() && answers.hasUnanswered(participant, slots, venues)) {
				awaiting.add(participant.userId());
			}
		}
		if (awaiting.isEmpty() && hasInvitee()) {
			awaiting.add(ownerId);
		}
		return awaiting;
	}

	/**
	 * Open, with at least one invitee, and nobody active has an option left to answer:
	 * the organizer's call (they are told with {@code all_answered}).
	 */
	public boolean isAllAnswered(Instant now) {
		return effectiveState(now) == NegotiationState.AWAITING_REPLIES && hasInvitee()
				&& new Answers(participants, now).everyoneAnswered(slots, venues);
	}

	private boolean hasInvitee() {
		for (Participant participant : participants) {
			if (!participant.isOrganizer()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether this participant comes to the confirmed plan: the organizer always; an
	 * invitee who has not declined and for whom the final slot, and the final venue if
	 * any, are yes or if need be. Null while nothing is confirmed.
	 */
	public @Nullable Boolean isAttending(Participant participant) {
		if (finalSlotId == null) {
			return null;
		}
		if (participant.isOrganizer()) {
			return true;
		}
		return participant.isActive() && participant.canMakeSlot(finalSlotId)
				&& (finalVenueId == null || participant.canMakeVenue(finalVenueId));
	}

	/**
	 * An attendee who chose the final slot or venue only if need be: their event is
	 * tentative.
	 */
	public boolean isTentative(Participant participant) {
		return finalSlotId != null && (participant.maybeSlotIds().contains(finalSlotId)
				|| (finalVenueId != null && participant.maybeVenueIds().contains(finalVenueId)));
	}

	/** How many attend the confirmed plan; null while nothing is confirmed. */
	public @Nullable Integer attendeeCount() {
		if (finalSlotId == null) {
			return null;
		}
		int count = 0;
		for (Participant participant : participants) {
			if (Boolean.TRUE.equals(isAttending(participant))) {
				count++;
			}
		}
		return count;
	}

	/** The negotiation marked expired (by the sweep or by a late request). */
	public Negotiation expire() {
		return with(NegotiationState.EXPIRED, participants, slots, venues, agentRound, null, null);
	}

	/**
	 * What the deadline makes of this overdue negotiation: with {@code pick_best}, a
	 * negotiation awaiting replies is confirmed on the best-supported option when enough
	 * people can come ({@link Consensus#atDeadline}); otherwise it expires.
	 */
	public Negotiation atDeadline(Instant now) {
		if (state == NegotiationState.AWAITING_REPLIES && deciding.onDeadline() == OnDeadline.PICK_BEST
				&& Consensus.atDeadline(participants, slots, venues, deciding.minAttendees(),
						now) instanceof Consensus.Reached reached) {
			return with(NegotiationState.CONFIRMED, participants, slots, venues, agentRound, reached.slot().id(),
					reached.venue() == null ? null : reached.venue().id());
		}
		return expire();
	}

	/**
	 * The organizer's pick (docs/reference.md#finalize); the rules are
	 * {@link Finalizing}.
	 */
	public FinalizeDecision finalize(UUID userId, UUID slotId, @Nullable UUID venueId,
			@Nullable Integer expectedRevision, Instant now) {
		return Finalizing.finalize(this, userId, slotId, venueId, expectedRevision, now);
	}

	public ReplyDecision reply(UUID userId, Reply reply, Instant now, Supplier<UUID> newIds) {
		return reply(userId, reply, null, now, newIds);
	}

	/**
	 * Applies a reply in the documented order (docs/reference.md#replies): participant,
	 * then a repeated answer is a no-op, then the client's {@code If-Match} revision,
	 * then expiry, then whether the action is allowed, then the options (the rules are
	 * {@link ReplyRules}, and {@link Rsvp} once the plan is confirmed).
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

	/** The draft sent by its organizer: now awaiting replies. */
	Negotiation send() {
		return new Negotiation(id, ownerId, NegotiationState.AWAITING_REPLIES, participants, slots, venues, expiresAt,
				agentRound, revision + 1, null, null, true, deciding);
	}

	/** The next state of this negotiation: one revision on, same deadline. */
	Negotiation with(NegotiationState nextState, List<Participant> nextParticipants, List<ProposedSlot> nextSlots,
			List<ProposedVenue> nextVenues, int nextRound, @Nullable UUID nextFinalSlot,
			@Nullable UUID nextFinalVenue) {
		return new Negotiation(id, ownerId, nextState, nextParticipants, nextSlots, nextVenues, expiresAt, nextRound,
				revision + 1, nextFinalSlot, nextFinalVenue, sent, deciding);
	}

	/** The participants with this one's new answer in place of their old one. */
	List<Participant> participantsWith(Participant answered) {
		List<Participant> updated = new ArrayList<>(participants.size());
		for (Participant participant : participants) {
			updated.add(participant.userId().equals(answered.userId()) ? answered : participant);
		}
		return updated;
	}

	static <T> List<T> concat(List<T> first, List<T> second) {
		if (second.isEmpty()) {
			return first;
		}
		List<T> result = new ArrayList<>(first);
		result.addAll(second);
		return result;
	}

}
