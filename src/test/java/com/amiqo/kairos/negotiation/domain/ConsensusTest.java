package com.amiqo.kairos.negotiation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The consensus rule of docs/reference.md#replies as a pure function. */
class ConsensusTest {

	private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

	private static final UUID ORGANIZER = new UUID(0x0A, 0);

	private static final UUID ALICE = new UUID(0x0A, 1);

	private static final UUID BOB = new UUID(0x0A, 2);

	private static final UUID CAROL = new UUID(0x0A, 3);

	private static final ProposedSlot S0 = slot(0, NOW.plus(Duration.ofDays(2)));

	private static final ProposedSlot S1 = slot(1, NOW.plus(Duration.ofDays(1)));

	private static final ProposedSlot S2 = slot(2, NOW.plus(Duration.ofDays(3)));

	private static final List<ProposedSlot> SLOTS = List.of(S0, S1, S2);

	private static final Set<UUID> ALL_SLOTS = Set.of(S0.id(), S1.id(), S2.id());

	private static final ProposedVenue V0 = venue(0, "Blue Bottle");

	private static final ProposedVenue V1 = venue(1, "Five Elephant");

	private static final List<ProposedVenue> VENUES = List.of(V0, V1);

	private static final Set<UUID> ALL_VENUES = Set.of(V0.id(), V1.id());

	// --- fixtures
	// -------------------------------------------------------------------------------

	private static ProposedSlot slot(int index, Instant startsAt) {
		return new ProposedSlot(new UUID(0x5107, index), index, startsAt, 60, "Europe/Berlin", ORGANIZER);
	}

	private static ProposedVenue venue(int index, String name) {
		return new ProposedVenue(new UUID(0x7E, index), index, name, null, null, ORGANIZER);
	}

	private static Participant organizer(Set<UUID> slots, Set<UUID> venues) {
		return new Participant(ORGANIZER, ParticipantStatus.ORGANIZER, slots, venues, NOW.minusSeconds(3600));
	}

	private static Participant organizerAcceptingAll() {
		return organizer(ALL_SLOTS, ALL_VENUES);
	}

	private static Participant invitee(UUID id, ParticipantStatus status, Set<UUID> slots, Set<UUID> venues) {
		return new Participant(id, status, slots, venues, status == ParticipantStatus.INVITED ? null : NOW);
	}

	private static Participant accepted(UUID id, Set<UUID> slots, Set<UUID> venues) {
		return invitee(id, ParticipantStatus.ACCEPTED, slots, venues);
	}

	private static Participant countered(UUID id, Set<UUID> slots, Set<UUID> venues) {
		return invitee(id, ParticipantStatus.COUNTERED, slots, venues);
	}

	private static Participant declined(UUID id) {
		return invitee(id, ParticipantStatus.DECLINED, Set.of(), Set.of());
	}

	private static Participant invited(UUID id) {
		return invitee(id, ParticipantStatus.INVITED, Set.of(), Set.of());
	}

	private static Consensus.Result evaluate(Participant... participants) {
		return Consensus.evaluate(List.of(participants), SLOTS, VENUES, NOW);
	}

	// --- everyone declined
	// ----------------------------------------------------------------------

	@Test
	void evaluateWhenEveryInviteeDeclinedReturnsEveryoneDeclined() {
		assertThat(evaluate(organizerAcceptingAll(), declined(ALICE), declined(BOB)))
			.isEqualTo(new Consensus.EveryoneDeclined());
	}

	@Test
	void evaluateWhenOnlyTheOrganizerIsLeftReturnsEveryoneDeclined() {
		assertThat(evaluate(organizerAcceptingAll(), declined(ALICE))).isInstanceOf(Consensus.EveryoneDeclined.class);
	}

	@Test
	void evaluateWhenNobodyIsInvitedYetReturnsPending() {
		// A link-only plan (docs/reference.md#replies): it waits for someone to join
		// instead of
		// cancelling itself.
		assertThat(evaluate(organizerAcceptingAll())).isEqualTo(new Consensus.Pending());
	}

