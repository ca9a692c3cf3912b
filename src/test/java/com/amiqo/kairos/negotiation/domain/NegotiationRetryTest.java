package com.amiqo.kairos.negotiation.domain;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.NoChange;
import com.amiqo.kairos.negotiation.domain.Decisions.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/** The negotiation rules: no-op retries. */
class NegotiationRetryTest extends NegotiationRulesFixture {

	@ParameterizedTest
	@EnumSource(value = NegotiationState.class, names = "AWAITING_INVITES", mode = EnumSource.Mode.EXCLUDE)
	void replyWhenInviteeRepeatsAcceptOfAllOptionsReturnsNoChange(NegotiationState state) {
		Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB));

		assertThat(reply(negotiation, ALICE, Reply.accept())).isEqualTo(new NoChange());
	}

	@ParameterizedTest
	@EnumSource(value = NegotiationState.class, names = "AWAITING_INVITES", mode = EnumSource.Mode.EXCLUDE)
	void replyWhenInviteeRepeatsAcceptWithSameExplicitSetsReturnsNoChange(NegotiationState state) {
		Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, Set.of(S1.id()), Set.of(V0.id())),
				invited(BOB));

		assertThat(reply(negotiation, ALICE, Reply.accept(Set.of(S1.id()), Set.of(V0.id())))).isEqualTo(new NoChange());
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

		assertThat(reply(negotiation, ALICE, Reply.counter(List.of(S1_OPTION), List.of()))).isEqualTo(new NoChange());
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
		Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB));

		assertThat(reply(negotiation, ORGANIZER, Reply.accept())).isEqualTo(new NoChange());
		assertThat(reply(negotiation, ORGANIZER, Reply.accept(ALL_SLOTS, ALL_VENUES))).isEqualTo(new NoChange());
	}

	@ParameterizedTest
	@EnumSource(NegotiationState.class)
	void replyWhenOrganizerRepeatsCounterOfExistingOptionsReturnsNoChange(NegotiationState state) {
		Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB));

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
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
				List.of(organizer(), accepted(ALICE, ALL_SLOTS, ALL_VENUES), countered(BOB, Set.of(NEW_3), ALL_VENUES)),
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

		Applied applied = applied(negotiation, ALICE, Reply.counter(List.of(S1_OPTION, NEW_SLOT_OPTION), List.of()));

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
