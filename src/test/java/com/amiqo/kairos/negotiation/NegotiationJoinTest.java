package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.negotiation.domain.Consensus;
import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.NegotiationRefusal;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.Participant;
import com.amiqo.kairos.negotiation.domain.ParticipantStatus;
import com.amiqo.kairos.negotiation.domain.ProposedSlot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Negotiation#join}: someone arriving through an invite link
 * (docs/reference.md#invite-links).
 */
class NegotiationJoinTest {

	private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

	private static final UUID ORGANIZER = new UUID(0x0A, 0);

	private static final ProposedSlot SLOT = new ProposedSlot(new UUID(0x5107, 0), 0, NOW.plusSeconds(86400), 60, "UTC",
			ORGANIZER);

	private static Negotiation withInvitees(int count) {
		List<Participant> participants = new ArrayList<>();
		participants.add(new Participant(ORGANIZER, ParticipantStatus.ORGANIZER, Set.of(SLOT.id()), Set.of(), NOW));
		for (int i = 1; i <= count; i++) {
			participants.add(new Participant(new UUID(0x0B, i), ParticipantStatus.INVITED, Set.of(), Set.of(), null));
		}
		return new Negotiation(UUID.randomUUID(), ORGANIZER, NegotiationState.AWAITING_REPLIES, participants,
				List.of(SLOT), List.of(), NOW.plusSeconds(3600), 0, 4, null, null, true);
	}

	@Test
	void joinWhenRoomIsLeftAddsAnUnansweredInviteeLastAndBumpsRevision() {
		UUID newcomer = new UUID(0x0C, 1);

		Negotiation next = withInvitees(0).join(newcomer);

		assertThat(next.participants()).hasSize(2);
		assertThat(next.participants().get(1))
			.isEqualTo(new Participant(newcomer, ParticipantStatus.INVITED, Set.of(), Set.of(), null));
		assertThat(next.revision()).isEqualTo(5);
		assertThat(next.state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		assertThat(next.isAwaiting(newcomer, NOW)).isTrue();
		assertThat(Consensus.evaluate(next.participants(), next.slots(), next.venues(), NOW))
			.isEqualTo(new Consensus.Pending());
	}

	@Test
	void joinWhenFiftyAreInReturnsNegotiationFull() {
		Negotiation full = withInvitees(49);

		assertThatThrownBy(() -> full.join(new UUID(0x0C, 1))).isInstanceOfSatisfying(NegotiationRefusal.class,
				e -> assertThat(NegotiationRefusalHandler.toApiException(e).code())
					.isEqualTo(ErrorCode.NEGOTIATION_FULL));
		assertThat(withInvitees(48).join(new UUID(0x0C, 1)).participants()).hasSize(50);
	}

}
