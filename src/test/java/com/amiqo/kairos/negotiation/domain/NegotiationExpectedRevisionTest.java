package com.amiqo.kairos.negotiation.domain;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Expired;
import com.amiqo.kairos.negotiation.domain.Decisions.NoChange;

import static org.assertj.core.api.Assertions.assertThat;

/** The negotiation rules: If-Match (expected revision). */
class NegotiationExpectedRevisionTest extends NegotiationRulesFixture {

	private Decisions.ReplyDecision replyExpecting(Negotiation negotiation, UUID userId, Reply reply,
			Integer expectedRevision) {
		return negotiation.reply(userId, reply, expectedRevision, NOW, newIds);
	}

	@Test
	void replyWhenExpectedRevisionMatchesIsApplied() {
		Negotiation negotiation = open(invited(ALICE), invited(BOB));

		Decisions.ReplyDecision decision = replyExpecting(negotiation, ALICE, Reply.accept(), REVISION);

		assertThat(decision).isInstanceOf(Applied.class);
		assertThat(((Applied) decision).next().revision()).isEqualTo(REVISION + 1);
	}

	@Test
	void replyWhenExpectedRevisionIsNullSkipsTheCheck() {
		Negotiation negotiation = open(invited(ALICE), invited(BOB));

		assertThat(replyExpecting(negotiation, ALICE, Reply.accept(), null)).isInstanceOf(Applied.class);
	}

	@ParameterizedTest
	@ValueSource(ints = { REVISION - 1, REVISION + 1, 0 })
	void replyWhenExpectedRevisionIsStaleThrowsPreconditionFailed(int expected) {
		Negotiation negotiation = open(invited(ALICE), invited(BOB));

		assertApiError(() -> replyExpecting(negotiation, ALICE, Reply.accept(), expected),
				ErrorCode.PRECONDITION_FAILED, Map.of("negotiation_id", NEGOTIATION_ID, "current_revision", REVISION));
	}

	@Test
	void replyWhenStaleRevisionButRepeatingRecordedAnswerReturnsNoChange() {
		Negotiation negotiation = open(accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB));

		assertThat(replyExpecting(negotiation, ALICE, Reply.accept(), REVISION - 1)).isEqualTo(new NoChange());
	}

	@Test
	void replyWhenStaleRevisionFromNonParticipantThrowsUserNotParticipant() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(() -> replyExpecting(negotiation, STRANGER, Reply.accept(), REVISION - 1),
				ErrorCode.USER_NOT_PARTICIPANT, Map.of("negotiation_id", NEGOTIATION_ID));
	}

	@Test
	void replyWhenStaleRevisionOnOverdueNegotiationThrowsPreconditionFailedBeforeExpiry() {
		Negotiation overdue = withExpiry(open(invited(ALICE)), NOW.minusSeconds(1));

		assertApiError(() -> replyExpecting(overdue, ALICE, Reply.accept(), REVISION - 1),
				ErrorCode.PRECONDITION_FAILED, Map.of("negotiation_id", NEGOTIATION_ID, "current_revision", REVISION));
	}

	@Test
	void replyWhenMatchingRevisionOnOverdueNegotiationReturnsExpired() {
		Negotiation overdue = withExpiry(open(invited(ALICE)), NOW.minusSeconds(1));

		assertThat(replyExpecting(overdue, ALICE, Reply.accept(), REVISION)).isInstanceOf(Expired.class);
	}

	@Test
	void replyWhenStaleRevisionOnConfirmedThrowsPreconditionFailedBeforeStateCheck() {
		Negotiation confirmed = matrixNegotiation(NegotiationState.CONFIRMED);

		assertApiError(() -> replyExpecting(confirmed, BOB, Reply.accept(), REVISION + 3),
				ErrorCode.PRECONDITION_FAILED, Map.of("negotiation_id", NEGOTIATION_ID, "current_revision", REVISION));
	}

	@Test
	void replyWhenStaleRevisionWithInvalidOptionsThrowsPreconditionFailedBeforeValidation() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(() -> replyExpecting(negotiation, ALICE, Reply.accept(Set.of(UNKNOWN_ID), null), 1),
				ErrorCode.PRECONDITION_FAILED, Map.of("negotiation_id", NEGOTIATION_ID, "current_revision", REVISION));
	}

}
