package com.amiqo.kairos.negotiation.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Cancelled;
import com.amiqo.kairos.negotiation.domain.Decisions.Expired;

import static org.assertj.core.api.Assertions.assertThat;

/** The negotiation rules: cancel. */
class NegotiationCancelTest extends NegotiationRulesFixture {

	@ParameterizedTest
	@EnumSource(value = NegotiationState.class, names = { "AWAITING_INVITES", "AWAITING_REPLIES" })
	void cancelWhenOrganizerCancelsOpenNegotiationReturnsCancelled(NegotiationState state) {
		Negotiation negotiation = matrixNegotiation(state);

		Decisions.CancelDecision decision = negotiation.cancel(ORGANIZER, NOW);

		assertThat(decision).isEqualTo(new Cancelled(
				new Negotiation(NEGOTIATION_ID, ORGANIZER, NegotiationState.CANCELLED, negotiation.participants(),
						SLOTS, VENUES, EXPIRES_AT, 0, REVISION + 1, null, null, negotiation.sent()),
				false));
	}

	@Test
	void cancelWhenOrganizerCancelsConfirmedReturnsCancelledWasConfirmedKeepingFinalOptions() {
		Negotiation confirmed = matrixNegotiation(NegotiationState.CONFIRMED);

		Decisions.CancelDecision decision = confirmed.cancel(ORGANIZER, NOW);

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

		Decisions.CancelDecision decision = confirmed.cancel(ORGANIZER, NOW);

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

		Decisions.CancelDecision decision = overdue.cancel(ORGANIZER, NOW);

		assertThat(decision).isEqualTo(new Expired(new Negotiation(NEGOTIATION_ID, ORGANIZER, NegotiationState.EXPIRED,
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
		Negotiation negotiation = withExpiry(matrixNegotiation(NegotiationState.AWAITING_REPLIES), NOW.plusSeconds(1));

		assertThat(negotiation.cancel(ORGANIZER, NOW)).isInstanceOf(Cancelled.class);
	}

}
