package com.amiqo.kairos.negotiation.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Expired;
import com.amiqo.kairos.negotiation.domain.Decisions.NoChange;
import com.amiqo.kairos.negotiation.domain.Decisions.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/** The negotiation rules: expiry. */
class NegotiationExpiryTest extends NegotiationRulesFixture {

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

		assertInvalidTransition(() -> reply(confirmed, BOB, Reply.counter(List.of(NEW_SLOT_OPTION), List.of())),
				NegotiationState.CONFIRMED, "counter");
	}

	@Test
	void replyWhenCancelledNegotiationIsPastExpiresAtThrowsInvalidStateTransitionNotExpired() {
		Negotiation cancelled = withExpiry(matrixNegotiation(NegotiationState.CANCELLED), NOW.minusSeconds(1));

		assertInvalidTransition(() -> reply(cancelled, BOB, Reply.decline()), NegotiationState.CANCELLED, "decline");
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
				negotiation.participants(), SLOTS, VENUES, EXPIRES_AT, 3, REVISION + 1, null, null, true));
	}

}
