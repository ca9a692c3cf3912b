package com.amiqo.kairos.negotiation.domain;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consensus over yes / if-need-be answers, automatic confirmation switched off, the
 * deadline's pick, who attends, and the organizer's finalize, on the pure domain model.
 */
class GroupConsensusTest extends NegotiationRulesFixture {

	private static Participant answered(java.util.UUID user, Set<java.util.UUID> yesSlots,
			Set<java.util.UUID> maybeSlots) {
		return new Participant(user, ParticipantStatus.ACCEPTED, yesSlots, ALL_VENUES, maybeSlots, Set.of(),
				NOW.minusSeconds(10));
	}

	@Test
	void evaluateWhenOnlyIfNeedBeJoinsEveryonePicksTheSlotWithMostYes() {
		List<Participant> group = List.of(organizer(), answered(ALICE, Set.of(S1.id()), Set.of(S0.id())),
				answered(BOB, ALL_SLOTS, Set.of()));

		Consensus.Result result = Consensus.evaluate(group, SLOTS, VENUES, NOW);

		assertThat(result).isEqualTo(new Consensus.Reached(S1, V0));
	}

	@Test
	void evaluateWhenYesCountsTieTakesTheEarliest() {
		List<Participant> group = List.of(organizer(), answered(ALICE, Set.of(S1.id()), Set.of(S0.id())),
				answered(BOB, Set.of(S0.id()), Set.of(S1.id())));

		assertThat(Consensus.evaluate(group, SLOTS, VENUES, NOW)).isEqualTo(new Consensus.Reached(S0, V0));
	}

	@Test
	void evaluateWhenSomeoneHasNotAnsweredOrAutoConfirmIsOffStaysPending() {
		List<Participant> waiting = List.of(organizer(), answered(ALICE, ALL_SLOTS, Set.of()), invited(BOB));
		List<Participant> everyone = List.of(organizer(), answered(ALICE, ALL_SLOTS, Set.of()),
				answered(BOB, ALL_SLOTS, Set.of()));

		assertThat(Consensus.evaluate(waiting, SLOTS, VENUES, NOW)).isInstanceOf(Consensus.Pending.class);
		assertThat(Consensus.evaluate(everyone, SLOTS, VENUES, false, NOW)).isInstanceOf(Consensus.Pending.class);
		assertThat(Consensus.evaluate(everyone, SLOTS, VENUES, true, NOW)).isInstanceOf(Consensus.Reached.class);
	}

	@Test
	void atDeadlineWhenEnoughCanComePicksMostCanComeThenMostYesElseNothing() {
		// S0: organizer yes, Alice maybe (2 can come); S1: organizer only.
		List<Participant> group = List.of(organizer(Set.of(S0.id(), S1.id()), ALL_VENUES),
				answered(ALICE, Set.of(), Set.of(S0.id())), invited(BOB));

		assertThat(Consensus.atDeadline(group, SLOTS, VENUES, 2, NOW)).isEqualTo(new Consensus.Reached(S0, V0));
		assertThat(Consensus.atDeadline(group, SLOTS, VENUES, 3, NOW)).isInstanceOf(Consensus.Pending.class);
	}

	@Test
	void atDeadlineWhenPickBestHasTooFewExpiresAndOtherwiseConfirms() {
		Deciding pickBest = new Deciding(false, OnDeadline.PICK_BEST, 2);
		Negotiation alone = new Negotiation(NEGOTIATION_ID, ORGANIZER, NegotiationState.AWAITING_REPLIES,
				List.of(organizer(), invited(ALICE)), SLOTS, VENUES, NOW.minusSeconds(1), 0, REVISION, null, null, true,
				pickBest);
		Negotiation withAlice = new Negotiation(NEGOTIATION_ID, ORGANIZER, NegotiationState.AWAITING_REPLIES,
				List.of(organizer(), answered(ALICE, Set.of(S1.id()), Set.of())), SLOTS, VENUES, NOW.minusSeconds(1), 0,
				REVISION, null, null, true, pickBest);

		assertThat(alone.atDeadline(NOW).state()).isEqualTo(NegotiationState.EXPIRED);
		Negotiation confirmed = withAlice.atDeadline(NOW);
		assertThat(confirmed.state()).isEqualTo(NegotiationState.CONFIRMED);
		assertThat(confirmed.finalSlotId()).isEqualTo(S1.id());
		assertThat(confirmed.attendeeCount()).isEqualTo(2);
		assertThat(withAlice.effectiveState(NOW)).isEqualTo(NegotiationState.CONFIRMED);
	}

