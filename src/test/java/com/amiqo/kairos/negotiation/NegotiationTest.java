package com.amiqo.kairos.negotiation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.amiqo.kairos.api.ApiException;
import com.amiqo.kairos.api.ErrorCode;
import com.amiqo.kairos.negotiation.Negotiation.Applied;
import com.amiqo.kairos.negotiation.Negotiation.Cancelled;
import com.amiqo.kairos.negotiation.Negotiation.Expired;
import com.amiqo.kairos.negotiation.Negotiation.NoChange;
import com.amiqo.kairos.negotiation.Negotiation.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The negotiation rules of SPEC §5.2, §5.4, §5.5, §5.6 and §5.7 on the pure domain model.
 */
class NegotiationTest {

	private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

	private static final Instant EXPIRES_AT = NOW.plus(Duration.ofDays(7));

	private static final int REVISION = 5;

	private static final UUID NEGOTIATION_ID = new UUID(0x1D, 1);

	private static final UUID ORGANIZER = new UUID(0x0A, 0);

	private static final UUID ALICE = new UUID(0x0A, 1);

	private static final UUID BOB = new UUID(0x0A, 2);

	private static final UUID CAROL = new UUID(0x0A, 3);

	private static final UUID STRANGER = new UUID(0x0A, 99);

	private static final ProposedSlot S0 = new ProposedSlot(new UUID(0x5107, 0), 0, NOW.plus(Duration.ofDays(1)), 60,
			"Europe/Berlin", ORGANIZER);

	private static final ProposedSlot S1 = new ProposedSlot(new UUID(0x5107, 1), 1, NOW.plus(Duration.ofDays(2)), 60,
			"Europe/Berlin", ORGANIZER);

	private static final List<ProposedSlot> SLOTS = List.of(S0, S1);

	private static final Set<UUID> ALL_SLOTS = Set.of(S0.id(), S1.id());

	private static final ProposedVenue V0 = new ProposedVenue(new UUID(0x7E, 0), 0, "Blue Bottle", "gplace-1",
			Map.of("lat", 52.52), ORGANIZER);

	private static final ProposedVenue V1 = new ProposedVenue(new UUID(0x7E, 1), 1, "Five Elephant", null, null,
			ORGANIZER);

	private static final List<ProposedVenue> VENUES = List.of(V0, V1);

	private static final Set<UUID> ALL_VENUES = Set.of(V0.id(), V1.id());

	private static final SlotOption S0_OPTION = new SlotOption(S0.startsAt(), 60, "Europe/Berlin");

	private static final SlotOption S1_OPTION = new SlotOption(S1.startsAt(), 60, "Europe/Berlin");

	private static final SlotOption NEW_SLOT_OPTION = new SlotOption(NOW.plus(Duration.ofDays(3)), 45, "Europe/Paris");

	private static final SlotOption OTHER_SLOT_OPTION = new SlotOption(NOW.plus(Duration.ofHours(5)), 30, "UTC");

	private static final VenueOption V0_OPTION = new VenueOption("Blue Bottle", "gplace-1", Map.of("lat", 52.52));

	private static final VenueOption V1_OPTION = new VenueOption("Five Elephant", null, null);

	private static final VenueOption NEW_VENUE_OPTION = new VenueOption("Bonanza", "gplace-9", null);

	private static final UUID UNKNOWN_ID = new UUID(0xBAD, 0xBAD);

	/** Ids handed out to new options, in order: NEW_1, NEW_2, … */
	private final Supplier<UUID> newIds = new Supplier<>() {
		private long next = 1;

		@Override
		public UUID get() {
			return newId(next++);
		}
	};

	private static final UUID NEW_1 = newId(1);

	private static final UUID NEW_2 = newId(2);

	private static final UUID NEW_3 = newId(3);

	enum Role {

		ORGANIZER, INVITEE

	}

	// =============================================================================================
	// fixtures
	// =============================================================================================

	private static UUID newId(long n) {
		return new UUID(0xF00D, n);
	}

	private static Participant organizer() {
		return organizer(ALL_SLOTS, ALL_VENUES);
	}

	private static Participant organizer(Set<UUID> slots, Set<UUID> venues) {
		return new Participant(ORGANIZER, ParticipantStatus.ORGANIZER, slots, venues, NOW.minus(Duration.ofHours(1)));
	}

	private static Participant invited(UUID id) {
		return new Participant(id, ParticipantStatus.INVITED, Set.of(), Set.of(), null);
	}

	private static Participant accepted(UUID id, Set<UUID> slots, Set<UUID> venues) {
		return new Participant(id, ParticipantStatus.ACCEPTED, slots, venues, NOW.minus(Duration.ofMinutes(30)));
	}

	private static Participant countered(UUID id, Set<UUID> slots, Set<UUID> venues) {
		return new Participant(id, ParticipantStatus.COUNTERED, slots, venues, NOW.minus(Duration.ofMinutes(30)));
	}

	private static Participant declined(UUID id) {
		return new Participant(id, ParticipantStatus.DECLINED, Set.of(), Set.of(), NOW.minus(Duration.ofMinutes(30)));
	}

	private static Negotiation negotiation(NegotiationState state, Participant... participants) {
		return negotiation(state, List.of(participants), SLOTS, VENUES, EXPIRES_AT);
	}

	private static Negotiation negotiation(NegotiationState state, List<Participant> participants,
			List<ProposedSlot> slots, List<ProposedVenue> venues, Instant expiresAt) {
		boolean confirmed = state == NegotiationState.CONFIRMED;
		return new Negotiation(NEGOTIATION_ID, ORGANIZER, state, participants, slots, venues, expiresAt, 0, REVISION,
				confirmed ? slots.get(0).id() : null, confirmed && !venues.isEmpty() ? venues.get(0).id() : null);
	}

	/**
	 * Awaiting replies, the organizer accepting every option, with the given invitees.
	 */
	private static Negotiation open(Participant... invitees) {
		return negotiation(NegotiationState.AWAITING_REPLIES, withOrganizer(organizer(), invitees));
	}

	private static Participant[] withOrganizer(Participant organizer, Participant... invitees) {
		Participant[] all = new Participant[invitees.length + 1];
		all[0] = organizer;
		System.arraycopy(invitees, 0, all, 1, invitees.length);
		return all;
	}

	private static Negotiation withExpiry(Negotiation negotiation, Instant expiresAt) {
		return new Negotiation(negotiation.id(), negotiation.ownerId(), negotiation.state(), negotiation.participants(),
				negotiation.slots(), negotiation.venues(), expiresAt, negotiation.agentRound(), negotiation.revision(),
				negotiation.finalSlotId(), negotiation.finalVenueId());
	}

	private static Negotiation withRound(Negotiation negotiation, int agentRound) {
		return new Negotiation(negotiation.id(), negotiation.ownerId(), negotiation.state(), negotiation.participants(),
				negotiation.slots(), negotiation.venues(), negotiation.expiresAt(), agentRound, negotiation.revision(),
				negotiation.finalSlotId(), negotiation.finalVenueId());
	}

