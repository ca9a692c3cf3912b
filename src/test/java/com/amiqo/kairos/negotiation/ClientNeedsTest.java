package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.inDays;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the iOS app needs on screen (docs/reference.md#reading-negotiations,
 * docs/reference.md#creating-a-negotiation): link-only plans, {@code my_event_id}, typed
 * venue fields, the {@code other} category, list row fields and conditional reads.
 */
class ClientNeedsTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

	@Test
	void startWhenNoInviteeGivenCreatesAPlanThatWaits() {
		TestUser alice = signIn("Alice");

		JsonNode created = negotiations.startOk(alice, NegotiationFixtures.start(List.of()));
		String id = created.path("id").asString();

		assertThat(created.path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(created.path("participant_count").asInt()).isEqualTo(1);
		// The organizer re-accepting everything changes nothing and cannot confirm or
		// cancel a plan with nobody in it.
		ApiResponse accepted = negotiations.reply(alice, NegotiationFixtures.reply(id, "accept"));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.data().path("state").asString()).isEqualTo("awaiting_replies");
		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_slots", List.of(slot(inDays(5))));
		ApiResponse countered = negotiations.reply(alice, counter);
		assertThat(countered.status()).as(countered.toString()).isEqualTo(200);
		assertThat(countered.data().path("state").asString()).isEqualTo("awaiting_replies");
	}

	@Test
	void startWhenOnlyTheOrganizerIsNamedCreatesALinkOnlyPlan() {
		TestUser alice = signIn("Alice");
		Map<String, Object> body = NegotiationFixtures.start(List.of());
		body.put("participant_ids", List.of(alice.uid()));

		JsonNode created = negotiations.startOk(alice, body);

		assertThat(created.path("participant_count").asInt()).isEqualTo(1);
	}

	@Test
	void startWhenIntentCategoryIsOtherIsAccepted() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		body.put("intent_category", "other");
		body.put("title", "Board games at Bob's");

		JsonNode created = negotiations.startOk(alice, body);

		assertThat(created.path("intent_category").asString()).isEqualTo("other");
		assertThat(created.path("last_message_preview").asString()).isEqualTo("Alice proposed a plan");
	}

	@Test
	void startWhenVenueHasAddressAndCoordinatesKeepsThemTyped() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		Map<String, Object> venue = new LinkedHashMap<>();
		venue.put("name", "Café Kränzler");
		venue.put("address", "Kurfürstendamm 18, Berlin");
		venue.put("lat", 52.5035);
		venue.put("lon", -13.3326);
		body.put("proposed_venues", List.of(venue, Map.of("name", "Nowhere in particular")));

		JsonNode created = negotiations.startOk(alice, body);

		JsonNode typed = created.path("proposed_venues").get(0);
		assertThat(typed.path("address").asString()).isEqualTo("Kurfürstendamm 18, Berlin");
		assertThat(typed.path("lat").asDouble()).isEqualTo(52.5035);
		assertThat(typed.path("lon").asDouble()).isEqualTo(-13.3326);
		JsonNode untyped = created.path("proposed_venues").get(1);
		assertThat(untyped.path("address").isNull()).isTrue();
		assertThat(untyped.path("lat").isNull()).isTrue();

		String id = created.path("id").asString();
		negotiations.reply(bob, NegotiationFixtures.reply(id, "accept"));
		JsonNode event = api.get("/events/" + negotiations.get(bob, id).data().path("my_event_id").asString())
			.token(bob.token())
			.send()
			.data();
		assertThat(event.path("venue").path("address").asString()).isEqualTo("Kurfürstendamm 18, Berlin");
		assertThat(event.path("venue").path("lat").asDouble()).isEqualTo(52.5035);
	}

	@Test
	void getWhenConfirmedGivesEachParticipantTheirOwnEventId() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob))).path("id").asString();
		assertThat(negotiations.get(alice, id).data().path("my_event_id").isNull()).isTrue();

		ApiResponse confirmed = negotiations.reply(bob, NegotiationFixtures.reply(id, "accept"));

		assertThat(confirmed.data().path("state").asString()).isEqualTo("confirmed");
		String bobsEvent = confirmed.data().path("my_event_id").asString();
		String alicesEvent = negotiations.get(alice, id).data().path("my_event_id").asString();
		assertThat(bobsEvent).isNotBlank().isNotEqualTo(alicesEvent);
		assertThat(api.get("/events/" + bobsEvent).token(bob.token()).send().data().path("negotiation_id").asString())
			.isEqualTo(id);
		assertThat(api.get("/events/" + alicesEvent).token(alice.token()).send().status()).isEqualTo(200);
	}

	@Test
	void listWhenRowsShownCarriesOrganizerNameOptionCountsAndNextStart() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Instant early = inDays(2);
		Instant late = inDays(4);
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		body.put("proposed_slots", new ArrayList<>(List.of(slot(late), slot(early), slot(inDays(3)))));
		String open = negotiations.startOk(alice, body).path("id").asString();
		Map<String, Object> second = NegotiationFixtures.start(List.of(bob));
		second.put("proposed_slots", List.of(slot(late), slot(early)));
		String confirmed = negotiations.startOk(alice, second).path("id").asString();
		Map<String, Object> acceptLate = NegotiationFixtures.reply(confirmed, "accept");
		String lateSlot = negotiations.get(bob, confirmed).data().path("proposed_slots").get(1).path("id").asString();
		acceptLate.put("slot_ids", List.of(lateSlot));
		negotiations.reply(bob, acceptLate);

		JsonNode rows = api.get("/negotiations?limit=10").token(bob.token()).send().data();

		JsonNode openRow = row(rows, open);
		assertThat(openRow.path("organizer_display_name").asString()).isEqualTo("Alice");
		assertThat(openRow.path("slot_count").asInt()).isEqualTo(3);
		assertThat(openRow.path("venue_count").asInt()).isEqualTo(2);
		assertThat(Instant.parse(openRow.path("next_starts_at").asString())).isEqualTo(early);
		JsonNode confirmedRow = row(rows, confirmed);
		assertThat(confirmedRow.path("state").asString()).isEqualTo("confirmed");
		assertThat(Instant.parse(confirmedRow.path("next_starts_at").asString())).isEqualTo(late);
	}

	@Test
	void getWhenIfNoneMatchIsCurrentRevisionReturns304WithoutBody() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob))).path("id").asString();
		String etag = negotiations.get(bob, id).header("ETag");
		assertThat(etag).isEqualTo("\"0\"");

		ApiResponse unchanged = api.get("/negotiations/" + id).token(bob.token()).header("If-None-Match", etag).send();

		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.raw()).isEmpty();
		assertThat(unchanged.header("ETag")).isEqualTo(etag);

		negotiations.reply(bob, NegotiationFixtures.reply(id, "decline"));
		ApiResponse changed = api.get("/negotiations/" + id).token(bob.token()).header("If-None-Match", etag).send();
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");
	}

	@Test
	void getWhenIfNoneMatchFromAStrangerStillReturns403() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser mallory = signIn("Mallory");
		String id = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob))).path("id").asString();
		Map<String, Object> draft = NegotiationFixtures.start(List.of(bob));
		draft.put("send", false);
		String draftId = negotiations.startOk(alice, draft).path("id").asString();

		assertThat(
				api.get("/negotiations/" + id).token(mallory.token()).header("If-None-Match", "\"0\"").send().status())
			.isEqualTo(403);
		assertThat(
				api.get("/negotiations/" + draftId).token(bob.token()).header("If-None-Match", "\"0\"").send().status())
			.isEqualTo(404);
	}

	@Test
	void getWhenOverdueButNotSweptNeverReturns304() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob))).path("id").asString();
		negotiations.expireNow(id);

		ApiResponse response = api.get("/negotiations/" + id)
			.token(bob.token())
			.header("If-None-Match", "\"0\"")
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.data().path("state").asString()).isEqualTo("expired");
		assertThat(response.header("ETag")).isNull();
	}

	@Test
	void getEventWhenIfNoneMatchIsCurrentReturns304UntilItIsCancelled() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob))).path("id").asString();
		String eventId = negotiations.reply(bob, NegotiationFixtures.reply(id, "accept"))
			.data()
			.path("my_event_id")
			.asString();
		ApiResponse first = api.get("/events/" + eventId).token(bob.token()).send();
		String etag = first.header("ETag");
		assertThat(etag).isNotBlank();

		assertThat(api.get("/events/" + eventId).token(bob.token()).header("If-None-Match", etag).send().status())
			.isEqualTo(304);
		assertThat(api.get("/events/" + eventId).token(alice.token()).header("If-None-Match", etag).send().status())
			.isEqualTo(403);

		api.post("/negotiate/cancel").token(alice.token()).json(Map.of("negotiation_id", id)).send();
		ApiResponse cancelled = api.get("/events/" + eventId).token(bob.token()).header("If-None-Match", etag).send();
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.data().path("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.header("ETag")).isNotEqualTo(etag);
	}

	private static JsonNode row(JsonNode rows, String id) {
		for (JsonNode row : rows) {
			if (row.path("id").asString().equals(id)) {
				return row;
			}
		}
		throw new AssertionError("no row " + id + " in " + rows);
	}

}
