package com.amiqo.kairos.negotiation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.negotiation.NegotiationCalls.Setup;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.inDays;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.slot;
import static com.amiqo.kairos.negotiation.NegotiationJson.details;
import static com.amiqo.kairos.negotiation.NegotiationJson.slotId;
import static com.amiqo.kairos.negotiation.NegotiationJson.texts;
import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals of the people and options a request names: {@code UNKNOWN_PARTICIPANTS},
 * {@code UNKNOWN_OPTION} and {@code SLOT_IN_PAST} (docs/reference.md#negotiation-states).
 */
class NegotiationOptionErrorsTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

	// ================================================================
	// UNKNOWN_PARTICIPANTS

	@Test
	void startWhenSomeInviteesNeverSignedInReturns422UnknownParticipantsListingOnlyThem() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String ghost1 = newUid("ghost");
		String ghost2 = newUid("ghost");
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		body.put("participant_ids", List.of(ghost1, bob.uid(), ghost2));

		ApiResponse response = negotiations.start(alice, body);

		assertErrorEnvelope(response, 422, "UNKNOWN_PARTICIPANTS");
		assertThat(texts(details(response).path("unknown"))).containsExactlyInAnyOrder(ghost1, ghost2);
		assertThat(details(response).path("field").asString()).isEqualTo("participant_ids");
		assertThat(negotiations.negotiationsOwnedBy(alice)).isZero();
		assertThat(userRows(ghost1)).as("an invitation provisions no one").isZero();
	}

	// ================================================================ UNKNOWN_OPTION

	@Test
	void replyWhenSlotOrVenueIdsAreNotThisNegotiationsReturns422UnknownOptionListingThem() {
		Setup s = negotiations.threeWay();
		Setup other = negotiations.threeWay();
		String stranger = UUID.randomUUID().toString();
		Map<String, Object> foreignSlot = NegotiationFixtures.reply(s.id(), "accept");
		foreignSlot.put("slot_ids", List.of(s.slot0(), other.slot0()));
		Map<String, Object> unknownVenue = NegotiationFixtures.reply(s.id(), "accept");
		unknownVenue.put("venue_ids", List.of(stranger));

		ApiResponse slotResponse = negotiations.reply(s.bob(), foreignSlot);
		ApiResponse venueResponse = negotiations.reply(s.bob(), unknownVenue);

		assertErrorEnvelope(slotResponse, 422, "UNKNOWN_OPTION");
		assertThat(texts(details(slotResponse).path("unknown_slot_ids"))).containsExactly(other.slot0());
		assertThat(details(slotResponse).path("unknown_venue_ids").isArray()).isTrue();
		assertThat(details(slotResponse).path("unknown_venue_ids").size()).isZero();
		assertErrorEnvelope(venueResponse, 422, "UNKNOWN_OPTION");
		assertThat(texts(details(venueResponse).path("unknown_venue_ids"))).containsExactly(stranger);
		assertThat(details(venueResponse).path("unknown_slot_ids").isArray()).isTrue();
		assertThat(details(venueResponse).path("unknown_slot_ids").size()).isZero();
		negotiations.assertUnchanged(s, 0, "invited");
	}

	@Test
	void replyWhenCounterNamesUnknownSlotIdsReturns422UnknownOptionAndAddsNoSlot() {
		Setup s = negotiations.threeWay();
		String unknown = UUID.randomUUID().toString();
		Map<String, Object> body = NegotiationFixtures.reply(s.id(), "counter");
		body.put("counter_slots", List.of(slot(inDays(7))));
		body.put("slot_ids", List.of(unknown));

		ApiResponse response = negotiations.reply(s.bob(), body);

		assertErrorEnvelope(response, 422, "UNKNOWN_OPTION");
		assertThat(texts(details(response).path("unknown_slot_ids"))).containsExactly(unknown);
		negotiations.assertUnchanged(s, 0, "invited");
		assertThat(negotiations.slotRows(s.id())).isEqualTo(2);
	}

	// ================================================================ SLOT_IN_PAST

	@Test
	void replyWhenChoosingOnlySlotsThatAlreadyStartedReturns422SlotInPast() {
		Setup s = negotiations.threeWay();
		jdbc.sql("UPDATE proposed_slots SET starts_at = now() - interval '1 hour' WHERE id = ?")
			.param(UUID.fromString(s.slot0()))
			.update();
		Map<String, Object> body = NegotiationFixtures.reply(s.id(), "accept");
		body.put("slot_ids", List.of(s.slot0()));

		ApiResponse response = negotiations.reply(s.bob(), body);

		assertErrorEnvelope(response, 422, "SLOT_IN_PAST");
		assertThat(details(response).path("field").asString()).isEqualTo("slot_ids");
		assertThat(texts(details(response).path("slot_ids"))).containsExactly(s.slot0());
		negotiations.assertUnchanged(s, 0, "invited");
		Map<String, Object> withFuture = NegotiationFixtures.reply(s.id(), "accept");
		withFuture.put("slot_ids", List.of(s.slot0(), s.slot1()));
		ApiResponse mixed = negotiations.reply(s.bob(), withFuture);
		assertThat(mixed.status()).as("a started slot next to a future one is fine: " + mixed).isEqualTo(200);
	}

	@Test
	void replyWhenOnlySharedSlotHasStartedDoesNotConfirm() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		JsonNode started = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob)));
		String id = started.path("id").asString();
		String s0 = slotId(started, 0);
		jdbc.sql("UPDATE proposed_slots SET starts_at = now() - interval '1 hour' WHERE id = ?")
			.param(UUID.fromString(s0))
			.update();
		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_slots", List.of(slot(inDays(8))));
		counter.put("slot_ids", List.of(s0));

		ApiResponse response = negotiations.reply(bob, counter);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.data().path("state").asString()).as("the only shared slot has started")
			.isEqualTo("awaiting_replies");
		assertThat(response.data().path("final_slot_id").isNull()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM events WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isZero();
	}

}
