package com.amiqo.kairos.negotiation.domain;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The negotiation rules: counter: the accepted sets it leaves, the agent round and the
 * consensus that follows.
 */
class NegotiationCounterSetsTest extends NegotiationRulesFixture {

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
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES, organizer(ALL_SLOTS, Set.of(V1.id())),
				invited(ALICE));

		Applied applied = applied(negotiation, ORGANIZER,
				counter(List.of(NEW_SLOT_OPTION), List.of(), Set.of(S0.id()), null));

		assertThat(participant(applied.next(), ORGANIZER)).isEqualTo(
				new Participant(ORGANIZER, ParticipantStatus.ORGANIZER, Set.of(NEW_1, S0.id()), Set.of(V1.id()), NOW));
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
	void replyWhenCounterAlsoNamesASharedExistingSlotWaitsForTheOrganizerToAnswerTheNewTime() {
		Negotiation negotiation = open(invited(ALICE));

		Applied applied = applied(negotiation, ALICE,
				counter(List.of(NEW_SLOT_OPTION), List.of(), Set.of(S1.id()), null));

		// S1 works for both, but the organizer has not answered the new time yet.
		assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		assertThat(applied.next().isAwaiting(ORGANIZER, NOW)).isTrue();
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
		assertThat(participant(organizerAgrees.next(), ORGANIZER).acceptedSlotIds()).containsExactlyInAnyOrder(S0.id(),
				S1.id(), NEW_1);
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

}
