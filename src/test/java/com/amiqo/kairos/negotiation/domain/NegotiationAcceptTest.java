package com.amiqo.kairos.negotiation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.negotiation.NegotiationRefusalHandler;
import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The negotiation rules: accept. */
class NegotiationAcceptTest extends NegotiationRulesFixture {

	@Test
	void replyWhenInviteeAcceptsWithoutIdsTakesEveryCurrentOption() {
		Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE, Reply.accept());

		assertThat(participant(applied.next(), ALICE))
			.isEqualTo(new Participant(ALICE, ParticipantStatus.ACCEPTED, ALL_SLOTS, ALL_VENUES, NOW));
		assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		assertThat(applied.next().finalSlotId()).isNull();
		assertThat(applied.next().finalVenueId()).isNull();
	}

	@Test
	void replyWhenInviteeAcceptsChosenIdsRecordsExactlyThem() {
		Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE,
				Reply.accept(Set.of(S1.id()), Set.of(V1.id())));

		assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(S1.id());
		assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(V1.id());
	}

	@Test
	void replyWhenInviteeAcceptsOnlySlotIdsTakesEveryVenue() {
		Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE, Reply.accept(Set.of(S0.id()), null));

		assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(S0.id());
		assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).isEqualTo(ALL_VENUES);
	}

	@Test
	void replyWhenInviteeAcceptsOnlyVenueIdsTakesEverySlot() {
		Reply reply = new Reply(ReplyAction.ACCEPT, null, Set.of(V1.id()), List.of(), List.of());

		Applied applied = applied(open(invited(ALICE), invited(BOB)), ALICE, reply);

		assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).isEqualTo(ALL_SLOTS);
		assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(V1.id());
	}

	@Test
	void replyWhenAcceptNamesEmptySlotIdsThrowsValidationErrorOnSlotIds() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(), null)), ErrorCode.VALIDATION_ERROR,
				Map.of("field", "slot_ids", "fields", Map.of("slot_ids", "must name at least one option")));
	}

	@Test
	void replyWhenAcceptNamesEmptyVenueIdsThrowsValidationErrorOnVenueIds() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(S0.id()), Set.of())),
				ErrorCode.VALIDATION_ERROR,
				Map.of("field", "venue_ids", "fields", Map.of("venue_ids", "must name at least one option")));
	}

	@Test
	void replyWhenOrganizerAcceptNamesEmptySlotIdsThrowsValidationError() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(() -> reply(negotiation, ORGANIZER, Reply.accept(Set.of(), null)), ErrorCode.VALIDATION_ERROR,
				Map.of("field", "slot_ids", "fields", Map.of("slot_ids", "must name at least one option")));
	}

	@Test
	void replyWhenAcceptNamesEmptyVenueIdsAndNoVenueExistsConfirmsWithoutVenue() {
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
				List.of(organizer(ALL_SLOTS, Set.of()), invited(ALICE)), SLOTS, List.of(), EXPIRES_AT);

		Applied applied = applied(negotiation, ALICE, Reply.accept(Set.of(S1.id()), Set.of()));

		assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).isEmpty();
		assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
		assertThat(applied.next().finalSlotId()).isEqualTo(S1.id());
		assertThat(applied.next().finalVenueId()).isNull();
	}

	@Test
	void replyWhenAcceptNamesUnknownSlotThrowsUnknownOption() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(S0.id(), UNKNOWN_ID), null)),
				ErrorCode.UNKNOWN_OPTION,
				Map.of("unknown_slot_ids", List.of(UNKNOWN_ID), "unknown_venue_ids", List.of()));
	}

	@Test
	void replyWhenAcceptNamesUnknownVenueThrowsUnknownOption() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(S0.id()), Set.of(V0.id(), UNKNOWN_ID))),
				ErrorCode.UNKNOWN_OPTION,
				Map.of("unknown_slot_ids", List.of(), "unknown_venue_ids", List.of(UNKNOWN_ID)));
	}

	@Test
	void replyWhenAcceptNamesVenueIdAsSlotIdThrowsUnknownOption() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(V0.id()), Set.of(S0.id()))),
				ErrorCode.UNKNOWN_OPTION,
				Map.of("unknown_slot_ids", List.of(V0.id()), "unknown_venue_ids", List.of(S0.id())));
	}

	@Test
	void replyWhenOrganizerAcceptNamesUnknownSlotThrowsUnknownOption() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(() -> reply(negotiation, ORGANIZER, Reply.accept(Set.of(UNKNOWN_ID), null)),
				ErrorCode.UNKNOWN_OPTION,
				Map.of("unknown_slot_ids", List.of(UNKNOWN_ID), "unknown_venue_ids", List.of()));
	}

	@Test
	void replyWhenAcceptChoosesOnlyStartedSlotsThrowsSlotInPast() {
		ProposedSlot started = new ProposedSlot(new UUID(0x5107, 2), 2, NOW.minus(Duration.ofMinutes(5)), 60, "UTC",
				ORGANIZER);
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES, List.of(organizer(), invited(ALICE)),
				List.of(S0, S1, started), VENUES, EXPIRES_AT);

		assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(started.id()), null)),
				ErrorCode.SLOT_IN_PAST, Map.of("field", "slot_ids", "slot_ids", List.of(started.id())));
	}

	@Test
	void replyWhenAcceptChoosesSlotStartingExactlyNowThrowsSlotInPast() {
		ProposedSlot startingNow = new ProposedSlot(new UUID(0x5107, 2), 2, NOW, 60, "UTC", ORGANIZER);
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES, List.of(organizer(), invited(ALICE)),
				List.of(S0, S1, startingNow), VENUES, EXPIRES_AT);

		assertApiError(() -> reply(negotiation, ALICE, Reply.accept(Set.of(startingNow.id()), null)),
				ErrorCode.SLOT_IN_PAST, Map.of("field", "slot_ids", "slot_ids", List.of(startingNow.id())));
	}

	@Test
	void replyWhenAcceptWithoutIdsAndEverySlotStartedThrowsSlotInPastNamingAll() {
		ProposedSlot a = new ProposedSlot(new UUID(0x5107, 0), 0, NOW.minus(Duration.ofHours(2)), 60, "UTC", ORGANIZER);
		ProposedSlot b = new ProposedSlot(new UUID(0x5107, 1), 1, NOW.minus(Duration.ofHours(1)), 60, "UTC", ORGANIZER);
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
				List.of(organizer(Set.of(a.id(), b.id()), ALL_VENUES), invited(ALICE)), List.of(a, b), VENUES,
				EXPIRES_AT);

		assertThatThrownBy(() -> reply(negotiation, ALICE, Reply.accept()))
			.isInstanceOfSatisfying(NegotiationRefusal.class, refusal -> {
				ApiException error = NegotiationRefusalHandler.toApiException(refusal);
				assertThat(error.code()).isEqualTo(ErrorCode.SLOT_IN_PAST);
				assertThat(error.details()).containsEntry("field", "slot_ids");
				assertThat(error.details().get("slot_ids")).asInstanceOf(InstanceOfAssertFactories.LIST)
					.containsExactlyInAnyOrder(a.id(), b.id());
			});
	}

	@Test
	void replyWhenAcceptMixesStartedAndFutureSlotsRecordsBoth() {
		ProposedSlot started = new ProposedSlot(new UUID(0x5107, 2), 2, NOW.minus(Duration.ofMinutes(5)), 60, "UTC",
				ORGANIZER);
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
				List.of(organizer(), invited(ALICE), invited(BOB)), List.of(S0, S1, started), VENUES, EXPIRES_AT);

		Applied applied = applied(negotiation, ALICE, Reply.accept(Set.of(started.id(), S1.id()), null));

		assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactlyInAnyOrder(started.id(),
				S1.id());
	}

	@Test
	void replyWhenOrganizerAcceptsInvalidChoiceInDraftStillSendsWithoutValidating() {
		Negotiation draft = matrixNegotiation(NegotiationState.AWAITING_INVITES);

		Applied applied = applied(draft, ORGANIZER, Reply.accept(Set.of(UNKNOWN_ID), null));

		assertThat(applied.outcome()).isEqualTo(Outcome.SENT);
		assertThat(participant(applied.next(), ORGANIZER)).isEqualTo(organizer());
	}

	@Test
	void replyWhenLastInviteeAcceptsSharedOptionConfirms() {
		Negotiation negotiation = open(accepted(ALICE, Set.of(S1.id()), Set.of(V1.id())), invited(BOB));

		Applied applied = applied(negotiation, BOB, Reply.accept());

		assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.CONFIRMED);
		assertThat(applied.next().finalSlotId()).isEqualTo(S1.id());
		assertThat(applied.next().finalVenueId()).isEqualTo(V1.id());
		assertThat(applied.next().revision()).isEqualTo(REVISION + 1);
	}

	@Test
	void replyWhenLastInviteeAcceptsDisjointSlotStaysPending() {
		Negotiation negotiation = open(accepted(ALICE, Set.of(S1.id()), ALL_VENUES), invited(BOB));

		Applied applied = applied(negotiation, BOB, Reply.accept(Set.of(S0.id()), null));

		assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		assertThat(applied.next().finalSlotId()).isNull();
	}

	@Test
	void replyWhenLastInviteeAcceptsDisjointVenueStaysPending() {
		Negotiation negotiation = open(accepted(ALICE, ALL_SLOTS, Set.of(V0.id())), invited(BOB));

		Applied applied = applied(negotiation, BOB, Reply.accept(ALL_SLOTS, Set.of(V1.id())));

		assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
	}

	@Test
	void replyWhenOnlySharedSlotHasStartedStaysPending() {
		ProposedSlot started = new ProposedSlot(new UUID(0x5107, 2), 2, NOW.minus(Duration.ofMinutes(5)), 60, "UTC",
				ORGANIZER);
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
				List.of(organizer(Set.of(S0.id(), S1.id(), started.id()), ALL_VENUES),
						accepted(ALICE, Set.of(started.id(), S0.id()), ALL_VENUES), invited(BOB)),
				List.of(S0, S1, started), VENUES, EXPIRES_AT);

		Applied applied = applied(negotiation, BOB, Reply.accept(Set.of(started.id(), S1.id()), null));

		assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
		assertThat(applied.next().finalSlotId()).isNull();
	}

	@Test
	void replyWhenSharedSlotsTieOnStartConfirmsOnLowestIndex() {
		Instant start = NOW.plus(Duration.ofDays(3));
		ProposedSlot index2 = new ProposedSlot(new UUID(0x5107, 2), 2, start, 60, "UTC", ORGANIZER);
		ProposedSlot index3 = new ProposedSlot(new UUID(0x5107, 3), 3, start, 30, "UTC", ALICE);
		Set<UUID> tied = Set.of(index2.id(), index3.id());
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
				List.of(organizer(tied, ALL_VENUES), invited(ALICE)), List.of(S0, S1, index3, index2), VENUES,
				EXPIRES_AT);

		Applied applied = applied(negotiation, ALICE, Reply.accept(tied, null));

		assertThat(applied.next().finalSlotId()).isEqualTo(index2.id());
		assertThat(applied.next().finalVenueId()).isEqualTo(V0.id());
	}

	@Test
	void replyWhenEarlierSlotHasHigherIndexConfirmsOnTheEarliest() {
		ProposedSlot earliest = new ProposedSlot(new UUID(0x5107, 2), 2, NOW.plus(Duration.ofHours(3)), 60, "UTC",
				ALICE);
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
				List.of(organizer(Set.of(S0.id(), S1.id(), earliest.id()), ALL_VENUES), invited(ALICE)),
				List.of(S0, S1, earliest), VENUES, EXPIRES_AT);

		Applied applied = applied(negotiation, ALICE, Reply.accept());

		assertThat(applied.next().finalSlotId()).isEqualTo(earliest.id());
	}

	@Test
	void replyWhenNoVenueWasProposedConfirmsWithNullVenue() {
		Negotiation negotiation = negotiation(NegotiationState.AWAITING_REPLIES,
				List.of(organizer(ALL_SLOTS, Set.of()), invited(ALICE)), SLOTS, List.of(), EXPIRES_AT);

		Applied applied = applied(negotiation, ALICE, Reply.accept());

		assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
		assertThat(applied.next().finalSlotId()).isEqualTo(S0.id());
		assertThat(applied.next().finalVenueId()).isNull();
		assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).isEmpty();
	}

	@Test
	void replyWhenOrganizerAcceptsTheOnlySharedOptionsConfirms() {
		Negotiation narrowed = negotiation(NegotiationState.AWAITING_REPLIES, organizer(Set.of(S0.id()), ALL_VENUES),
				countered(ALICE, Set.of(S1.id()), Set.of(V1.id())));

		Applied applied = applied(narrowed, ORGANIZER, Reply.accept(Set.of(S1.id()), Set.of(V1.id())));

		assertThat(applied.outcome()).isEqualTo(Outcome.CONFIRMED);
		assertThat(applied.next().finalSlotId()).isEqualTo(S1.id());
		assertThat(applied.next().finalVenueId()).isEqualTo(V1.id());
	}

}
