package com.amiqo.kairos.negotiation.domain;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The negotiation rules: whether a negotiation waits for a participant (awaiting_me). */
class NegotiationAwaitingTest extends NegotiationRulesFixture {

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
		// (Bob has not answered, so it is not yet the organizer's call either.)
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES, organizer(Set.of(S0.id()), ALL_VENUES),
				countered(ALICE, Set.of(S1.id()), ALL_VENUES), invited(BOB));

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

		Negotiation aliceAnswered = applied(countered, ALICE, Reply.accept(Set.of(S0.id()), null), NOW.plusSeconds(1))
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
				List.of(organizer(), countered(BOB, Set.of(S0.id()), ALL_VENUES), invited(ALICE)),
				List.of(S0, S1, startedSlot), VENUES, EXPIRES_AT);

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