	@Test
	void finalizeWhenTheOrganizerPicksDecidesWhoAttendsAndWhoIsTentative() {
		Negotiation open = negotiation(NegotiationState.AWAITING_REPLIES, organizer(),
				answered(ALICE, Set.of(S0.id()), Set.of(S1.id())), answered(BOB, Set.of(S0.id()), Set.of()),
				invited(CAROL));

		Negotiation confirmed = ((Decisions.Finalized) open.finalize(ORGANIZER, S1.id(), V0.id(), null, NOW)).next();

		assertThat(confirmed.state()).isEqualTo(NegotiationState.CONFIRMED);
		assertThat(confirmed.revision()).isEqualTo(REVISION + 1);
		assertThat(confirmed.isAttending(participant(confirmed, ALICE))).isTrue();
		assertThat(confirmed.isTentative(participant(confirmed, ALICE))).isTrue();
		assertThat(confirmed.isAttending(participant(confirmed, BOB))).isFalse();
		assertThat(confirmed.isAttending(participant(confirmed, CAROL))).isFalse();
		assertThat(confirmed.attendeeCount()).isEqualTo(2);
		assertThat(confirmed.finalize(ORGANIZER, S1.id(), V0.id(), null, NOW)).isInstanceOf(Decisions.NoChange.class);
		assertThatThrownBy(() -> confirmed.finalize(ORGANIZER, S0.id(), V0.id(), null, NOW))
			.hasMessageContaining("confirmed");
	}

	@Test
	void replyWhenInviteeAcceptsAConfirmedPlanTheFinalOptionsBecomeYes() {
		Negotiation open = negotiation(NegotiationState.AWAITING_REPLIES, organizer(),
				answered(ALICE, Set.of(S0.id()), Set.of()), invited(BOB));
		Negotiation confirmed = ((Decisions.Finalized) open.finalize(ORGANIZER, S0.id(), V1.id(), null, NOW)).next();

		Applied rsvp = (Applied) confirmed.reply(BOB, Reply.accept(), NOW, () -> {
			throw new AssertionError("an RSVP adds no option");
		});

		assertThat(rsvp.outcome()).isEqualTo(Outcome.RSVP);
		Participant bob = participant(rsvp.next(), BOB);
		assertThat(bob.acceptedSlotIds()).containsExactly(S0.id());
		assertThat(bob.acceptedVenueIds()).containsExactly(V1.id());
		assertThat(rsvp.next().isAttending(bob)).isTrue();
		assertThat(rsvp.next().isTentative(bob)).isFalse();
	}

	@Test
	void remindersWhenSentLongBeforeComeADayAheadElseHalfwayElseNone() {
		java.time.Instant sent = NOW;
		assertThat(Reminders.dueAt(sent, sent.plus(java.time.Duration.ofDays(7))))
			.isEqualTo(sent.plus(java.time.Duration.ofDays(6)));
		assertThat(Reminders.dueAt(sent, sent.plus(java.time.Duration.ofHours(48))))
			.isEqualTo(sent.plus(java.time.Duration.ofHours(24)));
		assertThat(Reminders.dueAt(sent, sent.plus(java.time.Duration.ofHours(10))))
			.isEqualTo(sent.plus(java.time.Duration.ofHours(5)));
		assertThat(Reminders.dueAt(sent, sent.plus(java.time.Duration.ofHours(2))))
			.isEqualTo(sent.plus(java.time.Duration.ofHours(1)));
		assertThat(Reminders.dueAt(sent, sent.plus(java.time.Duration.ofMinutes(119)))).isNull();
	}

}