	private static List<ProposedSlot> manySlots(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> new ProposedSlot(new UUID(0x5107, i), i, NOW.plus(Duration.ofHours(i + 1)), 60, "UTC",
					ORGANIZER))
			.toList();
	}

	private static List<ProposedVenue> manyVenues(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> new ProposedVenue(new UUID(0x7E, i), i, "Venue " + i, null, null, ORGANIZER))
			.toList();
	}

	private static List<SlotOption> newSlotOptions(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> new SlotOption(NOW.plus(Duration.ofDays(10 + i)), 60, "UTC"))
			.toList();
	}

	private static List<VenueOption> newVenueOptions(int count) {
		return IntStream.range(0, count).mapToObj(i -> new VenueOption("New venue " + i, null, null)).toList();
	}

	private static Set<UUID> ids(List<?> options) {
		return options.stream()
			.map(option -> option instanceof ProposedSlot slot ? slot.id() : ((ProposedVenue) option).id())
			.collect(Collectors.toSet());
	}

	private static Reply counter(List<SlotOption> slots, List<VenueOption> venues, Set<UUID> slotIds,
			Set<UUID> venueIds) {
		return new Reply(ReplyAction.COUNTER, slotIds, venueIds, slots, venues);
	}

	private Negotiation.ReplyDecision reply(Negotiation negotiation, UUID userId, Reply reply) {
		return negotiation.reply(userId, reply, NOW, newIds);
	}

	private Applied applied(Negotiation negotiation, UUID userId, Reply reply) {
		return applied(negotiation, userId, reply, NOW);
	}

	private Applied applied(Negotiation negotiation, UUID userId, Reply reply, Instant at) {
		Negotiation.ReplyDecision decision = negotiation.reply(userId, reply, at, newIds);
		assertThat(decision).isInstanceOf(Applied.class);
		return (Applied) decision;
	}

	private static Participant participant(Negotiation negotiation, UUID userId) {
		return negotiation.participant(userId).orElseThrow();
	}

	private static void assertApiError(ThrowingCallable call, ErrorCode code, Map<String, ?> details) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, error -> {
			assertThat(error.code()).isEqualTo(code);
			assertThat(error.details()).isEqualTo(details);
		});
	}

	private static void assertInvalidTransition(ThrowingCallable call, NegotiationState state, String action) {
		assertApiError(call, ErrorCode.INVALID_STATE_TRANSITION,
				Map.of("negotiation_id", NEGOTIATION_ID, "current_state", state.value(), "requested_action", action));
	}

	/**
	 * A negotiation in the given state where the organizer accepts everything, Alice has
	 * answered (accepting S0 and V0) unless it is a draft, and Bob is still invited.
	 */
	private static Negotiation matrixNegotiation(NegotiationState state) {
		Participant alice = state == NegotiationState.AWAITING_INVITES ? invited(ALICE)
				: accepted(ALICE, Set.of(S0.id()), Set.of(V0.id()));
		return negotiation(state, organizer(), alice, invited(BOB));
	}

	private static UUID user(Role role) {
		return role == Role.ORGANIZER ? ORGANIZER : ALICE;
	}

	/**
	 * A reply of the given kind that differs from what the matrix participant has
	 * recorded.
	 */
	private static Reply changingReply(Role role, ReplyAction action) {
		return switch (action) {
			case ACCEPT -> role == Role.ORGANIZER ? Reply.accept(Set.of(S1.id()), null) : Reply.accept();
			case DECLINE -> Reply.decline();
			case COUNTER -> Reply.counter(List.of(NEW_SLOT_OPTION), List.of());
		};
	}

	private static Stream<Arguments> rolesAndActions() {
		return Arrays.stream(Role.values())
			.flatMap(role -> Arrays.stream(ReplyAction.values()).map(action -> Arguments.of(role, action)));
	}

	private static Stream<Arguments> statesRolesAndActions(NegotiationState... states) {
		return Arrays.stream(states)
			.flatMap(state -> rolesAndActions()
				.map(arguments -> Arguments.of(state, arguments.get()[0], arguments.get()[1])));
	}

	static Stream<Arguments> confirmedOrCancelledRolesAndActions() {
		return statesRolesAndActions(NegotiationState.CONFIRMED, NegotiationState.CANCELLED);
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

	// =============================================================================================
	// reply: who may reply
	// =============================================================================================

	@Nested
	class NonParticipant {

		@ParameterizedTest
		@EnumSource(NegotiationState.class)
		void replyWhenCallerIsNotParticipantThrowsUserNotParticipant(NegotiationState state) {
			Negotiation negotiation = matrixNegotiation(state);

			for (Reply reply : List.of(Reply.accept(), Reply.decline(),
					Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))) {
				assertApiError(() -> reply(negotiation, STRANGER, reply), ErrorCode.USER_NOT_PARTICIPANT,
						Map.of("negotiation_id", NEGOTIATION_ID));
			}
		}

		@Test
		void replyWhenNonParticipantRepliesToOverdueNegotiationThrowsUserNotParticipantBeforeExpiry() {
			Negotiation overdue = withExpiry(open(invited(ALICE)), NOW.minusSeconds(1));

			assertApiError(() -> reply(overdue, STRANGER, Reply.accept()), ErrorCode.USER_NOT_PARTICIPANT,
					Map.of("negotiation_id", NEGOTIATION_ID));
		}

		@ParameterizedTest
		@EnumSource(NegotiationState.class)
		void cancelWhenCallerIsNotParticipantThrowsUserNotParticipant(NegotiationState state) {
			Negotiation negotiation = matrixNegotiation(state);

			assertApiError(() -> negotiation.cancel(STRANGER, NOW), ErrorCode.USER_NOT_PARTICIPANT,
					Map.of("negotiation_id", NEGOTIATION_ID));
		}

		@Test
		void cancelWhenNonParticipantCancelsOverdueNegotiationThrowsUserNotParticipant() {
			Negotiation overdue = withExpiry(open(invited(ALICE)), NOW.minusSeconds(1));

			assertApiError(() -> overdue.cancel(STRANGER, NOW), ErrorCode.USER_NOT_PARTICIPANT,
					Map.of("negotiation_id", NEGOTIATION_ID));
		}

	}

	// =============================================================================================
	// reply: state x action x role
	// =============================================================================================

	@Nested
	class StateActionRoleMatrix {

		@Test
		void replyWhenOrganizerAcceptsDraftSendsIt() {
			Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

			Applied applied = applied(draft, ORGANIZER, Reply.accept());

			assertThat(applied.outcome()).isEqualTo(Outcome.SENT);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
			assertThat(applied.next().participants()).isEqualTo(draft.participants());
			assertThat(applied.next().slots()).isEqualTo(SLOTS);
			assertThat(applied.next().venues()).isEqualTo(VENUES);
			assertThat(applied.next().revision()).isEqualTo(REVISION + 1);
			assertThat(applied.next().agentRound()).isZero();
			assertThat(applied.next().finalSlotId()).isNull();
			assertThat(applied.next().finalVenueId()).isNull();
			assertThat(applied.next().id()).isEqualTo(NEGOTIATION_ID);
			assertThat(applied.next().expiresAt()).isEqualTo(EXPIRES_AT);
			assertThat(applied.replier()).isEqualTo(organizer());
			assertThat(applied.addedSlots()).isEmpty();
			assertThat(applied.addedVenues()).isEmpty();
		}

		@Test
		void replyWhenOrganizerAcceptsDraftWithChosenSetsSendsItAndKeepsTheirSets() {
			Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

			Applied applied = applied(draft, ORGANIZER, Reply.accept(Set.of(S1.id()), Set.of(V1.id())));

			assertThat(applied.outcome()).isEqualTo(Outcome.SENT);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
			assertThat(participant(applied.next(), ORGANIZER).acceptedSlotIds()).isEqualTo(ALL_SLOTS);
			assertThat(participant(applied.next(), ORGANIZER).acceptedVenueIds()).isEqualTo(ALL_VENUES);
		}

		@Test
		void replyWhenOrganizerAcceptsDraftWithItsRecordedSetsStillSendsIt() {
			Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

			Applied applied = applied(draft, ORGANIZER, Reply.accept(ALL_SLOTS, ALL_VENUES));

			assertThat(applied.outcome()).isEqualTo(Outcome.SENT);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		}

		@ParameterizedTest(name = "{0} {1}")
		@MethodSource("com.amiqo.kairos.negotiation.NegotiationTest#draftRepliesOtherThanOrganizerAccept")
		void replyWhenDraftGetsAnythingButOrganizerAcceptThrowsInvalidStateTransition(Role role, ReplyAction action) {
			Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

			assertInvalidTransition(() -> reply(draft, user(role), changingReply(role, action)),
					NegotiationState.AWAITING_INVITES, action.value());
		}

		@Test
		void replyWhenOrganizerDeclinesAwaitingRepliesThrowsInvalidStateTransition() {
			Negotiation negotiation = matrixNegotiation(NegotiationState.AWAITING_REPLIES);

			assertInvalidTransition(() -> reply(negotiation, ORGANIZER, Reply.decline()),
					NegotiationState.AWAITING_REPLIES, "decline");
		}

		@Test
		void replyWhenOrganizerAcceptsAwaitingRepliesSetsTheirSetsAndStaysOrganizer() {
			Negotiation negotiation = matrixNegotiation(NegotiationState.AWAITING_REPLIES);

			Applied applied = applied(negotiation, ORGANIZER, Reply.accept(Set.of(S1.id()), Set.of(V1.id())));

			Participant organizer = participant(applied.next(), ORGANIZER);
			assertThat(organizer.status()).isEqualTo(ParticipantStatus.ORGANIZER);
			assertThat(organizer.acceptedSlotIds()).containsExactly(S1.id());
			assertThat(organizer.acceptedVenueIds()).containsExactly(V1.id());
			assertThat(organizer.respondedAt()).isEqualTo(NOW);
			assertThat(applied.replier()).isEqualTo(organizer);
			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
			assertThat(applied.next().revision()).isEqualTo(REVISION + 1);
			assertThat(participant(applied.next(), ALICE)).isEqualTo(participant(negotiation, ALICE));
			assertThat(participant(applied.next(), BOB)).isEqualTo(participant(negotiation, BOB));
		}

		@Test
		void replyWhenOrganizerCountersAwaitingRepliesAddsOptionsAndStaysOrganizer() {
			Negotiation negotiation = matrixNegotiation(NegotiationState.AWAITING_REPLIES);

			Applied applied = applied(negotiation, ORGANIZER, Reply.counter(List.of(NEW_SLOT_OPTION), List.of()));

			Participant organizer = participant(applied.next(), ORGANIZER);
			assertThat(organizer.status()).isEqualTo(ParticipantStatus.ORGANIZER);
			assertThat(organizer.acceptedSlotIds()).containsExactly(NEW_1);
			assertThat(organizer.acceptedVenueIds()).isEqualTo(ALL_VENUES);
			assertThat(applied.addedSlots()).containsExactly(
					new ProposedSlot(NEW_1, 2, NEW_SLOT_OPTION.startsAt(), 45, "Europe/Paris", ORGANIZER, NOW));
			assertThat(applied.next().agentRound()).isEqualTo(1);
			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		}

		@Test
		void replyWhenInviteeAcceptsAwaitingRepliesRecordsAccepted() {
			Negotiation negotiation = matrixNegotiation(NegotiationState.AWAITING_REPLIES);

			Applied applied = applied(negotiation, BOB, Reply.accept());

			Participant bob = participant(applied.next(), BOB);
			assertThat(bob).isEqualTo(new Participant(BOB, ParticipantStatus.ACCEPTED, ALL_SLOTS, ALL_VENUES, NOW));
			assertThat(applied.replier()).isEqualTo(bob);
			// Alice (S0, V0), Bob (all) and the organizer (all) share S0 and V0
			assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.CONFIRMED);
		}

		@Test
		void replyWhenInviteeDeclinesAwaitingRepliesRecordsDeclinedWithEmptySets() {
			Negotiation negotiation = open(accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB));

			Applied applied = applied(negotiation, ALICE, Reply.decline());

			assertThat(participant(applied.next(), ALICE))
				.isEqualTo(new Participant(ALICE, ParticipantStatus.DECLINED, Set.of(), Set.of(), NOW));
			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		}

		@Test
		void replyWhenInviteeCountersAwaitingRepliesRecordsCountered() {
			Negotiation negotiation = matrixNegotiation(NegotiationState.AWAITING_REPLIES);

			Applied applied = applied(negotiation, BOB, Reply.counter(List.of(NEW_SLOT_OPTION), List.of()));

			Participant bob = participant(applied.next(), BOB);
			assertThat(bob.status()).isEqualTo(ParticipantStatus.COUNTERED);
			assertThat(bob.acceptedSlotIds()).containsExactly(NEW_1);
			assertThat(bob.acceptedVenueIds()).isEqualTo(ALL_VENUES);
			assertThat(bob.respondedAt()).isEqualTo(NOW);
			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		}

		@ParameterizedTest(name = "{0} {1} {2}")
		@MethodSource("com.amiqo.kairos.negotiation.NegotiationTest#confirmedOrCancelledRolesAndActions")
		void replyWhenConfirmedOrCancelledThrowsInvalidStateTransition(NegotiationState state, Role role,
				ReplyAction action) {
			Negotiation negotiation = matrixNegotiation(state);

			assertInvalidTransition(() -> reply(negotiation, user(role), changingReply(role, action)), state,
					action.value());
		}

		@ParameterizedTest(name = "{0} {1}")
		@MethodSource("com.amiqo.kairos.negotiation.NegotiationTest#expiredRolesAndActions")
		void replyWhenMarkedExpiredReturnsExpiredWithTheSameNegotiation(Role role, ReplyAction action) {
			Negotiation expired = matrixNegotiation(NegotiationState.EXPIRED);

			Negotiation.ReplyDecision decision = reply(expired, user(role), changingReply(role, action));

			assertThat(decision).isEqualTo(new Expired(expired));
			assertThat(((Expired) decision).expired().revision()).isEqualTo(REVISION);
		}

		@ParameterizedTest(name = "{0} {1} {2}")
		@MethodSource("com.amiqo.kairos.negotiation.NegotiationTest#openStatesRolesAndActions")
		void replyWhenOpenNegotiationIsOverdueReturnsExpiredMarkedExpired(NegotiationState state, Role role,
				ReplyAction action) {
			Negotiation overdue = withExpiry(matrixNegotiation(state), NOW.minus(Duration.ofMinutes(1)));

			Negotiation.ReplyDecision decision = reply(overdue, user(role), changingReply(role, action));

			assertThat(decision).isInstanceOf(Expired.class);
			Negotiation expired = ((Expired) decision).expired();
			assertThat(expired.state()).isEqualTo(NegotiationState.EXPIRED);
			assertThat(expired.revision()).isEqualTo(REVISION + 1);
			assertThat(expired.participants()).isEqualTo(overdue.participants());
			assertThat(expired.slots()).isEqualTo(overdue.slots());
			assertThat(expired.venues()).isEqualTo(overdue.venues());
			assertThat(expired.agentRound()).isEqualTo(overdue.agentRound());
			assertThat(expired.expiresAt()).isEqualTo(overdue.expiresAt());
			assertThat(expired.finalSlotId()).isNull();
			assertThat(expired.finalVenueId()).isNull();
		}

	}

	// =============================================================================================
	// expiry
	// =============================================================================================

	@Nested
	class Expiry {

		@Test
		void replyWhenExpiresAtIsExactlyNowReturnsExpired() {
			Negotiation negotiation = withExpiry(open(invited(ALICE)), NOW);

			assertThat(reply(negotiation, ALICE, Reply.accept())).isInstanceOf(Expired.class);
		}

		@Test
		void replyWhenExpiresAtIsOneSecondAheadIsApplied() {
			Negotiation negotiation = withExpiry(open(invited(ALICE), invited(BOB)), NOW.plusSeconds(1));

			Applied applied = applied(negotiation, ALICE, Reply.accept());

			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(applied.next().expiresAt()).isEqualTo(NOW.plusSeconds(1));
		}

		@Test
		void replyWhenInvalidReplyToOverdueNegotiationReturnsExpiredBeforeValidation() {
			Negotiation overdue = withExpiry(open(invited(ALICE)), NOW.minusSeconds(1));

			assertThat(reply(overdue, ALICE, Reply.accept(Set.of(UNKNOWN_ID), null))).isInstanceOf(Expired.class);
			assertThat(reply(overdue, ALICE, counter(List.of(NEW_SLOT_OPTION), List.of(), Set.of(UNKNOWN_ID), null)))
				.isInstanceOf(Expired.class);
			assertThat(reply(overdue, ORGANIZER, Reply.decline())).isInstanceOf(Expired.class);
		}

		@Test
		void replyWhenEmptyCounterToOverdueNegotiationThrowsMissingCounterFieldsFirst() {
			Negotiation overdue = withExpiry(open(invited(ALICE)), NOW.minusSeconds(1));

			assertApiError(() -> reply(overdue, ALICE, Reply.counter(List.of(), List.of())),
					ErrorCode.MISSING_COUNTER_FIELDS, Map.of("fields", List.of("counter_slots", "counter_venues")));
		}

		@Test
		void replyWhenConfirmedNegotiationIsPastExpiresAtThrowsInvalidStateTransitionNotExpired() {
			Negotiation confirmed = withExpiry(matrixNegotiation(NegotiationState.CONFIRMED), NOW.minusSeconds(1));

			assertInvalidTransition(() -> reply(confirmed, BOB, Reply.accept()), NegotiationState.CONFIRMED, "accept");
		}

		@Test
		void replyWhenCancelledNegotiationIsPastExpiresAtThrowsInvalidStateTransitionNotExpired() {
			Negotiation cancelled = withExpiry(matrixNegotiation(NegotiationState.CANCELLED), NOW.minusSeconds(1));

			assertInvalidTransition(() -> reply(cancelled, BOB, Reply.decline()), NegotiationState.CANCELLED,
					"decline");
		}

		@Test
		void replyWhenOverdueButRepeatingRecordedAnswerReturnsNoChange() {
			Negotiation overdue = withExpiry(open(accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB)),
					NOW.minusSeconds(1));

			assertThat(reply(overdue, ALICE, Reply.accept())).isEqualTo(new NoChange());
		}

		@Test
		void replyWhenMarkedExpiredButRepeatingDeclineReturnsNoChange() {
			Negotiation expired = negotiation(NegotiationState.EXPIRED, organizer(), declined(ALICE), invited(BOB));

			assertThat(reply(expired, ALICE, Reply.decline())).isEqualTo(new NoChange());
		}

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = { "AWAITING_INVITES", "AWAITING_REPLIES" })
		void isOverdueWhenOpenAndPastExpiresAtReturnsTrue(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), invited(ALICE));

			assertThat(negotiation.isOverdue(EXPIRES_AT.plusSeconds(1))).isTrue();
			assertThat(negotiation.isOverdue(EXPIRES_AT)).isTrue();
			assertThat(negotiation.isOverdue(EXPIRES_AT.minusSeconds(1))).isFalse();
		}

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = { "CONFIRMED", "CANCELLED", "EXPIRED" })
		void isOverdueWhenClosedReturnsFalseEvenPastExpiresAt(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, ALL_SLOTS, ALL_VENUES));

			assertThat(negotiation.isOverdue(EXPIRES_AT.plus(Duration.ofDays(1)))).isFalse();
		}

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = { "AWAITING_INVITES", "AWAITING_REPLIES" })
		void effectiveStateWhenOpenAndOverdueReturnsExpired(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), invited(ALICE));

			assertThat(negotiation.effectiveState(EXPIRES_AT)).isEqualTo(NegotiationState.EXPIRED);
			assertThat(negotiation.effectiveState(EXPIRES_AT.minusSeconds(1))).isEqualTo(state);
		}

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = { "CONFIRMED", "CANCELLED", "EXPIRED" })
		void effectiveStateWhenClosedReturnsTheRecordedState(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, ALL_SLOTS, ALL_VENUES));

			assertThat(negotiation.effectiveState(EXPIRES_AT.plus(Duration.ofDays(1)))).isEqualTo(state);
		}

		@Test
		void expireWhenCalledMarksExpiredAndBumpsRevisionKeepingEverythingElse() {
			Negotiation negotiation = withRound(open(countered(ALICE, Set.of(S0.id()), ALL_VENUES)), 3);

			Negotiation expired = negotiation.expire();

			assertThat(expired).isEqualTo(new Negotiation(NEGOTIATION_ID, ORGANIZER, NegotiationState.EXPIRED,
					negotiation.participants(), SLOTS, VENUES, EXPIRES_AT, 3, REVISION + 1, null, null));
		}

	}

	// =============================================================================================
	// no-op retries
	// =============================================================================================

	@Nested
	class NoOpRetries {

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = "AWAITING_INVITES", mode = EnumSource.Mode.EXCLUDE)
		void replyWhenInviteeRepeatsAcceptOfAllOptionsReturnsNoChange(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, ALL_SLOTS, ALL_VENUES),
					invited(BOB));

			assertThat(reply(negotiation, ALICE, Reply.accept())).isEqualTo(new NoChange());
		}

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = "AWAITING_INVITES", mode = EnumSource.Mode.EXCLUDE)
		void replyWhenInviteeRepeatsAcceptWithSameExplicitSetsReturnsNoChange(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, Set.of(S1.id()), Set.of(V0.id())),
					invited(BOB));

			assertThat(reply(negotiation, ALICE, Reply.accept(Set.of(S1.id()), Set.of(V0.id()))))
				.isEqualTo(new NoChange());
		}

		@ParameterizedTest
		@EnumSource(NegotiationState.class)
		void replyWhenInviteeRepeatsDeclineReturnsNoChange(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), declined(ALICE), invited(BOB));

			assertThat(reply(negotiation, ALICE, Reply.decline())).isEqualTo(new NoChange());
		}

		@ParameterizedTest
		@EnumSource(NegotiationState.class)
		void replyWhenInviteeRepeatsCounterOfExistingOptionReturnsNoChange(NegotiationState state) {
			// Alice countered S1 earlier (it exists now) and kept every venue.
			Negotiation negotiation = negotiation(state, organizer(), countered(ALICE, Set.of(S1.id()), ALL_VENUES),
					invited(BOB));

			assertThat(reply(negotiation, ALICE, Reply.counter(List.of(S1_OPTION), List.of())))
				.isEqualTo(new NoChange());
		}

		@ParameterizedTest
		@EnumSource(NegotiationState.class)
		void replyWhenInviteeRepeatsCounterWithSameIdsReturnsNoChange(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(),
					countered(ALICE, Set.of(S0.id(), S1.id()), Set.of(V1.id())), invited(BOB));

			Reply repeat = counter(List.of(S1_OPTION), List.of(V1_OPTION), Set.of(S0.id()), null);

			assertThat(reply(negotiation, ALICE, repeat)).isEqualTo(new NoChange());
		}

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = "AWAITING_INVITES", mode = EnumSource.Mode.EXCLUDE)
		void replyWhenOrganizerRepeatsAcceptReturnsNoChange(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, ALL_SLOTS, ALL_VENUES),
					invited(BOB));

			assertThat(reply(negotiation, ORGANIZER, Reply.accept())).isEqualTo(new NoChange());
			assertThat(reply(negotiation, ORGANIZER, Reply.accept(ALL_SLOTS, ALL_VENUES))).isEqualTo(new NoChange());
		}

		@ParameterizedTest
		@EnumSource(NegotiationState.class)
		void replyWhenOrganizerRepeatsCounterOfExistingOptionsReturnsNoChange(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, ALL_SLOTS, ALL_VENUES),
					invited(BOB));

			Reply repeat = Reply.counter(List.of(S0_OPTION, S1_OPTION), List.of(V0_OPTION, V1_OPTION));

			assertThat(reply(negotiation, ORGANIZER, repeat)).isEqualTo(new NoChange());
		}

		@Test
		void replyWhenInviteeAcceptsDifferentSetsIsApplied() {
			Negotiation negotiation = open(accepted(ALICE, Set.of(S0.id()), ALL_VENUES), invited(BOB));

			Applied applied = applied(negotiation, ALICE, Reply.accept(Set.of(S1.id()), null));

			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(S1.id());
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).isEqualTo(ALL_VENUES);
			assertThat(applied.next().revision()).isEqualTo(REVISION + 1);
		}

		@Test
		void replyWhenAcceptAfterNewOptionsWereAddedIsAppliedWithEveryCurrentOption() {
			ProposedSlot bobsSlot = new ProposedSlot(NEW_3, 2, NOW.plus(Duration.ofDays(4)), 60, "UTC", BOB);
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES, List.of(organizer(),
					accepted(ALICE, ALL_SLOTS, ALL_VENUES), countered(BOB, Set.of(NEW_3), ALL_VENUES)),
					List.of(S0, S1, bobsSlot), VENUES, EXPIRES_AT);

			Applied applied = applied(negotiation, ALICE, Reply.accept());

			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactlyInAnyOrder(S0.id(), S1.id(),
					NEW_3);
		}

		@Test
		void replyWhenCounteredInviteeAcceptsTheSameSetsIsAppliedAsAccepted() {
			Negotiation negotiation = open(countered(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB));

			Applied applied = applied(negotiation, ALICE, Reply.accept());

			assertThat(participant(applied.next(), ALICE).status()).isEqualTo(ParticipantStatus.ACCEPTED);
			assertThat(applied.next().revision()).isEqualTo(REVISION + 1);
		}

		@Test
		void replyWhenAcceptedInviteeCountersExistingOptionsIsAppliedAsCountered() {
			Negotiation negotiation = open(accepted(ALICE, Set.of(S1.id()), ALL_VENUES), invited(BOB));

			Applied applied = applied(negotiation, ALICE, Reply.counter(List.of(S1_OPTION), List.of()));

			assertThat(participant(applied.next(), ALICE))
				.isEqualTo(new Participant(ALICE, ParticipantStatus.COUNTERED, Set.of(S1.id()), ALL_VENUES, NOW));
			assertThat(applied.addedSlots()).isEmpty();
			assertThat(applied.next().slots()).isEqualTo(SLOTS);
			assertThat(applied.next().agentRound()).isEqualTo(1);
		}

		@Test
		void replyWhenCounteredInviteeCountersANewOptionIsApplied() {
			Negotiation negotiation = open(countered(ALICE, Set.of(S1.id()), ALL_VENUES), invited(BOB));

			Applied applied = applied(negotiation, ALICE,
					Reply.counter(List.of(S1_OPTION, NEW_SLOT_OPTION), List.of()));

			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactlyInAnyOrder(S1.id(), NEW_1);
			assertThat(applied.addedSlots()).extracting(ProposedSlot::id).containsExactly(NEW_1);
		}

		@Test
		void replyWhenDeclinedInviteeAcceptsIsAppliedAndRejoins() {
			Negotiation negotiation = open(declined(ALICE), invited(BOB));

			Applied applied = applied(negotiation, ALICE, Reply.accept());

			assertThat(participant(applied.next(), ALICE))
				.isEqualTo(new Participant(ALICE, ParticipantStatus.ACCEPTED, ALL_SLOTS, ALL_VENUES, NOW));
			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
		}

		@Test
		void replyWhenOrganizerAcceptsDifferentSetsInConfirmedThrowsInvalidStateTransition() {
			Negotiation confirmed = negotiation(NegotiationState.CONFIRMED, organizer(),
					accepted(ALICE, ALL_SLOTS, ALL_VENUES));

			assertInvalidTransition(() -> reply(confirmed, ORGANIZER, Reply.accept(Set.of(S0.id()), null)),
					NegotiationState.CONFIRMED, "accept");
		}

		@Test
		void replyWhenInviteeHasNeverAnsweredIsNotTreatedAsRepeat() {
			// An invited participant with no recorded answer: even an "empty" answer is a
			// change.
			Negotiation negotiation = open(invited(ALICE), invited(BOB));

			Applied applied = applied(negotiation, ALICE, Reply.decline());

			assertThat(participant(applied.next(), ALICE).status()).isEqualTo(ParticipantStatus.DECLINED);
		}

	}

	// =============================================================================================
	// accept
	// =============================================================================================

	@Nested
	class Accept {

		@Test
		void replyWhenInviteeAcceptsWithoutIdsTakesEveryCurrentOption() {
			Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE, Reply.accept());

			assertThat(participant(applied.next(), ALICE))
				.isEqualTo(new Participant(ALICE, ParticipantStatus.ACCEPTED, ALL_SLOTS, ALL_VENUES, NOW));
			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
			assertThat(applied.next().finalSlotId()).isNull();
			assertThat(applied.next().finalVenueId()).isNull();
		}

		@Test
		void replyWhenInviteeAcceptsChosenIdsRecordsExactlyThem() {
			Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE,
					Reply.accept(Set.of(S1.id()), Set.of(V1.id())));

			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(S1.id());
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(V1.id());
		}

		@Test
		void replyWhenInviteeAcceptsOnlySlotIdsTakesEveryVenue() {
			Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE, Reply.accept(Set.of(S0.id()), null));

			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(S0.id());
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).isEqualTo(ALL_VENUES);
		}

		@Test
		void replyWhenInviteeAcceptsOnlyVenueIdsTakesEverySlot() {
			Reply reply = new Reply(ReplyAction.ACCEPT, null, Set.of(V1.id()), List.of(), List.of());

			Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE, reply);

			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).isEqualTo(ALL_SLOTS);
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(V1.id());
		}

		@Test
		void replyWhenAcceptNamesEmptySlotIdsThrowsValidationErrorOnSlotIds() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(), null)), ErrorCode.VALIDATION_ERROR,
					Map.of("field", "slot_ids", "fields", Map.of("slot_ids", "must name at least one option")));
		}

		@Test
		void replyWhenAcceptNamesEmptyVenueIdsThrowsValidationErrorOnVenueIds() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(S0.id()), Set.of())),
					ErrorCode.VALIDATION_ERROR,
					Map.of("field", "venue_ids", "fields", Map.of("venue_ids", "must name at least one option")));
		}

		@Test
		void replyWhenOrganizerAcceptNamesEmptySlotIdsThrowsValidationError() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(() -> reply(negotiation, ORGANIZER, Reply.accept(Set.of(), null)),
					ErrorCode.VALIDATION_ERROR,
					Map.of("field", "slot_ids", "fields", Map.of("slot_ids", "must name at least one option")));
		}

		@Test
		void replyWhenAcceptNamesEmptyVenueIdsAndNoVenueExistsConfirmsWithoutVenue() {
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(ALL_SLOTS, Set.of()), invited(ALICE)), SLOTS, List.of(), EXPIRES_AT);

			Applied applied = applied(negotiation, ALICE, Reply.accept(Set.of(S1.id()), Set.of()));

			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).isEmpty();
			assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(applied.next().finalSlotId()).isEqualTo(S1.id());
			assertThat(applied.next().finalVenueId()).isNull();
		}

		@Test
		void replyWhenAcceptNamesUnknownSlotThrowsUnknownOption() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(S0.id(), UNKNOWN_ID), null)),
					ErrorCode.UNKNOWN_OPTION,
					Map.of("unknown_slot_ids", List.of(UNKNOWN_ID), "unknown_venue_ids", List.of()));
		}

		@Test
		void replyWhenAcceptNamesUnknownVenueThrowsUnknownOption() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(S0.id()), Set.of(V0.id(), UNKNOWN_ID))),
					ErrorCode.UNKNOWN_OPTION,
					Map.of("unknown_slot_ids", List.of(), "unknown_venue_ids", List.of(UNKNOWN_ID)));
		}

		@Test
		void replyWhenAcceptNamesVenueIdAsSlotIdThrowsUnknownOption() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(V0.id()), Set.of(S0.id()))),
					ErrorCode.UNKNOWN_OPTION,
					Map.of("unknown_slot_ids", List.of(V0.id()), "unknown_venue_ids", List.of(S0.id())));
		}

		@Test
		void replyWhenOrganizerAcceptNamesUnknownSlotThrowsUnknownOption() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(() -> reply(negotiation, ORGANIZER, Reply.accept(Set.of(UNKNOWN_ID), null)),
					ErrorCode.UNKNOWN_OPTION,
					Map.of("unknown_slot_ids", List.of(UNKNOWN_ID), "unknown_venue_ids", List.of()));
		}

		@Test
		void replyWhenAcceptChoosesOnlyStartedSlotsThrowsSlotInPast() {
			ProposedSlot started = new ProposedSlot(new UUID(0x5107, 2), 2, NOW.minus(Duration.ofMinutes(5)), 60, "UTC",
					ORGANIZER);
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(), invited(ALICE)), List.of(S0, S1, started), VENUES, EXPIRES_AT);

			assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(started.id()), null)),
					ErrorCode.SLOT_IN_PAST, Map.of("field", "slot_ids", "slot_ids", List.of(started.id())));
		}

		@Test
		void replyWhenAcceptChoosesSlotStartingExactlyNowThrowsSlotInPast() {
			ProposedSlot startingNow = new ProposedSlot(new UUID(0x5107, 2), 2, NOW, 60, "UTC", ORGANIZER);
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(), invited(ALICE)), List.of(S0, S1, startingNow), VENUES, EXPIRES_AT);

			assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(startingNow.id()), null)),
					ErrorCode.SLOT_IN_PAST, Map.of("field", "slot_ids", "slot_ids", List.of(startingNow.id())));
		}

		@Test
		void replyWhenAcceptWithoutIdsAndEverySlotStartedThrowsSlotInPastNamingAll() {
			ProposedSlot a = new ProposedSlot(new UUID(0x5107, 0), 0, NOW.minus(Duration.ofHours(2)), 60, "UTC",
					ORGANIZER);
			ProposedSlot b = new ProposedSlot(new UUID(0x5107, 1), 1, NOW.minus(Duration.ofHours(1)), 60, "UTC",
					ORGANIZER);
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(Set.of(a.id(), b.id()), ALL_VENUES), invited(ALICE)), List.of(a, b), VENUES,
					EXPIRES_AT);

			assertThatThrownBy(() -> reply(negotiation, ALICE, Reply.accept()))
				.isInstanceOfSatisfying(ApiException.class, error -> {
					assertThat(error.code()).isEqualTo(ErrorCode.SLOT_IN_PAST);
					assertThat(error.details()).containsEntry("field", "slot_ids");
					assertThat(error.details().get("slot_ids")).asInstanceOf(InstanceOfAssertFactories.LIST)
						.containsExactlyInAnyOrder(a.id(), b.id());
				});
		}

		@Test
		void replyWhenAcceptMixesStartedAndFutureSlotsRecordsBoth() {
			ProposedSlot started = new ProposedSlot(new UUID(0x5107, 2), 2, NOW.minus(Duration.ofMinutes(5)), 60, "UTC",
					ORGANIZER);
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(), invited(ALICE), invited(BOB)), List.of(S0, S1, started), VENUES, EXPIRES_AT);

			Applied applied = applied(negotiation, ALICE, Reply.accept(Set.of(started.id(), S1.id()), null));

			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactlyInAnyOrder(started.id(),
					S1.id());
		}

		@Test
		void replyWhenOrganizerAcceptsInvalidChoiceInDraftStillSendsWithoutValidating() {
			Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

			Applied applied = applied(draft, ORGANIZER, Reply.accept(Set.of(UNKNOWN_ID), null));

			assertThat(applied.outcome()).isEqualTo(Outcome.SENT);
			assertThat(participant(applied.next(), ORGANIZER)).isEqualTo(organizer());
		}

		@Test
		void replyWhenLastInviteeAcceptsSharedOptionConfirms() {
			Negotiation negotiation = open(accepted(ALICE, Set.of(S1.id()), Set.of(V1.id())), invited(BOB));

			Applied applied = applied(negotiation, BOB, Reply.accept());

			assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.CONFIRMED);
			assertThat(applied.next().finalSlotId()).isEqualTo(S1.id());
			assertThat(applied.next().finalVenueId()).isEqualTo(V1.id());
			assertThat(applied.next().revision()).isEqualTo(REVISION + 1);
		}

		@Test
		void replyWhenLastInviteeAcceptsDisjointSlotStaysPending() {
			Negotiation negotiation = open(accepted(ALICE, Set.of(S1.id()), ALL_VENUES), invited(BOB));

			Applied applied = applied(negotiation, BOB, Reply.accept(Set.of(S0.id()), null));

			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
			assertThat(applied.next().finalSlotId()).isNull();
		}

		@Test
		void replyWhenLastInviteeAcceptsDisjointVenueStaysPending() {
			Negotiation negotiation = open(accepted(ALICE, ALL_SLOTS, Set.of(V0.id())), invited(BOB));

			Applied applied = applied(negotiation, BOB, Reply.accept(ALL_SLOTS, Set.of(V1.id())));

			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		}

		@Test
		void replyWhenOnlySharedSlotHasStartedStaysPending() {
			ProposedSlot started = new ProposedSlot(new UUID(0x5107, 2), 2, NOW.minus(Duration.ofMinutes(5)), 60, "UTC",
					ORGANIZER);
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(Set.of(S0.id(), S1.id(), started.id()), ALL_VENUES),
							accepted(ALICE, Set.of(started.id(), S0.id()), ALL_VENUES), invited(BOB)),
					List.of(S0, S1, started), VENUES, EXPIRES_AT);

			Applied applied = applied(negotiation, BOB, Reply.accept(Set.of(started.id(), S1.id()), null));

			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
			assertThat(applied.next().finalSlotId()).isNull();
		}

		@Test
		void replyWhenSharedSlotsTieOnStartConfirmsOnLowestIndex() {
			Instant start = NOW.plus(Duration.ofDays(3));
			ProposedSlot index2 = new ProposedSlot(new UUID(0x5107, 2), 2, start, 60, "UTC", ORGANIZER);
			ProposedSlot index3 = new ProposedSlot(new UUID(0x5107, 3), 3, start, 30, "UTC", ALICE);
			Set<UUID> tied = Set.of(index2.id(), index3.id());
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(tied, ALL_VENUES), invited(ALICE)), List.of(S0, S1, index3, index2), VENUES,
					EXPIRES_AT);

			Applied applied = applied(negotiation, ALICE, Reply.accept(tied, null));

			assertThat(applied.next().finalSlotId()).isEqualTo(index2.id());
			assertThat(applied.next().finalVenueId()).isEqualTo(V0.id());
		}

		@Test
		void replyWhenEarlierSlotHasHigherIndexConfirmsOnTheEarliest() {
			ProposedSlot earliest = new ProposedSlot(new UUID(0x5107, 2), 2, NOW.plus(Duration.ofHours(3)), 60, "UTC",
					ALICE);
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(Set.of(S0.id(), S1.id(), earliest.id()), ALL_VENUES), invited(ALICE)),
					List.of(S0, S1, earliest), VENUES, EXPIRES_AT);

			Applied applied = applied(negotiation, ALICE, Reply.accept());

			assertThat(applied.next().finalSlotId()).isEqualTo(earliest.id());
		}

		@Test
		void replyWhenNoVenueWasProposedConfirmsWithNullVenue() {
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(ALL_SLOTS, Set.of()), invited(ALICE)), SLOTS, List.of(), EXPIRES_AT);

			Applied applied = applied(negotiation, ALICE, Reply.accept());

			assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(applied.next().finalSlotId()).isEqualTo(S0.id());
			assertThat(applied.next().finalVenueId()).isNull();
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).isEmpty();
		}

		@Test
		void replyWhenOrganizerAcceptsTheOnlySharedOptionsConfirms() {
			Negotiation narrowed = negotiation(NegotiationState.AWAITING_REPLIES,
					organizer(Set.of(S0.id()), ALL_VENUES), countered(ALICE, Set.of(S1.id()), Set.of(V1.id())));

			Applied applied = applied(narrowed, ORGANIZER, Reply.accept(Set.of(S1.id()), Set.of(V1.id())));

			assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(applied.next().finalSlotId()).isEqualTo(S1.id());
			assertThat(applied.next().finalVenueId()).isEqualTo(V1.id());
		}

	}

	// =============================================================================================
	// decline, alone and in groups
	// =============================================================================================

	@Nested
	class Decline {

		@Test
		void replyWhenOnlyInviteeDeclinesReturnsEveryoneDeclined() {
			Applied applied = applied(open(invited(ALICE)), ALICE, Reply.decline());

			assertThat(applied.outcome()).isEqualTo(Outcome.EVERYONE_DECLINED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.CANCELLED);
			assertThat(applied.next().finalSlotId()).isNull();
			assertThat(applied.next().finalVenueId()).isNull();
			assertThat(applied.next().revision()).isEqualTo(REVISION + 1);
			assertThat(participant(applied.next(), ALICE).status()).isEqualTo(ParticipantStatus.DECLINED);
		}

		@Test
		void replyWhenInviteeDeclinesLastReturnsEveryoneDeclined() {
			Negotiation negotiation = open(invited(ALICE), invited(BOB), invited(CAROL));

			Negotiation afterAlice = applied(negotiation, ALICE, Reply.decline()).next();
			Negotiation afterBob = applied(afterAlice, BOB, Reply.decline()).next();
			Applied last = applied(afterBob, CAROL, Reply.decline());

			assertThat(afterAlice.state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
			assertThat(afterBob.state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
			assertThat(last.outcome()).isEqualTo(Outcome.EVERYONE_DECLINED);
			assertThat(last.next().state()).isEqualTo(NegotiationState.CANCELLED);
			assertThat(last.next().revision()).isEqualTo(REVISION + 3);
			assertThat(last.next().participants()).extracting(Participant::status)
				.containsExactly(ParticipantStatus.ORGANIZER, ParticipantStatus.DECLINED, ParticipantStatus.DECLINED,
						ParticipantStatus.DECLINED);
		}

		@Test
		void replyWhenAcceptedInviteeLaterDeclinesLastReturnsEveryoneDeclined() {
			// the organizer only wants S1 now, so Bob's S0 is shared with nobody
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					organizer(Set.of(S1.id()), ALL_VENUES), declined(ALICE),
					accepted(BOB, Set.of(S0.id()), Set.of(V1.id())), invited(CAROL));
			Negotiation afterCarol = applied(negotiation, CAROL, Reply.decline()).next();
			assertThat(afterCarol.state()).isEqualTo(NegotiationState.AWAITING_REPLIES);

			Applied applied = applied(afterCarol, BOB, Reply.decline());

			assertThat(applied.outcome()).isEqualTo(Outcome.EVERYONE_DECLINED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.CANCELLED);
			assertThat(participant(applied.next(), BOB).acceptedSlotIds()).isEmpty();
			assertThat(participant(applied.next(), BOB).acceptedVenueIds()).isEmpty();
		}

		@Test
		void replyWhenSomeDeclineAndTheRestAcceptConfirmsAmongTheRemaining() {
			Negotiation negotiation = open(invited(ALICE), invited(BOB), invited(CAROL));

			Applied aliceDeclines = applied(negotiation, ALICE, Reply.decline());
			Applied bobAccepts = applied(aliceDeclines.next(), BOB, Reply.accept(Set.of(S1.id()), Set.of(V1.id())));
			Applied carolAccepts = applied(bobAccepts.next(), CAROL, Reply.accept());

			assertThat(aliceDeclines.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(bobAccepts.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(carolAccepts.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(carolAccepts.next().state()).isEqualTo(NegotiationState.CONFIRMED);
			assertThat(carolAccepts.next().finalSlotId()).isEqualTo(S1.id());
			assertThat(carolAccepts.next().finalVenueId()).isEqualTo(V1.id());
			assertThat(carolAccepts.next().revision()).isEqualTo(REVISION + 3);
			assertThat(carolAccepts.next().acceptedCount()).isEqualTo(2);
		}

		@Test
		void replyWhenLastUndecidedInviteeDeclinesAndOthersShareAnOptionConfirms() {
			Negotiation negotiation = open(accepted(ALICE, Set.of(S1.id()), ALL_VENUES),
					accepted(BOB, ALL_SLOTS, Set.of(V1.id())), invited(CAROL));

			Applied applied = applied(negotiation, CAROL, Reply.decline());

			assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.CONFIRMED);
			assertThat(applied.next().finalSlotId()).isEqualTo(S1.id());
			assertThat(applied.next().finalVenueId()).isEqualTo(V1.id());
			assertThat(participant(applied.next(), CAROL).status()).isEqualTo(ParticipantStatus.DECLINED);
		}

		@Test
		void replyWhenDeclineRemovesTheOnlyBlockerConfirmsOnTheNowSharedSlot() {
			// Carol accepted a slot nobody else wants; once she declines, Alice and Bob
			// share S0.
			Negotiation negotiation = open(accepted(ALICE, Set.of(S0.id()), ALL_VENUES),
					accepted(BOB, Set.of(S0.id()), ALL_VENUES), accepted(CAROL, Set.of(S1.id()), ALL_VENUES));

			Applied applied = applied(negotiation, CAROL, Reply.decline());

			assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(applied.next().finalSlotId()).isEqualTo(S0.id());
			assertThat(applied.next().finalVenueId()).isEqualTo(V0.id());
		}

		@Test
		void replyWhenInviteeDeclinesWhileOthersPendingStaysAwaitingReplies() {
			Applied applied = applied(open(invited(ALICE), accepted(BOB, ALL_SLOTS, ALL_VENUES), invited(CAROL)), ALICE,
					Reply.decline());

			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
			assertThat(participant(applied.next(), BOB)).isEqualTo(accepted(BOB, ALL_SLOTS, ALL_VENUES));
			assertThat(participant(applied.next(), CAROL)).isEqualTo(invited(CAROL));
		}

	}

	// =============================================================================================
	// counter
	// =============================================================================================

	@Nested
	class Counter {

		@Test
		void replyWhenCounterHasNoOptionsThrowsMissingCounterFields() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(() -> reply(negotiation, ALICE, Reply.counter(List.of(), List.of())),
					ErrorCode.MISSING_COUNTER_FIELDS, Map.of("fields", List.of("counter_slots", "counter_venues")));
		}

		@Test
		void replyWhenCounterHasOnlyIdsThrowsMissingCounterFields() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(
					() -> reply(negotiation, ALICE, counter(List.of(), List.of(), Set.of(S0.id()), Set.of(V0.id()))),
					ErrorCode.MISSING_COUNTER_FIELDS, Map.of("fields", List.of("counter_slots", "counter_venues")));
		}

		@ParameterizedTest
		@EnumSource(NegotiationState.class)
		void replyWhenEmptyCounterFromOrganizerOrCounteredInviteeThrowsMissingCounterFieldsInAnyState(
				NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), countered(ALICE, ALL_SLOTS, ALL_VENUES));

			assertApiError(() -> reply(negotiation, ORGANIZER, Reply.counter(List.of(), List.of())),
					ErrorCode.MISSING_COUNTER_FIELDS, Map.of("fields", List.of("counter_slots", "counter_venues")));
			assertApiError(() -> reply(negotiation, ALICE, counter(List.of(), List.of(), ALL_SLOTS, null)),
					ErrorCode.MISSING_COUNTER_FIELDS, Map.of("fields", List.of("counter_slots", "counter_venues")));
		}

		@Test
		void replyWhenDeclinedInviteeCountersOnlyATimeAcceptsEveryCurrentVenue() {
			Negotiation negotiation = open(declined(ALICE), invited(BOB));

			Applied applied = applied(negotiation, ALICE, Reply.counter(List.of(NEW_SLOT_OPTION), List.of()));

			assertThat(participant(applied.next(), ALICE).status()).isEqualTo(ParticipantStatus.COUNTERED);
			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(NEW_1);
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).isEqualTo(ALL_VENUES);
		}

		@Test
		void replyWhenInviteeCountersNewSlotAppendsItWithNextIndex() {
			Negotiation negotiation = open(invited(ALICE), invited(BOB));

			Applied applied = applied(negotiation, ALICE, Reply.counter(List.of(NEW_SLOT_OPTION), List.of()));

			ProposedSlot added = new ProposedSlot(NEW_1, 2, NEW_SLOT_OPTION.startsAt(), 45, "Europe/Paris", ALICE, NOW);
			assertThat(applied.addedSlots()).containsExactly(added);
			assertThat(applied.addedVenues()).isEmpty();
			assertThat(applied.next().slots()).containsExactly(S0, S1, added);
			assertThat(applied.next().venues()).isEqualTo(VENUES);
			assertThat(participant(applied.next(), ALICE))
				.isEqualTo(new Participant(ALICE, ParticipantStatus.COUNTERED, Set.of(NEW_1), ALL_VENUES, NOW));
			assertThat(applied.replier()).isEqualTo(participant(applied.next(), ALICE));
			assertThat(applied.next().agentRound()).isEqualTo(1);
			assertThat(applied.next().revision()).isEqualTo(REVISION + 1);
			assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		}

		@Test
		void replyWhenCounterAddsSeveralSlotsAndVenuesContinuesEachIndexInOrder() {
			Negotiation negotiation = open(invited(ALICE));

			Applied applied = applied(negotiation, ALICE,
					Reply.counter(List.of(NEW_SLOT_OPTION, OTHER_SLOT_OPTION), List.of(NEW_VENUE_OPTION)));

			assertThat(applied.addedSlots()).containsExactly(
					new ProposedSlot(NEW_1, 2, NEW_SLOT_OPTION.startsAt(), 45, "Europe/Paris", ALICE, NOW),
					new ProposedSlot(NEW_2, 3, OTHER_SLOT_OPTION.startsAt(), 30, "UTC", ALICE, NOW));
			assertThat(applied.addedVenues())
				.containsExactly(new ProposedVenue(NEW_3, 2, "Bonanza", "gplace-9", null, ALICE, NOW));
			assertThat(applied.next().slots()).extracting(ProposedSlot::index).containsExactly(0, 1, 2, 3);
			assertThat(applied.next().venues()).extracting(ProposedVenue::index).containsExactly(0, 1, 2);
			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactlyInAnyOrder(NEW_1, NEW_2);
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(NEW_3);
		}

		@Test
		void replyWhenCounterContinuesIndexesAfterEarlierCounters() {
			Negotiation first = applied(open(invited(ALICE), invited(BOB)), ALICE,
					Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))
				.next();

			Applied second = applied(first, BOB, Reply.counter(List.of(OTHER_SLOT_OPTION), List.of(NEW_VENUE_OPTION)));

			assertThat(second.addedSlots())
				.containsExactly(new ProposedSlot(NEW_2, 3, OTHER_SLOT_OPTION.startsAt(), 30, "UTC", BOB, NOW));
			assertThat(second.addedVenues())
				.containsExactly(new ProposedVenue(NEW_3, 2, "Bonanza", "gplace-9", null, BOB, NOW));
			assertThat(second.next().agentRound()).isEqualTo(2);
			assertThat(second.next().revision()).isEqualTo(REVISION + 2);
			assertThat(participant(second.next(), ALICE).acceptedSlotIds()).containsExactly(NEW_1);
		}

		@Test
		void replyWhenCounterRepeatsExistingOptionReusesItInsteadOfAppending() {
			Negotiation negotiation = open(invited(ALICE), invited(BOB));

			Applied applied = applied(negotiation, ALICE,
					Reply.counter(List.of(S1_OPTION, NEW_SLOT_OPTION), List.of(V1_OPTION)));

			assertThat(applied.addedSlots()).containsExactly(
					new ProposedSlot(NEW_1, 2, NEW_SLOT_OPTION.startsAt(), 45, "Europe/Paris", ALICE, NOW));
			assertThat(applied.addedVenues()).isEmpty();
			assertThat(applied.next().slots()).hasSize(3);
			assertThat(applied.next().venues()).isEqualTo(VENUES);
			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactlyInAnyOrder(S1.id(), NEW_1);
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(V1.id());
		}

		@Test
		void replyWhenCounterNamesTheSameNewOptionTwiceAppendsItOnce() {
			Negotiation negotiation = open(invited(ALICE));

			Applied applied = applied(negotiation, ALICE, Reply.counter(List.of(NEW_SLOT_OPTION, NEW_SLOT_OPTION),
					List.of(NEW_VENUE_OPTION, NEW_VENUE_OPTION)));

			assertThat(applied.addedSlots()).extracting(ProposedSlot::id).containsExactly(NEW_1);
			assertThat(applied.addedVenues()).extracting(ProposedVenue::id).containsExactly(NEW_2);
			assertThat(applied.next().slots()).hasSize(3);
			assertThat(applied.next().venues()).hasSize(3);
			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(NEW_1);
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(NEW_2);
		}

		static Stream<Arguments> slotOptionsDifferingFromS0() {
			return Stream.of(
					Arguments.of("other start", new SlotOption(S0.startsAt().plusSeconds(60), 60, "Europe/Berlin")),
					Arguments.of("other duration", new SlotOption(S0.startsAt(), 90, "Europe/Berlin")),
					Arguments.of("other timezone", new SlotOption(S0.startsAt(), 60, "Europe/Paris")));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("slotOptionsDifferingFromS0")
		void replyWhenCounterSlotDiffersInAnyFieldAppendsIt(String difference, SlotOption option) {
			Applied applied = applied(open(invited(ALICE)), ALICE, Reply.counter(List.of(option), List.of()));

			assertThat(applied.addedSlots()).containsExactly(new ProposedSlot(NEW_1, 2, option.startsAt(),
					option.durationMinutes(), option.timezone(), ALICE, NOW));
		}

		static Stream<Arguments> venueOptionsDifferingFromV0() {
			return Stream.of(
					Arguments.of("other name", new VenueOption("Blue Bottle Mitte", "gplace-1", Map.of("lat", 52.52))),
					Arguments.of("other provider", new VenueOption("Blue Bottle", "gplace-2", Map.of("lat", 52.52))),
					Arguments.of("no provider", new VenueOption("Blue Bottle", null, Map.of("lat", 52.52))),
					Arguments.of("other metadata", new VenueOption("Blue Bottle", "gplace-1", Map.of("lat", 48.1))),
					Arguments.of("no metadata", new VenueOption("Blue Bottle", "gplace-1", null)));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("venueOptionsDifferingFromV0")
		void replyWhenCounterVenueDiffersInAnyFieldAppendsIt(String difference, VenueOption option) {
			Applied applied = applied(open(invited(ALICE)), ALICE, Reply.counter(List.of(), List.of(option)));

			assertThat(applied.addedVenues()).containsExactly(
					new ProposedVenue(NEW_1, 2, option.name(), option.providerId(), option.metadata(), ALICE, NOW));
		}

		@Test
		void replyWhenCounterGivesIdsTooAcceptsCounteredPlusGivenIds() {
			Negotiation negotiation = open(invited(ALICE), invited(BOB));

			Applied applied = applied(negotiation, ALICE,
					counter(List.of(NEW_SLOT_OPTION), List.of(NEW_VENUE_OPTION), Set.of(S0.id()), Set.of(V1.id())));

			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactlyInAnyOrder(NEW_1, S0.id());
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactlyInAnyOrder(NEW_2, V1.id());
		}

		@Test
		void replyWhenCounterNamesUnknownSlotIdThrowsUnknownOption() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(
					() -> reply(negotiation, ALICE,
							counter(List.of(NEW_SLOT_OPTION), List.of(), Set.of(S0.id(), UNKNOWN_ID), null)),
					ErrorCode.UNKNOWN_OPTION,
					Map.of("unknown_slot_ids", List.of(UNKNOWN_ID), "unknown_venue_ids", List.of()));
		}

		@Test
		void replyWhenCounterNamesUnknownVenueIdThrowsUnknownOption() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(
					() -> reply(negotiation, ALICE,
							counter(List.of(NEW_SLOT_OPTION), List.of(), null, Set.of(UNKNOWN_ID))),
					ErrorCode.UNKNOWN_OPTION,
					Map.of("unknown_slot_ids", List.of(), "unknown_venue_ids", List.of(UNKNOWN_ID)));
		}

		@Test
		void replyWhenInvitedInviteeCountersOnlyVenuesKeepsEverySlot() {
			Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE,
					Reply.counter(List.of(), List.of(NEW_VENUE_OPTION)));

			assertThat(participant(applied.next(), ALICE))
				.isEqualTo(new Participant(ALICE, ParticipantStatus.COUNTERED, ALL_SLOTS, Set.of(NEW_1), NOW));
		}

		@Test
		void replyWhenInvitedInviteeCountersOnlySlotsKeepsEveryVenue() {
			Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE,
					Reply.counter(List.of(NEW_SLOT_OPTION), List.of()));

			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).isEqualTo(ALL_VENUES);
		}

		@Test
		void replyWhenAnsweredInviteeCountersOnlySlotsKeepsTheirRecordedVenues() {
			Applied applied = applied(open(accepted(ALICE, Set.of(S0.id()), Set.of(V1.id())), invited(BOB)), ALICE,
					Reply.counter(List.of(NEW_SLOT_OPTION), List.of()));

			assertThat(participant(applied.next(), ALICE))
				.isEqualTo(new Participant(ALICE, ParticipantStatus.COUNTERED, Set.of(NEW_1), Set.of(V1.id()), NOW));
		}

		@Test
		void replyWhenCounteredInviteeCountersOnlyVenuesKeepsTheirRecordedSlots() {
			Applied applied = applied(open(countered(ALICE, Set.of(S1.id()), Set.of(V0.id())), invited(BOB)), ALICE,
					Reply.counter(List.of(), List.of(NEW_VENUE_OPTION)));

			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(S1.id());
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(NEW_1);
		}

		@Test
		void replyWhenCounterOnlySlotsGivesVenueIdsTakesExactlyThoseVenues() {
			Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE,
					counter(List.of(NEW_SLOT_OPTION), List.of(), null, Set.of(V1.id())));

			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(NEW_1);
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(V1.id());
		}

		@Test
		void replyWhenCounterOnlySlotsGivesEmptyVenueIdsTakesNoVenue() {
			Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE,
					counter(List.of(NEW_SLOT_OPTION), List.of(), null, Set.of()));

			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).isEmpty();
		}

		@Test
		void replyWhenOrganizerCountersOnlySlotsKeepsTheirRecordedVenues() {
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					organizer(ALL_SLOTS, Set.of(V1.id())), invited(ALICE));

			Applied applied = applied(negotiation, ORGANIZER,
					counter(List.of(NEW_SLOT_OPTION), List.of(), Set.of(S0.id()), null));

			assertThat(participant(applied.next(), ORGANIZER)).isEqualTo(new Participant(ORGANIZER,
					ParticipantStatus.ORGANIZER, Set.of(NEW_1, S0.id()), Set.of(V1.id()), NOW));
			assertThat(applied.addedSlots()).containsExactly(
					new ProposedSlot(NEW_1, 2, NEW_SLOT_OPTION.startsAt(), 45, "Europe/Paris", ORGANIZER, NOW));
		}

		@Test
		void replyWhenInviteeCountersOtherParticipantsKeepTheirAnswers() {
			Negotiation negotiation = open(invited(ALICE), accepted(BOB, Set.of(S0.id()), Set.of(V0.id())),
					countered(CAROL, Set.of(S1.id()), ALL_VENUES));

			Applied applied = applied(negotiation, ALICE,
					Reply.counter(List.of(NEW_SLOT_OPTION), List.of(NEW_VENUE_OPTION)));

			assertThat(participant(applied.next(), ORGANIZER)).isEqualTo(organizer());
			assertThat(participant(applied.next(), BOB)).isEqualTo(accepted(BOB, Set.of(S0.id()), Set.of(V0.id())));
			assertThat(participant(applied.next(), CAROL)).isEqualTo(countered(CAROL, Set.of(S1.id()), ALL_VENUES));
		}

		@Test
		void replyWhenCounterIncrementsAgentRoundFromItsCurrentValue() {
			Negotiation negotiation = withRound(open(invited(ALICE), invited(BOB)), 4);

			Applied applied = applied(negotiation, ALICE, Reply.counter(List.of(), List.of(NEW_VENUE_OPTION)));

			assertThat(applied.next().agentRound()).isEqualTo(5);
		}

		@Test
		void replyWhenAcceptOrDeclineLeavesAgentRoundUnchanged() {
			Negotiation negotiation = withRound(open(invited(ALICE), invited(BOB)), 4);

			assertThat(applied(negotiation, ALICE, Reply.accept()).next().agentRound()).isEqualTo(4);
			assertThat(applied(negotiation, ALICE, Reply.decline()).next().agentRound()).isEqualTo(4);
		}

		@Test
		void replyWhenCounterAlsoNamesASharedExistingSlotConfirmsAtOnce() {
			Negotiation negotiation = open(invited(ALICE));

			Applied applied = applied(negotiation, ALICE,
					counter(List.of(NEW_SLOT_OPTION), List.of(), Set.of(S1.id()), null));

			assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(applied.next().state()).isEqualTo(NegotiationState.CONFIRMED);
			assertThat(applied.next().finalSlotId()).isEqualTo(S1.id());
			assertThat(applied.next().finalVenueId()).isEqualTo(V0.id());
			assertThat(applied.next().agentRound()).isEqualTo(1);
			assertThat(participant(applied.next(), ALICE).status()).isEqualTo(ParticipantStatus.COUNTERED);
		}

		@Test
		void replyWhenCounterOffersOnlyNewSlotStaysPendingUntilOrganizerAcceptsIt() {
			Applied counter = applied(open(invited(ALICE)), ALICE, Reply.counter(List.of(NEW_SLOT_OPTION), List.of()));
			assertThat(counter.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(counter.next().isAwaiting(ORGANIZER, NOW)).isTrue();

			Applied organizerAgrees = applied(counter.next(), ORGANIZER, Reply.accept());

			assertThat(organizerAgrees.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(organizerAgrees.next().state()).isEqualTo(NegotiationState.CONFIRMED);
			assertThat(organizerAgrees.next().finalSlotId()).isEqualTo(NEW_1);
			assertThat(organizerAgrees.next().finalVenueId()).isEqualTo(V0.id());
			assertThat(participant(organizerAgrees.next(), ORGANIZER).acceptedSlotIds())
				.containsExactlyInAnyOrder(S0.id(), S1.id(), NEW_1);
			assertThat(organizerAgrees.next().revision()).isEqualTo(REVISION + 2);
		}

		@Test
		void replyWhenCounterAddsFirstVenueStaysPendingUntilOrganizerAcceptsIt() {
			Negotiation noVenues = negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(ALL_SLOTS, Set.of()), invited(ALICE)), SLOTS, List.of(), EXPIRES_AT);

			Applied counter = applied(noVenues, ALICE, Reply.counter(List.of(), List.of(NEW_VENUE_OPTION)));

			assertThat(counter.addedVenues())
				.containsExactly(new ProposedVenue(NEW_1, 0, "Bonanza", "gplace-9", null, ALICE, NOW));
			assertThat(participant(counter.next(), ALICE).acceptedSlotIds()).isEqualTo(ALL_SLOTS);
			assertThat(counter.outcome()).isEqualTo(Outcome.ANSWERED);
			assertThat(counter.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);

			Applied organizerAgrees = applied(counter.next(), ORGANIZER, Reply.accept());

			assertThat(organizerAgrees.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(organizerAgrees.next().finalSlotId()).isEqualTo(S0.id());
			assertThat(organizerAgrees.next().finalVenueId()).isEqualTo(NEW_1);
		}

		// --- the limit of 20 options per kind
		// ---------------------------------------------------

		private Negotiation withOptions(int slotCount, int venueCount) {
			List<ProposedSlot> slots = manySlots(slotCount);
			List<ProposedVenue> venues = manyVenues(venueCount);
			return negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(ids(slots), ids(venues)), invited(ALICE), invited(BOB)), slots, venues,
					EXPIRES_AT);
		}

		@Test
		void replyWhenCounterReachesExactlyTwentySlotsIsApplied() {
			Applied applied = applied(withOptions(18, 1), ALICE, Reply.counter(newSlotOptions(2), List.of()));

			assertThat(applied.next().slots()).hasSize(20);
			assertThat(applied.addedSlots()).extracting(ProposedSlot::index).containsExactly(18, 19);
		}

		@Test
		void replyWhenCounterWouldMakeTwentyOneSlotsThrowsCounterLimitExceeded() {
			Negotiation negotiation = withOptions(19, 1);

			assertApiError(() -> reply(negotiation, ALICE, Reply.counter(newSlotOptions(2), List.of())),
					ErrorCode.COUNTER_LIMIT_EXCEEDED, Map.of("field", "counter_slots", "count", 21, "limit", 20));
		}

		@Test
		void replyWhenCounterReachesExactlyTwentyVenuesIsApplied() {
			Applied applied = applied(withOptions(2, 17), ALICE, Reply.counter(List.of(), newVenueOptions(3)));

			assertThat(applied.next().venues()).hasSize(20);
			assertThat(applied.addedVenues()).extracting(ProposedVenue::index).containsExactly(17, 18, 19);
		}

		@Test
		void replyWhenCounterWouldMakeTwentyOneVenuesThrowsCounterLimitExceeded() {
			Negotiation negotiation = withOptions(2, 20);

			assertApiError(() -> reply(negotiation, ALICE, Reply.counter(List.of(), newVenueOptions(1))),
					ErrorCode.COUNTER_LIMIT_EXCEEDED, Map.of("field", "counter_venues", "count", 21, "limit", 20));
		}

		@Test
		void replyWhenCounterExceedsTheLimitByManyReportsTheFullCount() {
			Negotiation negotiation = withOptions(10, 1);

			assertApiError(() -> reply(negotiation, ALICE, Reply.counter(newSlotOptions(15), List.of())),
					ErrorCode.COUNTER_LIMIT_EXCEEDED, Map.of("field", "counter_slots", "count", 25, "limit", 20));
		}

		@Test
		void replyWhenCounterAtTheLimitOnlyReusesExistingOptionsIsApplied() {
			Negotiation negotiation = withOptions(20, 20);
			ProposedSlot last = negotiation.slots().get(19);
			ProposedVenue first = negotiation.venues().get(0);

			Applied applied = applied(negotiation, ALICE,
					Reply.counter(List.of(new SlotOption(last.startsAt(), 60, "UTC")),
							List.of(new VenueOption("Venue 0", null, null))));

			assertThat(applied.addedSlots()).isEmpty();
			assertThat(applied.addedVenues()).isEmpty();
			assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(last.id());
			assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(first.id());
		}

		@Test
		void replyWhenCounterDuplicatesCountOnceTowardsTheLimit() {
			Negotiation negotiation = withOptions(19, 1);
			SlotOption option = newSlotOptions(1).get(0);

			Applied applied = applied(negotiation, ALICE, Reply.counter(List.of(option, option, option), List.of()));

			assertThat(applied.next().slots()).hasSize(20);
		}

		@Test
		void replyWhenOrganizerCounterExceedsTheLimitThrowsCounterLimitExceeded() {
			Negotiation negotiation = withOptions(20, 1);

			assertApiError(() -> reply(negotiation, ORGANIZER, Reply.counter(newSlotOptions(1), List.of())),
					ErrorCode.COUNTER_LIMIT_EXCEEDED, Map.of("field", "counter_slots", "count", 21, "limit", 20));
		}

		@Test
		void replyWhenCounterIsRefusedLeavesTheNegotiationUnchanged() {
			Negotiation negotiation = withOptions(20, 1);
			List<ProposedSlot> before = new ArrayList<>(negotiation.slots());

			assertThatThrownBy(() -> reply(negotiation, ALICE, Reply.counter(newSlotOptions(1), List.of())))
				.isInstanceOf(ApiException.class);

			assertThat(negotiation.slots()).isEqualTo(before);
			assertThat(negotiation.revision()).isEqualTo(REVISION);
			assertThat(participant(negotiation, ALICE)).isEqualTo(invited(ALICE));
		}

	}

	// =============================================================================================
	// If-Match (expected revision)
	// =============================================================================================

	@Nested
	class ExpectedRevision {

		private Negotiation.ReplyDecision replyExpecting(Negotiation negotiation, UUID userId, Reply reply,
				Integer expectedRevision) {
			return negotiation.reply(userId, reply, expectedRevision, NOW, newIds);
		}

		@Test
		void replyWhenExpectedRevisionMatchesIsApplied() {
			Negotiation negotiation = open(invited(ALICE), invited(BOB));

			Negotiation.ReplyDecision decision = replyExpecting(negotiation, ALICE, Reply.accept(), REVISION);

			assertThat(decision).isInstanceOf(Applied.class);
			assertThat(((Applied) decision).next().revision()).isEqualTo(REVISION + 1);
		}

		@Test
		void replyWhenExpectedRevisionIsNullSkipsTheCheck() {
			Negotiation negotiation = open(invited(ALICE), invited(BOB));

			assertThat(replyExpecting(negotiation, ALICE, Reply.accept(), null)).isInstanceOf(Applied.class);
		}

		@ParameterizedTest
		@ValueSource(ints = { REVISION - 1, REVISION + 1, 0 })
		void replyWhenExpectedRevisionIsStaleThrowsPreconditionFailed(int expected) {
			Negotiation negotiation = open(invited(ALICE), invited(BOB));

			assertApiError(() -> replyExpecting(negotiation, ALICE, Reply.accept(), expected),
					ErrorCode.PRECONDITION_FAILED,
					Map.of("negotiation_id", NEGOTIATION_ID, "current_revision", REVISION));
		}

		@Test
		void replyWhenStaleRevisionButRepeatingRecordedAnswerReturnsNoChange() {
			Negotiation negotiation = open(accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB));

			assertThat(replyExpecting(negotiation, ALICE, Reply.accept(), REVISION - 1)).isEqualTo(new NoChange());
		}

		@Test
		void replyWhenStaleRevisionFromNonParticipantThrowsUserNotParticipant() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(() -> replyExpecting(negotiation, STRANGER, Reply.accept(), REVISION - 1),
					ErrorCode.USER_NOT_PARTICIPANT, Map.of("negotiation_id", NEGOTIATION_ID));
		}

		@Test
		void replyWhenStaleRevisionOnOverdueNegotiationThrowsPreconditionFailedBeforeExpiry() {
			Negotiation overdue = withExpiry(open(invited(ALICE)), NOW.minusSeconds(1));

			assertApiError(() -> replyExpecting(overdue, ALICE, Reply.accept(), REVISION - 1),
					ErrorCode.PRECONDITION_FAILED,
					Map.of("negotiation_id", NEGOTIATION_ID, "current_revision", REVISION));
		}

		@Test
		void replyWhenMatchingRevisionOnOverdueNegotiationReturnsExpired() {
			Negotiation overdue = withExpiry(open(invited(ALICE)), NOW.minusSeconds(1));

			assertThat(replyExpecting(overdue, ALICE, Reply.accept(), REVISION)).isInstanceOf(Expired.class);
		}

		@Test
		void replyWhenStaleRevisionOnConfirmedThrowsPreconditionFailedBeforeStateCheck() {
			Negotiation confirmed = matrixNegotiation(NegotiationState.CONFIRMED);

			assertApiError(() -> replyExpecting(confirmed, BOB, Reply.accept(), REVISION + 3),
					ErrorCode.PRECONDITION_FAILED,
					Map.of("negotiation_id", NEGOTIATION_ID, "current_revision", REVISION));
		}

		@Test
		void replyWhenStaleRevisionWithInvalidOptionsThrowsPreconditionFailedBeforeValidation() {
			Negotiation negotiation = open(invited(ALICE));

			assertApiError(() -> replyExpecting(negotiation, ALICE, Reply.accept(Set.of(UNKNOWN_ID), null), 1),
					ErrorCode.PRECONDITION_FAILED,
					Map.of("negotiation_id", NEGOTIATION_ID, "current_revision", REVISION));
		}

	}

	// =============================================================================================
	// cancel
	// =============================================================================================

	@Nested
	class Cancel {

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = { "AWAITING_INVITES", "AWAITING_REPLIES" })
		void cancelWhenOrganizerCancelsOpenNegotiationReturnsCancelled(NegotiationState state) {
			Negotiation negotiation = matrixNegotiation(state);

			Negotiation.CancelDecision decision = negotiation.cancel(ORGANIZER, NOW);

			assertThat(decision).isEqualTo(new Cancelled(
					new Negotiation(NEGOTIATION_ID, ORGANIZER, NegotiationState.CANCELLED, negotiation.participants(),
							SLOTS, VENUES, EXPIRES_AT, 0, REVISION + 1, null, null, negotiation.sent()),
					false));
		}

		@Test
		void cancelWhenOrganizerCancelsConfirmedReturnsCancelledWasConfirmedKeepingFinalOptions() {
			Negotiation confirmed = matrixNegotiation(NegotiationState.CONFIRMED);

			Negotiation.CancelDecision decision = confirmed.cancel(ORGANIZER, NOW);

			assertThat(decision).isInstanceOf(Cancelled.class);
			Cancelled cancelled = (Cancelled) decision;
			assertThat(cancelled.wasConfirmed()).isTrue();
			assertThat(cancelled.next().state()).isEqualTo(NegotiationState.CANCELLED);
			assertThat(cancelled.next().revision()).isEqualTo(REVISION + 1);
			assertThat(cancelled.next().finalSlotId()).isEqualTo(S0.id());
			assertThat(cancelled.next().finalVenueId()).isEqualTo(V0.id());
			assertThat(cancelled.next().participants()).isEqualTo(confirmed.participants());
		}

		@Test
		void cancelWhenConfirmedNegotiationIsPastExpiresAtStillCancels() {
			Negotiation confirmed = withExpiry(matrixNegotiation(NegotiationState.CONFIRMED), NOW.minusSeconds(1));

			Negotiation.CancelDecision decision = confirmed.cancel(ORGANIZER, NOW);

			assertThat(decision).isInstanceOf(Cancelled.class);
			assertThat(((Cancelled) decision).wasConfirmed()).isTrue();
			assertThat(((Cancelled) decision).next().state()).isEqualTo(NegotiationState.CANCELLED);
		}

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = { "CANCELLED", "EXPIRED" })
		void cancelWhenAlreadyCancelledOrExpiredThrowsInvalidStateTransition(NegotiationState state) {
			Negotiation negotiation = matrixNegotiation(state);

			assertInvalidTransition(() -> negotiation.cancel(ORGANIZER, NOW), state, "cancel");
		}

		@ParameterizedTest
		@EnumSource(NegotiationState.class)
		void cancelWhenInviteeCancelsThrowsOrganizerOnlyAction(NegotiationState state) {
			Negotiation negotiation = matrixNegotiation(state);

			for (UUID invitee : List.of(ALICE, BOB)) {
				assertApiError(() -> negotiation.cancel(invitee, NOW), ErrorCode.ORGANIZER_ONLY_ACTION,
						Map.of("negotiation_id", NEGOTIATION_ID, "requested_action", "cancel"));
			}
		}

		@Test
		void cancelWhenInviteeCancelsOverdueNegotiationThrowsOrganizerOnlyAction() {
			Negotiation overdue = withExpiry(open(invited(ALICE)), NOW.minusSeconds(1));

			assertApiError(() -> overdue.cancel(ALICE, NOW), ErrorCode.ORGANIZER_ONLY_ACTION,
					Map.of("negotiation_id", NEGOTIATION_ID, "requested_action", "cancel"));
		}

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = { "AWAITING_INVITES", "AWAITING_REPLIES" })
		void cancelWhenOpenNegotiationIsOverdueReturnsExpired(NegotiationState state) {
			Negotiation overdue = withExpiry(matrixNegotiation(state), NOW);

			Negotiation.CancelDecision decision = overdue.cancel(ORGANIZER, NOW);

			assertThat(decision)
				.isEqualTo(new Expired(new Negotiation(NEGOTIATION_ID, ORGANIZER, NegotiationState.EXPIRED,
						overdue.participants(), SLOTS, VENUES, NOW, 0, REVISION + 1, null, null, overdue.sent())));
		}

		@Test
		void cancelWhenDraftWasNeverSentKeepsItInvisibleToInvitees() {
			Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

			Cancelled cancelled = (Cancelled) draft.cancel(ORGANIZER, NOW);

			assertThat(cancelled.next().sent()).isFalse();
			assertThat(cancelled.next().isVisibleTo(ORGANIZER)).isTrue();
			assertThat(cancelled.next().isVisibleTo(ALICE)).isFalse();
		}

		@Test
		void replyWhenOrganizerSendsDraftMakesItVisibleToInvitees() {
			Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

			Applied sent = applied(draft, ORGANIZER, Reply.accept());

			assertThat(sent.next().sent()).isTrue();
			assertThat(sent.next().isVisibleTo(ALICE)).isTrue();
			assertThat(sent.next().expire().isVisibleTo(ALICE)).isTrue();
		}

		@Test
		void cancelWhenOpenNegotiationExpiresOneSecondLaterCancels() {
			Negotiation negotiation = withExpiry(matrixNegotiation(NegotiationState.AWAITING_REPLIES),
					NOW.plusSeconds(1));

			assertThat(negotiation.cancel(ORGANIZER, NOW)).isInstanceOf(Cancelled.class);
		}

	}

	// =============================================================================================
	// visibility, awaiting, accepted count
	// =============================================================================================

	@Nested
	class Visibility {

		@Test
		void isVisibleToWhenDraftShowsItOnlyToTheOrganizer() {
			Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

			assertThat(draft.isVisibleTo(ORGANIZER)).isTrue();
			assertThat(draft.isVisibleTo(ALICE)).isFalse();
			assertThat(draft.isVisibleTo(BOB)).isFalse();
			assertThat(draft.isVisibleTo(STRANGER)).isFalse();
		}

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = "AWAITING_INVITES", mode = EnumSource.Mode.EXCLUDE)
		void isVisibleToWhenSentShowsItToEveryParticipantOnly(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, ALL_SLOTS, ALL_VENUES),
					invited(BOB), declined(CAROL));

			assertThat(negotiation.isVisibleTo(ORGANIZER)).isTrue();
			assertThat(negotiation.isVisibleTo(ALICE)).isTrue();
			assertThat(negotiation.isVisibleTo(BOB)).isTrue();
			assertThat(negotiation.isVisibleTo(CAROL)).isTrue();
			assertThat(negotiation.isVisibleTo(STRANGER)).isFalse();
		}

		@Test
		void isVisibleToWhenDraftIsOverdueStillHidesItFromInvitees() {
			Negotiation draft = withExpiry(matrixNegotiation(NegotiationState.AWAITING_INVITES), NOW.minusSeconds(1));

			assertThat(draft.isVisibleTo(ORGANIZER)).isTrue();
			assertThat(draft.isVisibleTo(ALICE)).isFalse();
		}

		@Test
		void participantWhenUserTakesPartReturnsThemElseEmpty() {
			Negotiation negotiation = open(invited(ALICE));

			assertThat(negotiation.participant(ALICE)).contains(invited(ALICE));
			assertThat(negotiation.participant(ORGANIZER)).contains(organizer());
			assertThat(negotiation.participant(STRANGER)).isEmpty();
		}

	}

	@Nested
	class Awaiting {

		@Test
		void isAwaitingWhenInviteeIsStillInvitedReturnsTrue() {
			assertThat(open(invited(ALICE)).isAwaiting(ALICE, NOW)).isTrue();
		}

		@ParameterizedTest
		@EnumSource(value = ParticipantStatus.class, names = { "ACCEPTED", "DECLINED", "COUNTERED" })
		void isAwaitingWhenInviteeHasAnsweredReturnsFalse(ParticipantStatus status) {
			Participant alice = new Participant(ALICE, status, Set.of(S0.id()), Set.of(V0.id()), NOW);

			assertThat(open(alice, invited(BOB)).isAwaiting(ALICE, NOW)).isFalse();
		}

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = "AWAITING_REPLIES", mode = EnumSource.Mode.EXCLUDE)
		void isAwaitingWhenNotAwaitingRepliesReturnsFalseForInvitedInvitee(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(), invited(ALICE));

			assertThat(negotiation.isAwaiting(ALICE, NOW)).isFalse();
		}

		@Test
		void isAwaitingWhenOverdueReturnsFalseForInvitedInvitee() {
			Negotiation overdue = withExpiry(open(invited(ALICE)), NOW);

			assertThat(overdue.isAwaiting(ALICE, NOW)).isFalse();
			assertThat(overdue.isAwaiting(ALICE, NOW.minusSeconds(1))).isTrue();
		}

		@Test
		void isAwaitingWhenUserIsNotParticipantReturnsFalse() {
			assertThat(open(invited(ALICE)).isAwaiting(STRANGER, NOW)).isFalse();
		}

		@Test
		void isAwaitingWhenNobodyCounteredReturnsFalseForOrganizer() {
			Negotiation negotiation = open(invited(ALICE), accepted(BOB, Set.of(S0.id()), Set.of(V0.id())),
					declined(CAROL));

			assertThat(negotiation.isAwaiting(ORGANIZER, NOW)).isFalse();
		}

		@Test
		void isAwaitingWhenInviteeCounteredSlotOrganizerHasNotAcceptedReturnsTrueForOrganizer() {
			Negotiation negotiation = applied(open(invited(ALICE)), ALICE,
					Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))
				.next();

			assertThat(negotiation.isAwaiting(ORGANIZER, NOW)).isTrue();
		}

		@Test
		void isAwaitingWhenInviteeCounteredVenueOrganizerHasNotAcceptedReturnsTrueForOrganizer() {
			Negotiation negotiation = applied(open(invited(ALICE)), ALICE,
					Reply.counter(List.of(), List.of(NEW_VENUE_OPTION)))
				.next();

			assertThat(negotiation.isAwaiting(ORGANIZER, NOW)).isTrue();
		}

		@Test
		void isAwaitingWhenInviteeNamesOrganizersOwnOptionOrganizerDroppedReturnsFalseForOrganizer() {
			// Nothing new was added by someone else: the organizer has answered every
			// option there is.
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					organizer(Set.of(S0.id()), ALL_VENUES), countered(ALICE, Set.of(S1.id()), ALL_VENUES));

			assertThat(negotiation.isAwaiting(ORGANIZER, NOW)).isFalse();
		}

		@Test
		void isAwaitingWhenAcceptedInviteesAnswerPredatesCounterOptionReturnsTrue() {
			Negotiation countered = applied(open(accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB)), BOB,
					Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))
				.next();

			assertThat(countered.isAwaiting(ALICE, NOW)).isTrue();
			assertThat(countered.isAwaiting(ORGANIZER, NOW)).isTrue();
			assertThat(countered.isAwaiting(BOB, NOW)).isFalse();
		}

		@Test
		void isAwaitingWhenAnswerAfterCounterLeavesItOutReturnsFalse() {
			Negotiation countered = applied(open(accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB)), BOB,
					Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))
				.next();

			Negotiation aliceAnswered = applied(countered, ALICE, Reply.accept(Set.of(S0.id()), null),
					NOW.plusSeconds(1))
				.next();

			assertThat(aliceAnswered.isAwaiting(ALICE, NOW.plusSeconds(1))).isFalse();
		}

		@Test
		void isAwaitingWhenEarlierAnswerAlreadyIncludesCounterOptionReturnsFalse() {
			ProposedSlot bobsSlot = new ProposedSlot(NEW_3, 2, NOW.plus(Duration.ofDays(4)), 60, "UTC", BOB, NOW);
			Participant alice = new Participant(ALICE, ParticipantStatus.ACCEPTED, Set.of(S0.id(), NEW_3), ALL_VENUES,
					NOW.minusSeconds(60));
			Negotiation negotiation = negotiation(
					NegotiationState.AWAITING_REPLIES, List.of(organizer(Set.of(S0.id(), S1.id(), NEW_3), ALL_VENUES),
							alice, countered(BOB, Set.of(NEW_3), ALL_VENUES)),
					List.of(S0, S1, bobsSlot), VENUES, EXPIRES_AT);

			assertThat(negotiation.isAwaiting(ALICE, NOW)).isFalse();
		}

		@Test
		void isAwaitingWhenCounterSlotHasStartedReturnsFalse() {
			ProposedSlot startedSlot = new ProposedSlot(NEW_3, 2, NOW.minusSeconds(60), 60, "UTC", BOB, NOW);
			Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
					List.of(organizer(), countered(BOB, Set.of(S0.id()), ALL_VENUES)), List.of(S0, S1, startedSlot),
					VENUES, EXPIRES_AT);

			assertThat(negotiation.isAwaiting(ORGANIZER, NOW.plusSeconds(1))).isFalse();
		}

		@Test
		void isAwaitingWhenDeclinedReturnsFalseWhateverWasAdded() {
			Negotiation countered = applied(open(declined(ALICE), invited(BOB)), BOB,
					Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))
				.next();

			assertThat(countered.isAwaiting(ALICE, NOW)).isFalse();
		}

		@Test
		void isAwaitingWhenOrganizerAcceptedEveryCounteredOptionReturnsFalseForOrganizer() {
			Negotiation negotiation = open(countered(ALICE, Set.of(S1.id()), Set.of(V1.id())), invited(BOB));

			assertThat(negotiation.isAwaiting(ORGANIZER, NOW)).isFalse();
		}

		@Test
		void isAwaitingAfterInviteeCountersNewOptionReturnsTrueForOrganizerUntilAccepted() {
			Negotiation countered = applied(open(invited(ALICE), invited(BOB)), ALICE,
					Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))
				.next();

			assertThat(countered.isAwaiting(ORGANIZER, NOW)).isTrue();
			assertThat(countered.isAwaiting(ALICE, NOW)).isFalse();
			assertThat(countered.isAwaiting(BOB, NOW)).isTrue();

			Negotiation organizerAccepted = applied(countered, ORGANIZER, Reply.accept()).next();

			assertThat(organizerAccepted.state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
			assertThat(organizerAccepted.isAwaiting(ORGANIZER, NOW)).isFalse();
		}

		@Test
		void isAwaitingWhenCounteringInviteeLaterDeclinedReturnsFalseForOrganizer() {
			Negotiation countered = applied(open(invited(ALICE), invited(BOB)), ALICE,
					Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))
				.next();

			Negotiation declined = applied(countered, ALICE, Reply.decline()).next();

			assertThat(declined.isAwaiting(ORGANIZER, NOW)).isFalse();
		}

		@Test
		void isAwaitingWhenOverdueReturnsFalseForOrganizerWithPendingCounter() {
			Negotiation negotiation = withExpiry(negotiation(NegotiationState.AWAITING_REPLIES,
					organizer(Set.of(S0.id()), ALL_VENUES), countered(ALICE, Set.of(S1.id()), ALL_VENUES)), NOW);

			assertThat(negotiation.isAwaiting(ORGANIZER, NOW)).isFalse();
		}

		@ParameterizedTest
		@EnumSource(value = NegotiationState.class, names = "AWAITING_REPLIES", mode = EnumSource.Mode.EXCLUDE)
		void isAwaitingWhenNotAwaitingRepliesReturnsFalseForOrganizerWithPendingCounter(NegotiationState state) {
			Negotiation negotiation = negotiation(state, organizer(Set.of(S0.id()), ALL_VENUES),
					countered(ALICE, Set.of(S1.id()), ALL_VENUES));

			assertThat(negotiation.isAwaiting(ORGANIZER, NOW)).isFalse();
		}

	}

	@Nested
	class AcceptedCount {

		@Test
		void acceptedCountWhenMixedStatusesCountsOnlyAcceptedInvitees() {
			Negotiation negotiation = open(accepted(ALICE, ALL_SLOTS, ALL_VENUES),
					countered(BOB, Set.of(S0.id()), ALL_VENUES), declined(CAROL), invited(STRANGER));

			assertThat(negotiation.acceptedCount()).isEqualTo(1);
		}

		@Test
		void acceptedCountWhenNobodyAnsweredIsZeroEvenWithOrganizer() {
			assertThat(open(invited(ALICE), invited(BOB)).acceptedCount()).isZero();
		}

		@Test
		void acceptedCountAfterRepliesFollowsTheAnswers() {
			Negotiation negotiation = open(invited(ALICE), invited(BOB), invited(CAROL));

			Negotiation afterAlice = applied(negotiation, ALICE, Reply.accept(Set.of(S0.id()), null)).next();
			Negotiation afterBob = applied(afterAlice, BOB, Reply.accept(Set.of(S1.id()), null)).next();
			Negotiation afterAliceChanges = applied(afterBob, ALICE, Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))
				.next();

			assertThat(afterAlice.acceptedCount()).isEqualTo(1);
			assertThat(afterBob.acceptedCount()).isEqualTo(2);
			assertThat(afterAliceChanges.acceptedCount()).isEqualTo(1);
		}

	}

	// =============================================================================================
	// revision and a whole negotiation
	// =============================================================================================

	@Nested
	class RevisionAndFlow {

		@Test
		void replyWhenEveryAppliedChangeBumpsRevisionByOne() {
			Negotiation draft = negotiation(NegotiationState.AWAITING_INVITES, organizer(), invited(ALICE),
					invited(BOB));

			Negotiation sent = applied(draft, ORGANIZER, Reply.accept()).next();
			Negotiation aliceCountered = applied(sent, ALICE, Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))
				.next();
			Negotiation organizerAgreed = applied(aliceCountered, ORGANIZER, Reply.accept()).next();
			Applied bobAccepts = applied(organizerAgreed, BOB, Reply.accept(Set.of(NEW_1), Set.of(V1.id())));

			assertThat(sent.revision()).isEqualTo(REVISION + 1);
			assertThat(aliceCountered.revision()).isEqualTo(REVISION + 2);
			assertThat(organizerAgreed.revision()).isEqualTo(REVISION + 3);
			assertThat(bobAccepts.next().revision()).isEqualTo(REVISION + 4);
			assertThat(bobAccepts.outcome()).isEqualTo(Outcome.CONFIRMED);
			assertThat(bobAccepts.next().state()).isEqualTo(NegotiationState.CONFIRMED);
			assertThat(bobAccepts.next().finalSlotId()).isEqualTo(NEW_1);
			assertThat(bobAccepts.next().finalVenueId()).isEqualTo(V1.id());
			assertThat(bobAccepts.next().agentRound()).isEqualTo(1);

			Negotiation.CancelDecision cancel = bobAccepts.next().cancel(ORGANIZER, NOW);
			assertThat(cancel).isInstanceOf(Cancelled.class);
			assertThat(((Cancelled) cancel).wasConfirmed()).isTrue();
			assertThat(((Cancelled) cancel).next().revision()).isEqualTo(REVISION + 5);
		}

		@Test
		void replyWhenNoChangeOrRefusedKeepsTheRevision() {
			Negotiation negotiation = open(accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB));

			assertThat(reply(negotiation, ALICE, Reply.accept())).isEqualTo(new NoChange());
			assertThatThrownBy(() -> reply(negotiation, ORGANIZER, Reply.decline())).isInstanceOf(ApiException.class);
			assertThat(negotiation.revision()).isEqualTo(REVISION);
		}

		@Test
		void replyWhenAppliedLeavesTheOriginalNegotiationUntouched() {
			Negotiation negotiation = open(invited(ALICE), invited(BOB));

			applied(negotiation, ALICE, Reply.counter(List.of(NEW_SLOT_OPTION), List.of(NEW_VENUE_OPTION)));

			assertThat(negotiation).isEqualTo(open(invited(ALICE), invited(BOB)));
		}

		@Test
		void constructorWhenListsChangeAfterwardsKeepsItsOwnCopies() {
			List<Participant> participants = new ArrayList<>(List.of(organizer(), invited(ALICE)));
			List<ProposedSlot> slots = new ArrayList<>(SLOTS);
			Negotiation negotiation = new Negotiation(NEGOTIATION_ID, ORGANIZER, NegotiationState.AWAITING_REPLIES,
					participants, slots, VENUES, EXPIRES_AT, 0, REVISION, null, null);

			participants.add(invited(BOB));
			slots.clear();

			assertThat(negotiation.participants()).hasSize(2);
			assertThat(negotiation.slots()).isEqualTo(SLOTS);
		}

	}

}
