package com.amiqo.kairos.negotiation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.negotiation.NegotiationCalls.Setup;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.slots;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.venues;
import static com.amiqo.kairos.negotiation.NegotiationJson.details;
import static com.amiqo.kairos.negotiation.NegotiationJson.statusOf;
import static com.amiqo.kairos.negotiation.NegotiationJson.texts;
import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cursors and counter-proposals refused for what they carry: {@code INVALID_CURSOR},
 * {@code MISSING_COUNTER_FIELDS} and {@code COUNTER_LIMIT_EXCEEDED}
 * (docs/reference.md#conventions, docs/reference.md#replies).
 */
class NegotiationCursorAndCounterErrorsTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

	// ================================================================ INVALID_CURSOR

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/negotiations", "/events" })
	void listWhenCursorIsGarbageReturns400InvalidCursor(String path) {
		TestUser alice = signIn("Alice");

		for (String garbage : List.of("garbage", "abc.def", "Zm9v.YmFy", "...")) {
			ApiResponse response = api.get(path + "?cursor=" + garbage).token(alice.token()).send();
			assertErrorEnvelope(response, 400, "INVALID_CURSOR");
			assertThat(details(response).path("field").asString()).isEqualTo("cursor");
		}
	}

	@Test
	void listWhenCursorTamperedForeignOrForOtherFilterReturns400InvalidCursor() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob)));
		negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob)));
		ApiResponse firstPage = api.get("/negotiations?limit=1").token(alice.token()).send();
		assertThat(firstPage.status()).as(firstPage.toString()).isEqualTo(200);
		JsonNode pagination = firstPage.body().path("meta").path("pagination");
		assertThat(pagination.path("has_more").asBoolean()).isTrue();
		String cursor = pagination.path("next_cursor").asString();
		ApiResponse secondPage = api.get("/negotiations?limit=1&cursor=" + cursor).token(alice.token()).send();
		assertThat(secondPage.status()).as("the genuine cursor works").isEqualTo(200);
		assertThat(secondPage.data().path(0).path("id").asString())
			.isNotEqualTo(firstPage.data().path(0).path("id").asString());
		char last = cursor.charAt(cursor.length() - 1);
		String tampered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');

		List<ApiResponse> refusals = List.of(
				api.get("/negotiations?limit=1&cursor=" + tampered).token(alice.token()).send(),
				api.get("/negotiations?limit=1&cursor=" + cursor).token(bob.token()).send(),
				api.get("/negotiations?limit=1&state=confirmed&cursor=" + cursor).token(alice.token()).send(),
				api.get("/events?limit=1&cursor=" + cursor).token(alice.token()).send());

		for (ApiResponse refusal : refusals) {
			assertErrorEnvelope(refusal, 400, "INVALID_CURSOR");
			assertThat(details(refusal).path("field").asString()).isEqualTo("cursor");
		}
	}

	// ================================================================
	// MISSING_COUNTER_FIELDS

	@Test
	void replyWhenCounterHasNoNewOptionsReturns400MissingCounterFields() {
		Setup s = negotiations.threeWay();
		Map<String, Object> absent = NegotiationFixtures.reply(s.id(), "counter");
		Map<String, Object> empty = NegotiationFixtures.reply(s.id(), "counter");
		empty.put("counter_slots", List.of());
		empty.put("counter_venues", List.of());
		Map<String, Object> onlyChoices = NegotiationFixtures.reply(s.id(), "counter");
		onlyChoices.put("slot_ids", List.of(s.slot0()));

		for (Map<String, Object> body : List.of(absent, empty, onlyChoices)) {
			ApiResponse response = negotiations.reply(s.bob(), body);
			assertErrorEnvelope(response, 400, "MISSING_COUNTER_FIELDS");
			assertThat(texts(details(response).path("fields"))).containsExactlyInAnyOrder("counter_slots",
					"counter_venues");
		}
		negotiations.assertUnchanged(s, 0, "invited");
		ApiResponse view = negotiations.get(s.alice(), s.id());
		assertThat(view.data().path("agent_round").asInt()).isZero();
	}

	@Test
	void replyWhenEmptyCounterReachesUnknownOrForeignNegotiationReturns400MissingCounterFieldsFirst() {
		Setup s = negotiations.threeWay();
		TestUser mallory = signIn("Mallory");

		for (ApiResponse response : List.of(
				negotiations.reply(mallory, NegotiationFixtures.reply(UUID.randomUUID().toString(), "counter")),
				negotiations.reply(mallory, NegotiationFixtures.reply(s.id(), "counter")))) {
			assertErrorEnvelope(response, 400, "MISSING_COUNTER_FIELDS");
		}
		negotiations.assertUnchanged(s, 0, "invited");
	}

	// ================================================================
	// COUNTER_LIMIT_EXCEEDED

	@Test
	void replyWhenCounterSlotsWouldExceedTwentyReturns400CounterLimitExceededWithCountAndLimit() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		body.put("proposed_slots", slots(1, 10));
		String id = negotiations.startOk(alice, body).path("id").asString();
		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_slots", slots(11, 11));

		ApiResponse response = negotiations.reply(bob, counter);

		assertErrorEnvelope(response, 400, "COUNTER_LIMIT_EXCEEDED");
		assertThat(details(response).path("field").asString()).isEqualTo("counter_slots");
		assertThat(details(response).path("count").asInt()).isEqualTo(21);
		assertThat(details(response).path("limit").asInt()).isEqualTo(20);
		assertThat(negotiations.slotRows(id)).isEqualTo(10);
		ApiResponse view = negotiations.get(alice, id);
		assertThat(view.data().path("revision").asInt()).isZero();
		assertThat(statusOf(view.data(), bob)).isEqualTo("invited");
	}

	@Test
	void replyWhenCounterReachesExactlyTwentySlotsSucceedsAndTheNextNewSlotIsRefused() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		body.put("proposed_slots", slots(1, 10));
		String id = negotiations.startOk(alice, body).path("id").asString();
		Map<String, Object> toTwenty = NegotiationFixtures.reply(id, "counter");
		toTwenty.put("counter_slots", slots(11, 10));
		ApiResponse accepted = negotiations.reply(bob, toTwenty);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.data().path("proposed_slots").size()).isEqualTo(20);
		Map<String, Object> oneMore = NegotiationFixtures.reply(id, "counter");
		oneMore.put("counter_slots", slots(21, 1));

		ApiResponse response = negotiations.reply(alice, oneMore);

		assertErrorEnvelope(response, 400, "COUNTER_LIMIT_EXCEEDED");
		assertThat(details(response).path("count").asInt()).isEqualTo(21);
		assertThat(details(response).path("limit").asInt()).isEqualTo(20);
		assertThat(negotiations.slotRows(id)).isEqualTo(20);
		assertThat(negotiations.get(alice, id).data().path("revision").asInt()).isEqualTo(1);
	}

	@Test
	void replyWhenCounterVenuesWouldExceedTwentyReturns400CounterLimitExceededOnCounterVenues() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		body.put("proposed_venues", venues("Start", 10));
		String id = negotiations.startOk(alice, body).path("id").asString();
		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_venues", venues("Counter", 11));

		ApiResponse response = negotiations.reply(bob, counter);

		assertErrorEnvelope(response, 400, "COUNTER_LIMIT_EXCEEDED");
		assertThat(details(response).path("field").asString()).isEqualTo("counter_venues");
		assertThat(details(response).path("count").asInt()).isEqualTo(21);
		assertThat(details(response).path("limit").asInt()).isEqualTo(20);
		assertThat(jdbc.sql("SELECT count(*) FROM proposed_venues WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(10);
		assertThat(negotiations.get(alice, id).data().path("revision").asInt()).isZero();
	}

}
