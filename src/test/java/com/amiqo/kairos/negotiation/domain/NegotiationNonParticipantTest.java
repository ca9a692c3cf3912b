package com.amiqo.kairos.negotiation.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.amiqo.kairos.api.error.ErrorCode;

/** The negotiation rules: reply: who may reply. */
class NegotiationNonParticipantTest extends NegotiationRulesFixture {

	@ParameterizedTest
	@EnumSource(NegotiationState.class)
	void replyWhenCallerIsNotParticipantThrowsUserNotParticipant(NegotiationState state) {
		Negotiation negotiation = matrixNegotiation(state);

		for (Reply reply : List.of(Reply.accept(), Reply.decline(),
				Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))) {
			assertApiError(() -> reply(negotiation, STRANGER, reply), ErrorCode.USER_NOT_PARTICIPANT,
					Map.of("negotiation_id", NEGOTIATION_ID));
		}
	}

	@Test
	void replyWhenNonParticipantRepliesToOverdueNegotiationThrowsUserNotParticipantBeforeExpiry() {
		Negotiation overdue = withExpiry(open(invited(ALICE)), NOW.minusSeconds(1));

		assertApiError(() -> reply(overdue, STRANGER, Reply.accept()), ErrorCode.USER_NOT_PARTICIPANT,
				Map.of("negotiation_id", NEGOTIATION_ID));
	}

	@ParameterizedTest
	@EnumSource(NegotiationState.class)
	void cancelWhenCallerIsNotParticipantThrowsUserNotParticipant(NegotiationState state) {
		Negotiation negotiation = matrixNegotiation(state);

		assertApiError(() -> negotiation.cancel(STRANGER, NOW), ErrorCode.USER_NOT_PARTICIPANT,
				Map.of("negotiation_id", NEGOTIATION_ID));
	}

	@Test
	void cancelWhenNonParticipantCancelsOverdueNegotiationThrowsUserNotParticipant() {
		Negotiation overdue = withExpiry(open(invited(ALICE)), NOW.minusSeconds(1));

		assertApiError(() -> overdue.cancel(STRANGER, NOW), ErrorCode.USER_NOT_PARTICIPANT,
				Map.of("negotiation_id", NEGOTIATION_ID));
	}

}
