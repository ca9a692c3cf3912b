package com.amiqo.kairos.negotiation.domain;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Expired;
import com.amiqo.kairos.negotiation.domain.Decisions.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/** The negotiation rules: reply: state x action x role. */
class NegotiationTransitionTest extends NegotiationRulesFixture {

	@Test
	void replyWhenOrganizerAcceptsDraftSendsIt() {
		Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

		Applied applied = applied(draft, ORGANIZER, Reply.accept());

		assertThat(applied.outcome()).isEqualTo(Outcome.SENT);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		assertThat(applied.next().participants()).isEqualTo(draft.participants());
		assertThat(applied.next().slots()).isEqualTo(SLOTS);
		assertThat(applied.next().venues()).isEqualTo(VENUES);
		assertThat(applied.next().revision()).isEqualTo(REVISION + 1);
		assertThat(applied.next().agentRound()).isZero();
		assertThat(applied.next().finalSlotId()).isNull();
		assertThat(applied.next().finalVenueId()).isNull();
		assertThat(applied.next().id()).isEqualTo(NEGOTIATION_ID);
		assertThat(applied.next().expiresAt()).isEqualTo(EXPIRES_AT);
		assertThat(applied.replier()).isEqualTo(organizer());
		assertThat(applied.addedSlots()).isEmpty();
		assertThat(applied.addedVenues()).isEmpty();
	}

	@Test
	void replyWhenOrganizerAcceptsDraftWithChosenSetsSendsItAndKeepsTheirSets() {
		Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

		Applied applied = applied(draft, ORGANIZER, Reply.accept(Set.of(S1.id()), Set.of(V1.id())));

		assertThat(applied.outcome()).isEqualTo(Outcome.SENT);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		assertThat(participant(applied.next(), ORGANIZER).acceptedSlotIds()).isEqualTo(ALL_SLOTS);
		assertThat(participant(applied.next(), ORGANIZER).acceptedVenueIds()).isEqualTo(ALL_VENUES);
	}

	@Test
	void replyWhenOrganizerAcceptsDraftWithItsRecordedSetsStillSendsIt() {
		Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

		Applied applied = applied(draft, ORGANIZER, Reply.accept(ALL_SLOTS, ALL_VENUES));

		assertThat(applied.outcome()).isEqualTo(Outcome.SENT);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("com.amiqo.kairos.negotiation.domain.NegotiationRulesFixture#draftRepliesOtherThanOrganizerAccept")
	void replyWhenDraftGetsAnythingButOrganizerAcceptThrowsInvalidStateTransition(Role role, ReplyAction action) {
		Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

		assertInvalidTransition(() -> reply(draft, user(role), changingReply(role, action)),
				NegotiationState.AWAITING_INVITES, action.value());
	}

	@Test
	void replyWhenOrganizerDeclinesAwaitingRepliesThrowsInvalidStateTransition() {
		Negotiation negotiation = matrixNegotiation(NegotiationState.AWAITING_REPLIES);

		assertInvalidTransition(() -> reply(negotiation, ORGANIZER, Reply.decline()), NegotiationState.AWAITING_REPLIES,
				"decline");
	}

	@Test
	void replyWhenOrganizerAcceptsAwaitingRepliesSetsTheirSetsAndStaysOrganizer() {
		Negotiation negotiation = matrixNegotiation(NegotiationState.AWAITING_REPLIES);

		Applied applied = applied(negotiation, ORGANIZER, Reply.accept(Set.of(S1.id()), Set.of(V1.id())));

		Participant organizer = participant(applied.next(), ORGANIZER);
		assertThat(organizer.status()).isEqualTo(ParticipantStatus.ORGANIZER);
		assertThat(organizer.acceptedSlotIds()).containsExactly(S1.id());
		assertThat(organizer.acceptedVenueIds()).containsExactly(V1.id());
		assertThat(organizer.respondedAt()).isEqualTo(NOW);
		assertThat(applied.replier()).isEqualTo(organizer);
		assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		assertThat(applied.next().revision()).isEqualTo(REVISION + 1);
		assertThat(participant(applied.next(), ALICE)).isEqualTo(participant(negotiation, ALICE));
		assertThat(participant(applied.next(), BOB)).isEqualTo(participant(negotiation, BOB));
	}

	@Test
	void replyWhenOrganizerCountersAwaitingRepliesAddsOptionsAndStaysOrganizer() {
		Negotiation negotiation = matrixNegotiation(NegotiationState.AWAITING_REPLIES);

		Applied applied = applied(negotiation, ORGANIZER, Reply.counter(List.of(NEW_SLOT_OPTION), List.of()));

		Participant organizer = participant(applied.next(), ORGANIZER);
		assertThat(organizer.status()).isEqualTo(ParticipantStatus.ORGANIZER);
		assertThat(organizer.acceptedSlotIds()).containsExactly(NEW_1);
		assertThat(organizer.acceptedVenueIds()).isEqualTo(ALL_VENUES);
		assertThat(applied.addedSlots()).containsExactly(
				new ProposedSlot(NEW_1, 2, NEW_SLOT_OPTION.startsAt(), 45, "Europe/Paris", ORGANIZER, NOW));
		assertThat(applied.next().agentRound()).isEqualTo(1);
		assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
	}

	@Test
	void replyWhenInviteeAcceptsAwaitingRepliesRecordsAccepted() {
		Negotiation negotiation = matrixNegotiation(NegotiationState.AWAITING_REPLIES);

		Applied applied = applied(negotiation, BOB, Reply.accept());

		Participant bob = participant(applied.next(), BOB);
		assertThat(bob).isEqualTo(new Participant(BOB, ParticipantStatus.ACCEPTED, ALL_SLOTS, ALL_VENUES, NOW));
		assertThat(applied.replier()).isEqualTo(bob);
		// Alice (S0, V0), Bob (all) and the organizer (all) share S0 and V0
		assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.CONFIRMED);
	}

