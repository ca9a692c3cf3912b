package com.amiqo.kairos.negotiation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.negotiation.domain.Decisions.Applied;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The negotiation rules: counter: the limit of 20 options of each kind. */
class NegotiationCounterLimitTest extends NegotiationRulesFixture {

	private Negotiation withOptions(int slotCount, int venueCount) {
		List<ProposedSlot> slots = manySlots(slotCount);
		List<ProposedVenue> venues = manyVenues(venueCount);
		return negotiation(NegotiationState.AWAITING_REPLIES,
				List.of(organizer(ids(slots), ids(venues)), invited(ALICE), invited(BOB)), slots, venues, EXPIRES_AT);
	}

	@Test
	void replyWhenCounterReachesExactlyTwentySlotsIsApplied() {
		Applied applied = applied(withOptions(18, 1), ALICE, Reply.counter(newSlotOptions(2), List.of()));

		assertThat(applied.next().slots()).hasSize(20);
		assertThat(applied.addedSlots()).extracting(ProposedSlot::index).containsExactly(18, 19);
	}

	@Test
	void replyWhenCounterWouldMakeTwentyOneSlotsThrowsCounterLimitExceeded() {
		Negotiation negotiation = withOptions(19, 1);

		assertApiError(() -> reply(negotiation, ALICE, Reply.counter(newSlotOptions(2), List.of())),
				ErrorCode.COUNTER_LIMIT_EXCEEDED, Map.of("field", "counter_slots", "count", 21, "limit", 20));
	}

	@Test
	void replyWhenCounterReachesExactlyTwentyVenuesIsApplied() {
		Applied applied = applied(withOptions(2, 17), ALICE, Reply.counter(List.of(), newVenueOptions(3)));

		assertThat(applied.next().venues()).hasSize(20);
		assertThat(applied.addedVenues()).extracting(ProposedVenue::index).containsExactly(17, 18, 19);
	}

	@Test
	void replyWhenCounterWouldMakeTwentyOneVenuesThrowsCounterLimitExceeded() {
		Negotiation negotiation = withOptions(2, 20);

		assertApiError(() -> reply(negotiation, ALICE, Reply.counter(List.of(), newVenueOptions(1))),
				ErrorCode.COUNTER_LIMIT_EXCEEDED, Map.of("field", "counter_venues", "count", 21, "limit", 20));
	}

	@Test
	void replyWhenCounterExceedsTheLimitByManyReportsTheFullCount() {
		Negotiation negotiation = withOptions(10, 1);

		assertApiError(() -> reply(negotiation, ALICE, Reply.counter(newSlotOptions(15), List.of())),
				ErrorCode.COUNTER_LIMIT_EXCEEDED, Map.of("field", "counter_slots", "count", 25, "limit", 20));
	}

	@Test
	void replyWhenCounterAtTheLimitOnlyReusesExistingOptionsIsApplied() {
		Negotiation negotiation = withOptions(20, 20);
		ProposedSlot last = negotiation.slots().get(19);
		ProposedVenue first = negotiation.venues().get(0);

		Applied applied = applied(negotiation, ALICE, Reply.counter(List.of(new SlotOption(last.startsAt(), 60, "UTC")),
				List.of(new VenueOption("Venue 0", null, null))));

		assertThat(applied.addedSlots()).isEmpty();
		assertThat(applied.addedVenues()).isEmpty();
		assertThat(participant(applied.next(), ALICE).acceptedSlotIds()).containsExactly(last.id());
		assertThat(participant(applied.next(), ALICE).acceptedVenueIds()).containsExactly(first.id());
	}

	@Test
	void replyWhenCounterDuplicatesCountOnceTowardsTheLimit() {
		Negotiation negotiation = withOptions(19, 1);
		SlotOption option = newSlotOptions(1).get(0);

		Applied applied = applied(negotiation, ALICE, Reply.counter(List.of(option, option, option), List.of()));

		assertThat(applied.next().slots()).hasSize(20);
	}

	@Test
	void replyWhenOrganizerCounterExceedsTheLimitThrowsCounterLimitExceeded() {
		Negotiation negotiation = withOptions(20, 1);

		assertApiError(() -> reply(negotiation, ORGANIZER, Reply.counter(newSlotOptions(1), List.of())),
				ErrorCode.COUNTER_LIMIT_EXCEEDED, Map.of("field", "counter_slots", "count", 21, "limit", 20));
	}

	@Test
	void replyWhenCounterIsRefusedLeavesTheNegotiationUnchanged() {
		Negotiation negotiation = withOptions(20, 1);
		List<ProposedSlot> before = new ArrayList<>(negotiation.slots());

		assertThatThrownBy(() -> reply(negotiation, ALICE, Reply.counter(newSlotOptions(1), List.of())))
			.isInstanceOf(NegotiationRefusal.class);

		assertThat(negotiation.slots()).isEqualTo(before);
		assertThat(negotiation.revision()).isEqualTo(REVISION);
		assertThat(participant(negotiation, ALICE)).isEqualTo(invited(ALICE));
	}

}
