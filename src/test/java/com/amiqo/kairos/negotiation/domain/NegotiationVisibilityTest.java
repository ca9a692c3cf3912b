package com.amiqo.kairos.negotiation.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The negotiation rules: who sees a negotiation. */
class NegotiationVisibilityTest extends NegotiationRulesFixture {

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
		Negotiation negotiation = negotiation(state, organizer(), accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB),
				declined(CAROL));

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