	@Test
	void replyWhenInviteeDeclinesAwaitingRepliesRecordsDeclinedWithEmptySets() {
		Negotiation negotiation = open(accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB));

		Applied applied = applied(negotiation, ALICE, Reply.decline());

		assertThat(participant(applied.next(), ALICE))
			.isEqualTo(new Participant(ALICE, ParticipantStatus.DECLINED, Set.of(), Set.of(), NOW));
		assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
	}

	@Test
	void replyWhenInviteeCountersAwaitingRepliesRecordsCountered() {
		Negotiation negotiation = matrixNegotiation(NegotiationState.AWAITING_REPLIES);

		Applied applied = applied(negotiation, BOB, Reply.counter(List.of(NEW_SLOT_OPTION), List.of()));

		Participant bob = participant(applied.next(), BOB);
		assertThat(bob.status()).isEqualTo(ParticipantStatus.COUNTERED);
		assertThat(bob.acceptedSlotIds()).containsExactly(NEW_1);
		assertThat(bob.acceptedVenueIds()).isEqualTo(ALL_VENUES);
		assertThat(bob.respondedAt()).isEqualTo(NOW);
		assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("com.amiqo.kairos.negotiation.domain.NegotiationRulesFixture#confirmedOrCancelledRolesAndActions")
	void replyWhenConfirmedOrCancelledThrowsInvalidStateTransition(NegotiationState state, Role role,
			ReplyAction action) {
		Negotiation negotiation = matrixNegotiation(state);

		assertInvalidTransition(() -> reply(negotiation, user(role), changingReply(role, action)), state,
				action.value());
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("com.amiqo.kairos.negotiation.domain.NegotiationRulesFixture#expiredRolesAndActions")
	void replyWhenMarkedExpiredReturnsExpiredWithTheSameNegotiation(Role role, ReplyAction action) {
		Negotiation expired = matrixNegotiation(NegotiationState.EXPIRED);

		Decisions.ReplyDecision decision = reply(expired, user(role), changingReply(role, action));

		assertThat(decision).isEqualTo(new Expired(expired));
		assertThat(((Expired) decision).expired().revision()).isEqualTo(REVISION);
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("com.amiqo.kairos.negotiation.domain.NegotiationRulesFixture#openStatesRolesAndActions")
	void replyWhenOpenNegotiationIsOverdueReturnsExpiredMarkedExpired(NegotiationState state, Role role,
			ReplyAction action) {
		Negotiation overdue = withExpiry(matrixNegotiation(state), NOW.minus(Duration.ofMinutes(1)));

		Decisions.ReplyDecision decision = reply(overdue, user(role), changingReply(role, action));

		assertThat(decision).isInstanceOf(Expired.class);
		Negotiation expired = ((Expired) decision).expired();
		assertThat(expired.state()).isEqualTo(NegotiationState.EXPIRED);
		assertThat(expired.revision()).isEqualTo(REVISION + 1);
		assertThat(expired.participants()).isEqualTo(overdue.participants());
		assertThat(expired.slots()).isEqualTo(overdue.slots());
		assertThat(expired.venues()).isEqualTo(overdue.venues());
		assertThat(expired.agentRound()).isEqualTo(overdue.agentRound());
		assertThat(expired.expiresAt()).isEqualTo(overdue.expiresAt());
		assertThat(expired.finalSlotId()).isNull();
		assertThat(expired.finalVenueId()).isNull();
	}

}
