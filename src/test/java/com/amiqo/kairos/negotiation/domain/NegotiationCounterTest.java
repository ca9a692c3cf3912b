package com.amiqo.kairos.negotiation.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.negotiation.domain.Decisions.Applied;
import com.amiqo.kairos.negotiation.domain.Decisions.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The negotiation rules: counter: what it adds (options, indexes, reuse) and its shape.
 */
class NegotiationCounterTest extends NegotiationRulesFixture {

	@Test
	void replyWhenCounterHasNoOptionsThrowsMissingCounterFields() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(() -> reply(negotiation, ALICE, Reply.counter(List.of(), List.of())),
				ErrorCode.MISSING_COUNTER_FIELDS, Map.of("fields", List.of("counter_slots", "counter_venues")));
	}

	@Test
	void replyWhenCounterHasOnlyIdsThrowsMissingCounterFields() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(() -> reply(negotiation, ALICE, counter(List.of(), List.of(), Set.of(S0.id()), Set.of(V0.id()))),
				ErrorCode.MISSING_COUNTER_FIELDS, Map.of("fields", List.of("counter_slots", "counter_venues")));
	}

	@ParameterizedTest
	@EnumSource(NegotiationState.class)
	void replyWhenEmptyCounterFromOrganizerOrCounteredInviteeThrowsMissingCounterFieldsInAnyState(
			NegotiationState state) {
		Negotiation negotiation = negotiation(state, organizer(), countered(ALICE, ALL_SLOTS, ALL_VENUES));

		assertApiError(() -> reply(negotiation, ORGANIZER, Reply.counter(List.of(), List.of())),
				ErrorCode.MISSING_COUNTER_FIELDS, Map.of("fields", List.of("counter_slots", "counter_venues")));
		assertApiError(() -> reply(negotiation, ALICE, counter(List.of(), List.of(), ALL_SLOTS, null)),
				ErrorCode.MISSING_COUNTER_FIELDS, Map.of("fields", List.of("counter_slots", "counter_venues")));
	}

	@Test
	void replyWhenDeclinedInviteeCountersOnlyATimeAcceptsEveryCurrentVenue() {
		Negotiation negotiation = open(declined(ALICE), invited(BOB));

		Applied applied = applied(negotiation, ALICE, Reply.counter(List.of(NEW_SLOT_OPTION), List.of()));

		assertThat(participant(applied.next(), ALICE).status()).isEqualTo(ParticipantStatus.COUNTERED);
		assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(NEW_1);
		assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).isEqualTo(ALL_VENUES);
	}

	@Test
	void replyWhenInviteeCountersNewSlotAppendsItWithNextIndex() {
		Negotiation negotiation = open(invited(ALICE), invited(BOB));

		Applied applied = applied(negotiation, ALICE, Reply.counter(List.of(NEW_SLOT_OPTION), List.of()));

		ProposedSlot added = new ProposedSlot(NEW_1, 2, NEW_SLOT_OPTION.startsAt(), 45, "Europe/Paris", ALICE, NOW);
		assertThat(applied.addedSlots()).containsExactly(added);
		assertThat(applied.addedVenues()).isEmpty();
		assertThat(applied.next().slots()).containsExactly(S0, S1, added);
		assertThat(applied.next().venues()).isEqualTo(VENUES);
		assertThat(participant(applied.next(), ALICE))
			.isEqualTo(new Participant(ALICE, ParticipantStatus.COUNTERED, Set.of(NEW_1), ALL_VENUES, NOW));
		assertThat(applied.replier()).isEqualTo(participant(applied.next(), ALICE));
		assertThat(applied.next().agentRound()).isEqualTo(1);
		assertThat(applied.next().revision()).isEqualTo(REVISION + 1);
		assertThat(applied.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(applied.next().state()).isEqualTo(NegotiationState.AWAITING_REPLIES);
	}

	@Test
	void replyWhenCounterAddsSeveralSlotsAndVenuesContinuesEachIndexInOrder() {
		Negotiation negotiation = open(invited(ALICE));

		Applied applied = applied(negotiation, ALICE,
				Reply.counter(List.of(NEW_SLOT_OPTION, OTHER_SLOT_OPTION), List.of(NEW_VENUE_OPTION)));

		assertThat(applied.addedSlots()).containsExactly(
				new ProposedSlot(NEW_1, 2, NEW_SLOT_OPTION.startsAt(), 45, "Europe/Paris", ALICE, NOW),
				new ProposedSlot(NEW_2, 3, OTHER_SLOT_OPTION.startsAt(), 30, "UTC", ALICE, NOW));
		assertThat(applied.addedVenues())
			.containsExactly(new ProposedVenue(NEW_3, 2, "Bonanza", "gplace-9", null, ALICE, NOW));
		assertThat(applied.next().slots()).extracting(ProposedSlot::index).containsExactly(0, 1, 2, 3);
		assertThat(applied.next().venues()).extracting(ProposedVenue::index).containsExactly(0, 1, 2);
		assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactlyInAnyOrder(NEW_1, NEW_2);
		assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(NEW_3);
	}

	@Test
	void replyWhenCounterContinuesIndexesAfterEarlierCounters() {
		Negotiation first = applied(open(invited(ALICE), invited(BOB)), ALICE,
				Reply.counter(List.of(NEW_SLOT_OPTION), List.of()))
			.next();

		Applied second = applied(first, BOB, Reply.counter(List.of(OTHER_SLOT_OPTION), List.of(NEW_VENUE_OPTION)));

		assertThat(second.addedSlots())
			.containsExactly(new ProposedSlot(NEW_2, 3, OTHER_SLOT_OPTION.startsAt(), 30, "UTC", BOB, NOW));
		assertThat(second.addedVenues())
			.containsExactly(new ProposedVenue(NEW_3, 2, "Bonanza", "gplace-9", null, BOB, NOW));
		assertThat(second.next().agentRound()).isEqualTo(2);
		assertThat(second.next().revision()).isEqualTo(REVISION + 2);
		assertThat(participant(second.next(), ALICE).acceptedSlotIds()).containsExactly(NEW_1);
	}

	@Test
	void replyWhenCounterRepeatsExistingOptionReusesItInsteadOfAppending() {
		Negotiation negotiation = open(invited(ALICE), invited(BOB));

		Applied applied = applied(negotiation, ALICE,
				Reply.counter(List.of(S1_OPTION, NEW_SLOT_OPTION), List.of(V1_OPTION)));

		assertThat(applied.addedSlots())
			.containsExactly(new ProposedSlot(NEW_1, 2, NEW_SLOT_OPTION.startsAt(), 45, "Europe/Paris", ALICE, NOW));
		assertThat(applied.addedVenues()).isEmpty();
		assertThat(applied.next().slots()).hasSize(3);
		assertThat(applied.next().venues()).isEqualTo(VENUES);
		assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactlyInAnyOrder(S1.id(), NEW_1);
		assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(V1.id());
	}

	@Test
	void replyWhenCounterNamesTheSameNewOptionTwiceAppendsItOnce() {
		Negotiation negotiation = open(invited(ALICE));

		Applied applied = applied(negotiation, ALICE,
				Reply.counter(List.of(NEW_SLOT_OPTION, NEW_SLOT_OPTION), List.of(NEW_VENUE_OPTION, NEW_VENUE_OPTION)));

		assertThat(applied.addedSlots()).extracting(ProposedSlot::id).containsExactly(NEW_1);
		assertThat(applied.addedVenues()).extracting(ProposedVenue::id).containsExactly(NEW_2);
		assertThat(applied.next().slots()).hasSize(3);
		assertThat(applied.next().venues()).hasSize(3);
		assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(NEW_1);
		assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(NEW_2);
	}

	static Stream<Arguments> slotOptionsDifferingFromS0() {
		return Stream.of(
				Arguments.of("other start", new SlotOption(S0.startsAt().plusSeconds(60), 60, "Europe/Berlin")),
				Arguments.of("other duration", new SlotOption(S0.startsAt(), 90, "Europe/Berlin")),
				Arguments.of("other timezone", new SlotOption(S0.startsAt(), 60, "Europe/Paris")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("slotOptionsDifferingFromS0")
	void replyWhenCounterSlotDiffersInAnyFieldAppendsIt(String difference, SlotOption option) {
		Applied applied = applied(open(invited(ALICE)), ALICE, Reply.counter(List.of(option), List.of()));

		assertThat(applied.addedSlots()).containsExactly(
				new ProposedSlot(NEW_1, 2, option.startsAt(), option.durationMinutes(), option.timezone(), ALICE, NOW));
	}

	static Stream<Arguments> venueOptionsDifferingFromV0() {
		return Stream.of(
				Arguments.of("other name", new VenueOption("Blue Bottle Mitte", "gplace-1", Map.of("lat", 52.52))),
				Arguments.of("other provider", new VenueOption("Blue Bottle", "gplace-2", Map.of("lat", 52.52))),
				Arguments.of("no provider", new VenueOption("Blue Bottle", null, Map.of("lat", 52.52))),
				Arguments.of("other metadata", new VenueOption("Blue Bottle", "gplace-1", Map.of("lat", 48.1))),
				Arguments.of("no metadata", new VenueOption("Blue Bottle", "gplace-1", null)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("venueOptionsDifferingFromV0")
	void replyWhenCounterVenueDiffersInAnyFieldAppendsIt(String difference, VenueOption option) {
		Applied applied = applied(open(invited(ALICE)), ALICE, Reply.counter(List.of(), List.of(option)));

		assertThat(applied.addedVenues()).containsExactly(
				new ProposedVenue(NEW_1, 2, option.name(), option.providerId(), option.metadata(), ALICE, NOW));
	}

	@Test
	void replyWhenCounterGivesIdsTooAcceptsCounteredPlusGivenIds() {
		Negotiation negotiation = open(invited(ALICE), invited(BOB));

		Applied applied = applied(negotiation, ALICE,
				counter(List.of(NEW_SLOT_OPTION), List.of(NEW_VENUE_OPTION), Set.of(S0.id()), Set.of(V1.id())));

		assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactlyInAnyOrder(NEW_1, S0.id());
		assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactlyInAnyOrder(NEW_2, V1.id());
	}

	@Test
	void replyWhenCounterNamesUnknownSlotIdThrowsUnknownOption() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(
				() -> reply(negotiation, ALICE,
						counter(List.of(NEW_SLOT_OPTION), List.of(), Set.of(S0.id(), UNKNOWN_ID), null)),
				ErrorCode.UNKNOWN_OPTION,
				Map.of("unknown_slot_ids", List.of(UNKNOWN_ID), "unknown_venue_ids", List.of()));
	}

	@Test
	void replyWhenCounterNamesUnknownVenueIdThrowsUnknownOption() {
		Negotiation negotiation = open(invited(ALICE));

		assertApiError(
				() -> reply(negotiation, ALICE, counter(List.of(NEW_SLOT_OPTION), List.of(), null, Set.of(UNKNOWN_ID))),
				ErrorCode.UNKNOWN_OPTION,
				Map.of("unknown_slot_ids", List.of(), "unknown_venue_ids", List.of(UNKNOWN_ID)));
	}

}
