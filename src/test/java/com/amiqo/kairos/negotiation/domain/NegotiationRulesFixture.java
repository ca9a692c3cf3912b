package com.amiqo.kairos.negotiation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.provider.Arguments;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.negotiation.NegotiationRefusalHandler;
import com.amiqo.kairos.negotiation.domain.Decisions.Applied;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fixtures of the negotiation rule tests (docs/reference.md#negotiation-states,
 * docs/reference.md#replies, docs/reference.md#reading-negotiations,
 * docs/reference.md#expiry on the pure domain model): one group of participants, options
 * and helpers that every {@code Negotiation*Test} of a rule family extends.
 */
abstract class NegotiationRulesFixture {

	static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

	static final Instant EXPIRES_AT = NOW.plus(Duration.ofDays(7));

	static final int REVISION = 5;

	static final UUID NEGOTIATION_ID = new UUID(0x1D, 1);

	static final UUID ORGANIZER = new UUID(0x0A, 0);

	static final UUID ALICE = new UUID(0x0A, 1);

	static final UUID BOB = new UUID(0x0A, 2);

	static final UUID CAROL = new UUID(0x0A, 3);

	static final UUID STRANGER = new UUID(0x0A, 99);

	static final ProposedSlot S0 = new ProposedSlot(new UUID(0x5107, 0), 0, NOW.plus(Duration.ofDays(1)), 60,
			"Europe/Berlin", ORGANIZER);

	static final ProposedSlot S1 = new ProposedSlot(new UUID(0x5107, 1), 1, NOW.plus(Duration.ofDays(2)), 60,
			"Europe/Berlin", ORGANIZER);

	static final List<ProposedSlot> SLOTS = List.of(S0, S1);

	static final Set<UUID> ALL_SLOTS = Set.of(S0.id(), S1.id());

	static final ProposedVenue V0 = new ProposedVenue(new UUID(0x7E, 0), 0, "Blue Bottle", "gplace-1",
			Map.of("lat", 52.52), ORGANIZER);

	static final ProposedVenue V1 = new ProposedVenue(new UUID(0x7E, 1), 1, "Five Elephant", null, null, ORGANIZER);

	static final List<ProposedVenue> VENUES = List.of(V0, V1);

	static final Set<UUID> ALL_VENUES = Set.of(V0.id(), V1.id());

	static final SlotOption S0_OPTION = new SlotOption(S0.startsAt(), 60, "Europe/Berlin");

	static final SlotOption S1_OPTION = new SlotOption(S1.startsAt(), 60, "Europe/Berlin");

	static final SlotOption NEW_SLOT_OPTION = new SlotOption(NOW.plus(Duration.ofDays(3)), 45, "Europe/Paris");

	static final SlotOption OTHER_SLOT_OPTION = new SlotOption(NOW.plus(Duration.ofHours(5)), 30, "UTC");

	static final VenueOption V0_OPTION = new VenueOption("Blue Bottle", "gplace-1", Map.of("lat", 52.52));

	static final VenueOption V1_OPTION = new VenueOption("Five Elephant", null, null);

	static final VenueOption NEW_VENUE_OPTION = new VenueOption("Bonanza", "gplace-9", null);

	static final UUID UNKNOWN_ID = new UUID(0xBAD, 0xBAD);

	/** Ids handed out to new options, in order: NEW_1, NEW_2, … */
	final Supplier<UUID> newIds = new Supplier<>() {
		private long next = 1;

		@Override
		public UUID get() {
			return newId(next++);
		}
	};

	static final UUID NEW_1 = newId(1);

	static final UUID NEW_2 = newId(2);

	static final UUID NEW_3 = newId(3);

	enum Role {

		ORGANIZER, INVITEE

	}

	// =============================================================================================
	// fixtures
	// =============================================================================================

	static UUID newId(long n) {
		return new UUID(0xF00D, n);
	}

	static Participant organizer() {
		return organizer(ALL_SLOTS, ALL_VENUES);
	}

	static Participant organizer(Set<UUID> slots, Set<UUID> venues) {
		return new Participant(ORGANIZER, ParticipantStatus.ORGANIZER, slots, venues, NOW.minus(Duration.ofHours(1)));
	}

	static Participant invited(UUID id) {
		return new Participant(id, ParticipantStatus.INVITED, Set.of(), Set.of(), null);
	}

	static Participant accepted(UUID id, Set<UUID> slots, Set<UUID> venues) {
		return new Participant(id, ParticipantStatus.ACCEPTED, slots, venues, NOW.minus(Duration.ofMinutes(30)));
	}

	static Participant countered(UUID id, Set<UUID> slots, Set<UUID> venues) {
		return new Participant(id, ParticipantStatus.COUNTERED, slots, venues, NOW.minus(Duration.ofMinutes(30)));
	}

	static Participant declined(UUID id) {
		return new Participant(id, ParticipantStatus.DECLINED, Set.of(), Set.of(), NOW.minus(Duration.ofMinutes(30)));
	}

	static Negotiation negotiation(NegotiationState state, Participant... participants) {
		return negotiation(state, List.of(participants), SLOTS, VENUES, EXPIRES_AT);
	}

	static Negotiation negotiation(NegotiationState state, List<Participant> participants, List<ProposedSlot> slots,
			List<ProposedVenue> venues, Instant expiresAt) {
		boolean confirmed = state == NegotiationState.CONFIRMED;
		return new Negotiation(NEGOTIATION_ID, ORGANIZER, state, participants, slots, venues, expiresAt, 0, REVISION,
				confirmed ? slots.get(0).id() : null, confirmed && !venues.isEmpty() ? venues.get(0).id() : null,
				state != NegotiationState.AWAITING_INVITES);
	}

	/**
	 * Awaiting replies, the organizer accepting every option, with the given invitees.
	 */
	static Negotiation open(Participant... invitees) {
		return negotiation(NegotiationState.AWAITING_REPLIES, withOrganizer(organizer(), invitees));
	}

	static Participant[] withOrganizer(Participant organizer, Participant... invitees) {
		Participant[] all = new Participant[invitees.length + 1];
		all[0] = organizer;
		System.arraycopy(invitees, 0, all, 1, invitees.length);
		return all;
	}

	static Negotiation withExpiry(Negotiation negotiation, Instant expiresAt) {
		return new Negotiation(negotiation.id(), negotiation.ownerId(), negotiation.state(), negotiation.participants(),
				negotiation.slots(), negotiation.venues(), expiresAt, negotiation.agentRound(), negotiation.revision(),
				negotiation.finalSlotId(), negotiation.finalVenueId(), negotiation.sent());
	}

	static Negotiation withRound(Negotiation negotiation, int agentRound) {
		return new Negotiation(negotiation.id(), negotiation.ownerId(), negotiation.state(), negotiation.participants(),
				negotiation.slots(), negotiation.venues(), negotiation.expiresAt(), agentRound, negotiation.revision(),
				negotiation.finalSlotId(), negotiation.finalVenueId(), negotiation.sent());
	}

	static List<ProposedSlot> manySlots(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> new ProposedSlot(new UUID(0x5107, i), i, NOW.plus(Duration.ofHours(i + 1)), 60, "UTC",
					ORGANIZER))
			.toList();
	}

	static List<ProposedVenue> manyVenues(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> new ProposedVenue(new UUID(0x7E, i), i, "Venue " + i, null, null, ORGANIZER))
			.toList();
	}

	static List<SlotOption> newSlotOptions(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> new SlotOption(NOW.plus(Duration.ofDays(10 + i)), 60, "UTC"))
			.toList();
	}

	static List<VenueOption> newVenueOptions(int count) {
		return IntStream.range(0, count).mapToObj(i -> new VenueOption("New venue " + i, null, null)).toList();
	}

	static Set<UUID> ids(List<?> options) {
		return options.stream()
			.map(option -> option instanceof ProposedSlot slot ? slot.id() : ((ProposedVenue) option).id())
			.collect(Collectors.toSet());
	}

	static Reply counter(List<SlotOption> slots, List<VenueOption> venues, Set<UUID> slotIds, Set<UUID> venueIds) {
		return new Reply(ReplyAction.COUNTER, slotIds, venueIds, slots, venues);
	}

	Decisions.ReplyDecision reply(Negotiation negotiation, UUID userId, Reply reply) {
		return negotiation.reply(userId, reply, NOW, newIds);
	}

	Applied applied(Negotiation negotiation, UUID userId, Reply reply) {
		return applied(negotiation, userId, reply, NOW);
	}

	Applied applied(Negotiation negotiation, UUID userId, Reply reply, Instant at) {
		Decisions.ReplyDecision decision = negotiation.reply(userId, reply, at, newIds);
		assertThat(decision).isInstanceOf(Applied.class);
		return (Applied) decision;
	}

	static Participant participant(Negotiation negotiation, UUID userId) {
		return negotiation.participant(userId).orElseThrow();
	}

	static void assertApiError(ThrowingCallable call, ErrorCode code, Map<String, ?> details) {
		assertThatThrownBy(call).isInstanceOfSatisfying(NegotiationRefusal.class, refusal -> {
			ApiException error = NegotiationRefusalHandler.toApiException(refusal);
			assertThat(error.code()).isEqualTo(code);
			assertThat(error.details()).isEqualTo(details);
		});
	}

	static void assertInvalidTransition(ThrowingCallable call, NegotiationState state, String action) {
		assertApiError(call, ErrorCode.INVALID_STATE_TRANSITION,
				Map.of("negotiation_id", NEGOTIATION_ID, "current_state", state.value(), "requested_action", action));
	}

	/**
	 * A negotiation in the given state where the organizer accepts everything, Alice has
	 * answered (accepting S0 and V0) unless it is a draft, and Bob is still invited.
	 */
	static Negotiation matrixNegotiation(NegotiationState state) {
		Participant alice = state == NegotiationState.AWAITING_INVITES ? invited(ALICE)
				: accepted(ALICE, Set.of(S0.id()), Set.of(V0.id()));
		return negotiation(state, organizer(), alice, invited(BOB));
	}

	static UUID user(Role role) {
		return role == Role.ORGANIZER ? ORGANIZER : ALICE;
	}

	/**
	 * A reply of the given kind that differs from what the matrix participant has
	 * recorded.
	 */
	static Reply changingReply(Role role, ReplyAction action) {
		return switch (action) {
			case ACCEPT -> role == Role.ORGANIZER ? Reply.accept(Set.of(S1.id()), null) : Reply.accept();
			case DECLINE -> Reply.decline();
			case COUNTER -> Reply.counter(List.of(NEW_SLOT_OPTION), List.of());
		};
	}

	static Stream<Arguments> rolesAndActions() {
		return Arrays.stream(Role.values())
			.flatMap(role -> Arrays.stream(ReplyAction.values()).map(action -> Arguments.of(role, action)));
	}

	static Stream<Arguments> statesRolesAndActions(NegotiationState... states) {
		return Arrays.stream(states)
			.flatMap(state -> rolesAndActions()
				.map(arguments -> Arguments.of(state, arguments.get()[0], arguments.get()[1])));
	}

	/**
	 * Replies a decided plan refuses: all of them once cancelled; once confirmed, all but
	 * an invitee's RSVP (accept or decline).
	 */
	static Stream<Arguments> confirmedOrCancelledRolesAndActions() {
		return statesRolesAndActions(NegotiationState.CONFIRMED, NegotiationState.CANCELLED)
			.filter(arguments -> !(arguments.get()[0] == NegotiationState.CONFIRMED
					&& arguments.get()[1] == Role.INVITEE && arguments.get()[2] != ReplyAction.COUNTER));
	}

	static Stream<Arguments> openStatesRolesAndActions() {
		return statesRolesAndActions(NegotiationState.AWAITING_INVITES, NegotiationState.AWAITING_REPLIES);
	}

	static Stream<Arguments> expiredRolesAndActions() {
		return rolesAndActions();
	}

	static Stream<Arguments> draftRepliesOtherThanOrganizerAccept() {
		return rolesAndActions()
			.filter(arguments -> !(arguments.get()[0] == Role.ORGANIZER && arguments.get()[1] == ReplyAction.ACCEPT));
	}

}
