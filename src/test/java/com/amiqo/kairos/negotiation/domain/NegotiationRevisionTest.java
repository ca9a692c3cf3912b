package com.amiqo.kairos.negotiation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Cancelled;
import com.amiqo.kairos.negotiation.domain.Decisions.NoChange;
import com.amiqo.kairos.negotiation.domain.Decisions.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The negotiation rules: revision and a whole negotiation. */
class NegotiationRevisionTest extends NegotiationRulesFixture {

	@Test
	void replyWhenEveryAppliedChangeBumpsRevisionByOne() {
		Negotiation draft = negotiation(NegotiationState.AWAITING_INVITES, organizer(), invited(ALICE), invited(BOB));

		Negotiation sent = applied(draft, ORGANIZER, Reply.accept()).next();
		Negotiation aliceCountered = applied(sent, ALICE, Reply.counter(List.of(NEW_SLOT_OPTION), List.of())).next();
		Negotiation organizerAgreed = applied(aliceCountered, ORGANIZER, Reply.accept()).next();
		Applied bobAccepts = applied(organizerAgreed, BOB, Reply.accept(Set.of(NEW_1), Set.of(V1.id())));

		assertThat(sent.revision()).isEqualTo(REVISION + 1);
		assertThat(aliceCountered.revision()).isEqualTo(REVISION + 2);
		assertThat(organizerAgreed.revision()).isEqualTo(REVISION + 3);
		assertThat(bobAccepts.next().revision()).isEqualTo(REVISION + 4);
		assertThat(bobAccepts.outcome()).isEqualTo(Outcome.CONFIRMED);
		assertThat(bobAccepts.next().state()).isEqualTo(NegotiationState.CONFIRMED);
		assertThat(bobAccepts.next().finalSlotId()).isEqualTo(NEW_1);
		assertThat(bobAccepts.next().finalVenueId()).isEqualTo(V1.id());
		assertThat(bobAccepts.next().agentRound()).isEqualTo(1);

		Decisions.CancelDecision cancel = bobAccepts.next().cancel(ORGANIZER, NOW);
		assertThat(cancel).isInstanceOf(Cancelled.class);
		assertThat(((Cancelled) cancel).wasConfirmed()).isTrue();
		assertThat(((Cancelled) cancel).next().revision()).isEqualTo(REVISION + 5);
	}

	@Test
	void replyWhenNoChangeOrRefusedKeepsTheRevision() {
		Negotiation negotiation = open(accepted(ALICE, ALL_SLOTS, ALL_VENUES), invited(BOB));

		assertThat(reply(negotiation, ALICE, Reply.accept())).isEqualTo(new NoChange());
		assertThatThrownBy(() -> reply(negotiation, ORGANIZER, Reply.decline())).isInstanceOf(NegotiationRefusal.class);
		assertThat(negotiation.revision()).isEqualTo(REVISION);
	}

	@Test
	void replyWhenAppliedLeavesTheOriginalNegotiationUntouched() {
		Negotiation negotiation = open(invited(ALICE), invited(BOB));

		applied(negotiation, ALICE, Reply.counter(List.of(NEW_SLOT_OPTION), List.of(NEW_VENUE_OPTION)));

		assertThat(negotiation).isEqualTo(open(invited(ALICE), invited(BOB)));
	}

	@Test
	void constructorWhenListsChangeAfterwardsKeepsItsOwnCopies() {
		List<Participant> participants = new ArrayList<>(List.of(organizer(), invited(ALICE)));
		List<ProposedSlot> slots = new ArrayList<>(SLOTS);
		Negotiation negotiation = new Negotiation(NEGOTIATION_ID, ORGANIZER, NegotiationState.AWAITING_REPLIES,
				participants, slots, VENUES, EXPIRES_AT, 0, REVISION, null, null, true);

		participants.add(invited(BOB));
		slots.clear();

		assertThat(negotiation.participants()).hasSize(2);
		assertThat(negotiation.slots()).isEqualTo(SLOTS);
	}

}