	@Test
	void evaluateWhenOneInviteeIsStillActiveDoesNotReturnEveryoneDeclined() {
		assertThat(evaluate(organizerAcceptingAll(), declined(ALICE), invited(BOB))).isEqualTo(new Consensus.Pending());
	}

	@Test
	void evaluateWhenEveryoneDeclinedIgnoresTheOrganizersSets() {
		assertThat(Consensus.evaluate(List.of(organizer(Set.of(), Set.of()), declined(ALICE)), SLOTS, VENUES, NOW))
			.isEqualTo(new Consensus.EveryoneDeclined());
	}

	// --- pending: not everyone answered
	// ---------------------------------------------------------

	@Test
	void evaluateWhenAnActiveInviteeIsStillInvitedReturnsPending() {
		assertThat(evaluate(organizerAcceptingAll(), accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB)))
			.isEqualTo(new Consensus.Pending());
	}

	@ParameterizedTest
	@EnumSource(value = ParticipantStatus.class, names = { "ACCEPTED", "COUNTERED" })
	void evaluateWhenEveryActiveInviteeAcceptedOrCounteredReturnsReached(ParticipantStatus status) {
		Participant alice = invitee(ALICE, status, ALL_SLOTS, ALL_VENUES);
		Participant bob = accepted(BOB, ALL_SLOTS, ALL_VENUES);

		assertThat(evaluate(organizerAcceptingAll(), alice, bob)).isEqualTo(new Consensus.Reached(S1, V0));
	}

	@Test
	void evaluateWhenInviteesMixAcceptedAndCounteredReturnsReached() {
		assertThat(evaluate(organizerAcceptingAll(), countered(ALICE, Set.of(S2.id()), Set.of(V1.id())),
				accepted(BOB, ALL_SLOTS, ALL_VENUES)))
			.isEqualTo(new Consensus.Reached(S2, V1));
	}

	// --- declined invitees leave the consensus
	// --------------------------------------------------

	@Test
	void evaluateWhenSomeInviteesDeclinedConfirmsAmongTheRemaining() {
		// Carol declined with empty sets; she must not empty the intersection.
		assertThat(evaluate(organizerAcceptingAll(), accepted(ALICE, Set.of(S0.id()), Set.of(V1.id())), declined(CAROL),
				accepted(BOB, Set.of(S0.id(), S2.id()), ALL_VENUES)))
			.isEqualTo(new Consensus.Reached(S0, V1));
	}

	@Test
	void evaluateWhenDeclinedInviteeKeptOldSetsStillIgnoresThem() {
		Participant carolDeclinedWithSets = invitee(CAROL, ParticipantStatus.DECLINED, Set.of(S2.id()),
				Set.of(V1.id()));

		assertThat(evaluate(organizerAcceptingAll(), accepted(ALICE, Set.of(S0.id()), Set.of(V0.id())),
				carolDeclinedWithSets))
			.isEqualTo(new Consensus.Reached(S0, V0));
	}

	// --- slot intersection
	// ----------------------------------------------------------------------

	@Test
	void evaluateWhenSlotIntersectionIsEmptyReturnsPending() {
		assertThat(evaluate(organizerAcceptingAll(), accepted(ALICE, Set.of(S0.id()), ALL_VENUES),
				accepted(BOB, Set.of(S1.id()), ALL_VENUES)))
			.isEqualTo(new Consensus.Pending());
	}

	@Test
	void evaluateWhenOrganizerHasNotAcceptedTheSharedSlotReturnsPending() {
		assertThat(
				evaluate(organizer(Set.of(S0.id()), ALL_VENUES), accepted(ALICE, Set.of(S1.id(), S2.id()), ALL_VENUES)))
			.isEqualTo(new Consensus.Pending());
	}

	@Test
	void evaluateWhenOrganizerAcceptedCounteredSlotConfirmsOnIt() {
		ProposedSlot counteredSlot = new ProposedSlot(new UUID(0x5107, 3), 3, NOW.plus(Duration.ofDays(4)), 30, "UTC",
				ALICE);
		List<ProposedSlot> slots = List.of(S0, S1, S2, counteredSlot);

		Consensus.Result result = Consensus.evaluate(List.of(organizer(Set.of(S0.id(), counteredSlot.id()), ALL_VENUES),
				countered(ALICE, Set.of(counteredSlot.id()), ALL_VENUES)), slots, VENUES, NOW);

		assertThat(result).isEqualTo(new Consensus.Reached(counteredSlot, V0));
	}

	@Test
	void evaluateWhenSeveralSlotsSharedPicksTheEarliestRegardlessOfIndex() {
		// S1 (index 1) starts before S0 (index 0) and S2 (index 2).
		assertThat(evaluate(organizerAcceptingAll(), accepted(ALICE, ALL_SLOTS, ALL_VENUES)))
			.isEqualTo(new Consensus.Reached(S1, V0));
	}

	@Test
	void evaluateWhenSharedSlotsStartAtTheSameTimePicksTheLowestIndex() {
		Instant sameStart = NOW.plus(Duration.ofDays(5));
		ProposedSlot index4 = new ProposedSlot(new UUID(0x5107, 4), 4, sameStart, 60, "UTC", ORGANIZER);
		ProposedSlot index3 = new ProposedSlot(new UUID(0x5107, 3), 3, sameStart, 90, "UTC", ALICE);
		// listed with the higher index first so that list order cannot decide
		List<ProposedSlot> slots = List.of(index4, index3);
		Set<UUID> both = Set.of(index3.id(), index4.id());

		Consensus.Result result = Consensus
			.evaluate(List.of(organizer(both, Set.of()), accepted(ALICE, both, Set.of())), slots, List.of(), NOW);

		assertThat(result).isEqualTo(new Consensus.Reached(index3, null));
	}

	@Test
	void evaluateWhenEarlierSlotHasHigherIndexPicksTheEarlierSlot() {
		ProposedSlot late = new ProposedSlot(new UUID(0x5107, 0), 0, NOW.plus(Duration.ofDays(9)), 60, "UTC",
				ORGANIZER);
		ProposedSlot early = new ProposedSlot(new UUID(0x5107, 7), 7, NOW.plus(Duration.ofHours(1)), 60, "UTC", ALICE);
		Set<UUID> both = Set.of(late.id(), early.id());

		Consensus.Result result = Consensus.evaluate(
				List.of(organizer(both, Set.of()), accepted(ALICE, both, Set.of())), List.of(late, early), List.of(),
				NOW);

		assertThat(result).isEqualTo(new Consensus.Reached(early, null));
	}

	// --- slots that have already started
	// --------------------------------------------------------

	@Test
	void evaluateWhenTheOnlySharedSlotHasStartedReturnsPending() {
		ProposedSlot started = slot(5, NOW.minus(Duration.ofMinutes(1)));
		Consensus.Result result = Consensus.evaluate(
				List.of(organizer(Set.of(started.id(), S0.id()), ALL_VENUES),
						accepted(ALICE, Set.of(started.id(), S1.id()), ALL_VENUES)),
				List.of(S0, S1, started), VENUES, NOW);

		assertThat(result).isEqualTo(new Consensus.Pending());
	}

	@Test
	void evaluateWhenTheOnlySharedSlotStartsExactlyNowReturnsPending() {
		ProposedSlot startingNow = slot(5, NOW);
		Set<UUID> only = Set.of(startingNow.id());

		Consensus.Result result = Consensus.evaluate(
				List.of(organizer(only, ALL_VENUES), accepted(ALICE, only, ALL_VENUES)), List.of(startingNow), VENUES,
				NOW);

		assertThat(result).isEqualTo(new Consensus.Pending());
	}

	@Test
	void evaluateWhenEarliestSharedSlotHasStartedPicksTheEarliestFutureOne() {
		ProposedSlot started = slot(5, NOW.minus(Duration.ofHours(2)));
		Set<UUID> shared = Set.of(started.id(), S0.id(), S2.id());

		Consensus.Result result = Consensus.evaluate(
				List.of(organizer(shared, ALL_VENUES), accepted(ALICE, shared, ALL_VENUES)),
				List.of(S0, S1, S2, started), VENUES, NOW);

		assertThat(result).isEqualTo(new Consensus.Reached(S0, V0));
	}

	@Test
	void evaluateWhenSlotStartsOneSecondFromNowStillCountsIt() {
		ProposedSlot soon = slot(5, NOW.plusSeconds(1));
		Set<UUID> only = Set.of(soon.id());

		Consensus.Result result = Consensus.evaluate(
				List.of(organizer(only, Set.of()), accepted(ALICE, only, Set.of())), List.of(soon), List.of(), NOW);

		assertThat(result).isEqualTo(new Consensus.Reached(soon, null));
	}

	// --- venues
	// ---------------------------------------------------------------------------------

	@Test
	void evaluateWhenVenueIntersectionIsEmptyReturnsPending() {
		assertThat(evaluate(organizerAcceptingAll(), accepted(ALICE, ALL_SLOTS, Set.of(V0.id())),
				accepted(BOB, ALL_SLOTS, Set.of(V1.id()))))
			.isEqualTo(new Consensus.Pending());
	}

	@Test
	void evaluateWhenAnInviteeAcceptedNoVenueWhileVenuesExistReturnsPending() {
		assertThat(evaluate(organizerAcceptingAll(), accepted(ALICE, ALL_SLOTS, Set.of())))
			.isEqualTo(new Consensus.Pending());
	}

	@Test
	void evaluateWhenNoVenueWasProposedConfirmsWithNullVenue() {
		Consensus.Result result = Consensus.evaluate(
				List.of(organizer(ALL_SLOTS, Set.of()), accepted(ALICE, Set.of(S2.id()), Set.of())), SLOTS, List.of(),
				NOW);

		assertThat(result).isEqualTo(new Consensus.Reached(S2, null));
	}

	@Test
	void evaluateWhenSeveralVenuesSharedPicksTheLowestIndex() {
		ProposedVenue v2 = venue(2, "Bonanza");
		ProposedVenue v3 = venue(3, "The Barn");
		// listed with the higher index first so that list order cannot decide
		List<ProposedVenue> venues = List.of(v3, V1, v2, V0);

		Consensus.Result result = Consensus
			.evaluate(List.of(organizer(ALL_SLOTS, Set.of(V0.id(), V1.id(), v2.id(), v3.id())),
					accepted(ALICE, ALL_SLOTS, Set.of(V1.id(), v2.id(), v3.id())),
					countered(BOB, ALL_SLOTS, Set.of(V0.id(), v2.id(), v3.id()))), SLOTS, venues, NOW);

		// shared venues: v2 and v3 -> v2 (lowest index); V0 and V1 are not shared by
		// everyone
		assertThat(result).isEqualTo(new Consensus.Reached(S1, v2));
	}

	@Test
	void evaluateWhenVenuesSharedButNoSlotSharedReturnsPending() {
		assertThat(evaluate(organizer(Set.of(S0.id()), ALL_VENUES), accepted(ALICE, Set.of(S2.id()), ALL_VENUES)))
			.isEqualTo(new Consensus.Pending());
	}

	@Test
	void evaluateWhenOrganizerHasNotAcceptedTheSharedVenueReturnsPending() {
		assertThat(evaluate(organizer(ALL_SLOTS, Set.of(V0.id())), accepted(ALICE, ALL_SLOTS, Set.of(V1.id()))))
			.isEqualTo(new Consensus.Pending());
	}

	// --- combined scenario
	// ----------------------------------------------------------------------

	@Test
	void evaluateWithManyParticipantsIntersectsEveryActiveParticipant() {
		Consensus.Result result = evaluate(organizer(Set.of(S0.id(), S1.id(), S2.id()), Set.of(V0.id(), V1.id())),
				accepted(ALICE, Set.of(S0.id(), S2.id()), Set.of(V1.id(), V0.id())),
				countered(BOB, Set.of(S2.id(), S0.id()), Set.of(V1.id())), declined(CAROL));

		// shared slots: S0 (day 2), S2 (day 3) -> S0; shared venues: V1
		assertThat(result).isEqualTo(new Consensus.Reached(S0, V1));
	}

}
