package com.amiqo.kairos.negotiation.domain;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/** The negotiation rules: decline, alone and in groups. */
class NegotiationDeclineTest extends NegotiationRulesFixture {

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
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES, organizer(Set.of(S1.id()), ALL_VENUES),
				declined(ALICE), accepted(BOB, Set.of(S0.id()), Set.of(V1.id())), invited(CAROL));
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
