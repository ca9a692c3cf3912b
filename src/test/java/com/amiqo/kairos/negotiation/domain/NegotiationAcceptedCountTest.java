package com.amiqo.kairos.negotiation.domain;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The negotiation rules: the accepted count. */
class NegotiationAcceptedCountTest extends NegotiationRulesFixture {

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
