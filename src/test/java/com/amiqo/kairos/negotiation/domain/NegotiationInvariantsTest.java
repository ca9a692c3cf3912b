package com.amiqo.kairos.negotiation.domain;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What {@link Negotiation} refuses to be, whoever builds it (a rule, a row read back, a
 * test), and how {@link Negotiation#start} builds a new one.
 */
class NegotiationInvariantsTest extends NegotiationRulesFixture {

	private static Negotiation build(UUID ownerId, NegotiationState state, List<Participant> participants,
			List<ProposedSlot> slots, List<ProposedVenue> venues, @Nullable UUID finalSlot, @Nullable UUID finalVenue,
			boolean sent) {
		return new Negotiation(NEGOTIATION_ID, ownerId, state, participants, slots, venues, EXPIRES_AT, 0, REVISION,
				finalSlot, finalVenue, sent);
	}

	private static Negotiation openWith(List<Participant> participants) {
		return build(ORGANIZER, NegotiationState.AWAITING_REPLIES, participants, SLOTS, VENUES, null, null, true);
	}

	@Test
	void constructorWhenEverythingHoldsBuildsTheNegotiation() {
		assertThatNoException().isThrownBy(() -> openWith(List.of(organizer(), invited(ALICE))));
	}

	@Test
	void constructorWhenOwnerIsAnInviteeThrowsIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> build(ALICE, NegotiationState.AWAITING_REPLIES, List.of(organizer(), invited(ALICE)),
					SLOTS, VENUES, null, null, true))
			.withMessageContaining("organizer");
	}

	@Test
	void constructorWhenNoParticipantIsOrganizerThrowsIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> openWith(List.of(invited(ORGANIZER), invited(ALICE))))
			.withMessageContaining("organizer");
	}

	@Test
	void constructorWhenTwoParticipantsAreOrganizersThrowsIllegalArgument() {
		Participant secondOrganizer = new Participant(ALICE, ParticipantStatus.ORGANIZER, ALL_SLOTS, ALL_VENUES, NOW);

		assertThatIllegalArgumentException().isThrownBy(() -> openWith(List.of(organizer(), secondOrganizer)))
			.withMessageContaining("organizer");
	}

	@Test
	void constructorWhenSomeoneTakesPartTwiceThrowsIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> openWith(List.of(organizer(), invited(ALICE), declined(ALICE))))
			.withMessageContaining("participant");
	}

	@Test
	void constructorWhenTwoSlotsShareAnIdThrowsIllegalArgument() {
		ProposedSlot sameId = new ProposedSlot(S0.id(), 1, S1.startsAt(), 60, "UTC", ORGANIZER);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> build(ORGANIZER, NegotiationState.AWAITING_REPLIES, List.of(organizer()),
					List.of(S0, sameId), VENUES, null, null, true))
			.withMessageContaining("slot id");
	}

	@Test
	void constructorWhenTwoVenuesShareAnIdThrowsIllegalArgument() {
		ProposedVenue sameId = new ProposedVenue(V0.id(), 1, "Elsewhere", null, null, ORGANIZER);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> build(ORGANIZER, NegotiationState.AWAITING_REPLIES, List.of(organizer()), SLOTS,
					List.of(V0, sameId), null, null, true))
			.withMessageContaining("venue id");
	}

	@Test
	void constructorWhenConfirmedWithoutFinalSlotThrowsIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> build(ORGANIZER, NegotiationState.CONFIRMED, List.of(organizer()), SLOTS, VENUES, null,
					null, true))
			.withMessageContaining("final slot");
	}

	@ParameterizedTest
	@EnumSource(value = NegotiationState.class, names = { "AWAITING_INVITES", "AWAITING_REPLIES", "EXPIRED" })
	void constructorWhenNotConfirmedHasFinalSlotThrowsIllegalArgument(NegotiationState state) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> build(ORGANIZER, state, List.of(organizer()), SLOTS, VENUES, S0.id(), null,
					state != NegotiationState.AWAITING_INVITES))
			.withMessageContaining("final slot");
	}

	@Test
	void constructorWhenCancelledPlanKeepsItsFinalOptionsBuildsIt() {
		Negotiation cancelled = build(ORGANIZER, NegotiationState.CANCELLED, List.of(organizer()), SLOTS, VENUES,
				S0.id(), V0.id(), true);

		assertThat(cancelled.finalSlotId()).isEqualTo(S0.id());
	}

	@Test
	void constructorWhenFinalVenueWithoutFinalSlotThrowsIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> build(ORGANIZER, NegotiationState.CANCELLED, List.of(organizer()), SLOTS, VENUES, null,
					V0.id(), true))
			.withMessageContaining("final venue");
	}

	@Test
	void constructorWhenFinalSlotIsNoOptionThrowsIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> build(ORGANIZER, NegotiationState.CONFIRMED, List.of(organizer()), SLOTS, VENUES,
					UNKNOWN_ID, null, true))
			.withMessageContaining("not one of the options");
	}

	@Test
	void constructorWhenFinalVenueIsNoOptionThrowsIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> build(ORGANIZER, NegotiationState.CONFIRMED, List.of(organizer()), SLOTS, VENUES, S0.id(),
					UNKNOWN_ID, true))
			.withMessageContaining("not one of the options");
	}

	@Test
	void constructorWhenDraftIsMarkedSentThrowsIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> build(ORGANIZER, NegotiationState.AWAITING_INVITES, List.of(organizer()), SLOTS, VENUES,
					null, null, true))
			.withMessageContaining("draft");
	}

	@ParameterizedTest
	@EnumSource(value = NegotiationState.class, names = { "AWAITING_REPLIES", "CONFIRMED" })
	void constructorWhenSentStateIsMarkedUnsentThrowsIllegalArgument(NegotiationState state) {
		UUID finalSlot = state == NegotiationState.CONFIRMED ? S0.id() : null;

		assertThatIllegalArgumentException()
			.isThrownBy(() -> build(ORGANIZER, state, List.of(organizer()), SLOTS, VENUES, finalSlot, null, false))
			.withMessageContaining("draft");
	}

	@ParameterizedTest
	@EnumSource(value = NegotiationState.class, names = { "CANCELLED", "EXPIRED" })
	void constructorWhenDraftEndedUnsentBuildsIt(NegotiationState state) {
		assertThat(build(ORGANIZER, state, List.of(organizer()), SLOTS, VENUES, null, null, false).sent()).isFalse();
	}

	@Test
	void constructorWhenRevisionIsNegativeThrowsIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Negotiation(NEGOTIATION_ID, ORGANIZER, NegotiationState.AWAITING_REPLIES,
					List.of(organizer()), SLOTS, VENUES, EXPIRES_AT, 0, -1, null, null, true))
			.withMessageContaining("revision");
	}

	@Test
	void constructorWhenAgentRoundIsNegativeThrowsIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Negotiation(NEGOTIATION_ID, ORGANIZER, NegotiationState.AWAITING_REPLIES,
					List.of(organizer()), SLOTS, VENUES, EXPIRES_AT, -1, 0, null, null, true))
			.withMessageContaining("agent round");
	}

	@Test
	void startWhenSentMakesOrganizerAcceptEveryOptionAndInviteesInvitedInOrder() {
		Negotiation started = Negotiation.start(NEGOTIATION_ID, ORGANIZER, List.of(BOB, ALICE),
				List.of(S0_OPTION, NEW_SLOT_OPTION), List.of(V1_OPTION), EXPIRES_AT, true, NOW, newIds);

		assertThat(started.state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		assertThat(started.sent()).isTrue();
		assertThat(started.revision()).isZero();
		assertThat(started.agentRound()).isZero();
		assertThat(started.slots()).containsExactly(
				new ProposedSlot(NEW_1, 0, S0_OPTION.startsAt(), 60, "Europe/Berlin", ORGANIZER, NOW),
				new ProposedSlot(NEW_2, 1, NEW_SLOT_OPTION.startsAt(), 45, "Europe/Paris", ORGANIZER, NOW));
		assertThat(started.venues())
			.containsExactly(new ProposedVenue(NEW_3, 0, "Five Elephant", null, null, ORGANIZER, NOW));
		assertThat(started.participants()).containsExactly(
				new Participant(ORGANIZER, ParticipantStatus.ORGANIZER, Set.of(NEW_1, NEW_2), Set.of(NEW_3), NOW),
				invited(BOB), invited(ALICE));
		assertThat(started.expiresAt()).isEqualTo(EXPIRES_AT);
	}

	@Test
	void startWhenNotSentMakesAnUnsentDraft() {
		Negotiation draft = Negotiation.start(NEGOTIATION_ID, ORGANIZER, List.of(ALICE), List.of(S0_OPTION), List.of(),
				NOW.plus(Duration.ofDays(1)), false, NOW, newIds);

		assertThat(draft.state()).isEqualTo(NegotiationState.AWAITING_INVITES);
		assertThat(draft.sent()).isFalse();
		assertThat(draft.isVisibleTo(ALICE)).isFalse();
	}

}
