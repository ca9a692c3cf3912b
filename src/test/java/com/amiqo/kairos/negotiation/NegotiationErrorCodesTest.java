package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.inDays;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.slot;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.venue;
import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error code of SPEC §5–§6, each produced over real HTTP with its status, code and
 * details, and the data checked untouched after the refusal.
 */
class NegotiationErrorCodesTest extends NegotiationApiTest {

	// ================================================================ VALIDATION_ERROR
	// (start)

	/**
	 * A start body that is invalid in exactly one field, and the field the error must
	 * name.
	 */
	static Stream<Arguments> invalidStartBodies() {
		return Stream.of(
				Arguments
					.of("proposed_slots[0].starts_at", "slot in the past",
							(Consumer<Map<String, Object>>) body -> body.put("proposed_slots", List
								.of(slot(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS))))),
				Arguments.of("proposed_slots[0].starts_at", "slot more than 365 days ahead",
						(Consumer<Map<String, Object>>) body -> body.put("proposed_slots", List.of(slot(inDays(366))))),
				Arguments.of("proposed_slots[1]", "duplicate slot",
						(Consumer<Map<String, Object>>) body -> body.put("proposed_slots",
								List.of(slot(inDays(2)), slot(inDays(2))))),
				Arguments.of("proposed_slots[0].timezone", "timezone not IANA",
						(Consumer<Map<String, Object>>) body -> {
							Map<String, Object> slot = slot(inDays(2));
							slot.put("timezone", "Mars/Olympus_Mons");
							body.put("proposed_slots", List.of(slot));
						}),
				Arguments.of("proposed_slots[0].duration_minutes", "duration under 5 minutes",
						(Consumer<Map<String, Object>>) body -> {
							Map<String, Object> slot = slot(inDays(2));
							slot.put("duration_minutes", 4);
							body.put("proposed_slots", List.of(slot));
						}),
				Arguments.of("proposed_slots", "no slots",
						(Consumer<Map<String, Object>>) body -> body.put("proposed_slots", List.of())),
				Arguments.of("intent_category", "intent category missing",
						(Consumer<Map<String, Object>>) body -> body.remove("intent_category")),
				Arguments.of("intent_category", "intent category unknown",
						(Consumer<Map<String, Object>>) body -> body.put("intent_category", "bowling")),
				Arguments.of("title", "title over 120 characters",
						(Consumer<Map<String, Object>>) body -> body.put("title", "t".repeat(121))),
				Arguments.of("expires_at", "expires_at in the past",
						(Consumer<Map<String, Object>>) body -> body.put("expires_at",
								Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString())),
				Arguments.of("expires_at", "expires_at more than 30 days ahead",
						(Consumer<Map<String, Object>>) body -> body.put("expires_at", inDays(31).toString())),
				Arguments.of("proposed_venues[0].metadata", "venue metadata over 4 KiB",
						(Consumer<Map<String, Object>>) body -> body.put("proposed_venues",
								List.of(Map.of("name", "Big", "metadata", Map.of("notes", "x".repeat(4200)))))),
				Arguments.of("proposed_venues[0].name", "venue name blank",
						(Consumer<Map<String, Object>>) body -> body.put("proposed_venues",
								List.of(Map.of("name", " ")))),
				Arguments.of("encrypted_payload", "payload not padded base64", (Consumer<Map<String, Object>>) body -> {
					body.put("encrypted_payload", "abc");
					body.put("encrypted_blob_version", 1);
				}), Arguments.of("encrypted_payload", "payload over 16 KiB decoded",
						(Consumer<Map<String, Object>>) body -> {
							body.put("encrypted_payload", Base64.getEncoder().encodeToString(new byte[16 * 1024 + 3]));
							body.put("encrypted_blob_version", 1);
						}),
				Arguments.of("encrypted_blob_version", "payload without version",
						(Consumer<Map<String, Object>>) body -> body.put("encrypted_payload", "AAAA")),
				Arguments.of("participant_ids", "more than 49 invitees",
						(Consumer<Map<String, Object>>) body -> body.put("participant_ids",
								java.util.stream.IntStream.range(0, 50).mapToObj(i -> "uid-" + i).toList())),
				Arguments.of("proposed_venues[0].lat", "venue latitude over 90",
						(Consumer<Map<String, Object>>) body -> body.put("proposed_venues",
								List.of(Map.of("name", "North", "lat", 90.5)))),
				Arguments.of("proposed_venues[0].lon", "venue longitude under -180",
						(Consumer<Map<String, Object>>) body -> body.put("proposed_venues",
								List.of(Map.of("name", "West", "lon", -180.01)))),
				Arguments.of("proposed_venues[0].address", "venue address over 300 characters",
						(Consumer<Map<String, Object>>) body -> body.put("proposed_venues",
								List.of(Map.of("name", "Long", "address", "a".repeat(301))))),
				Arguments.of("proposed_venues[0].address", "venue address blank",
						(Consumer<Map<String, Object>>) body -> body.put("proposed_venues",
								List.of(Map.of("name", "Blank", "address", "   ")))),
				Arguments.of("proposed_venues[0].lat", "venue latitude a string",
						(Consumer<Map<String, Object>>) body -> body.put("proposed_venues",
								List.of(Map.of("name", "Typed", "lat", "52.5")))),
				Arguments.of("id", "client id not a UUID",
						(Consumer<Map<String, Object>>) body -> body.put("id", "not-a-uuid")));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("invalidStartBodies")
	void startWhenOneFieldInvalidReturns400ValidationErrorNamingTheFieldAndWritesNothing(String field, String why,
			Consumer<Map<String, Object>> breakIt) {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = startBody(alice, List.of(bob));
		breakIt.accept(body);

		ApiResponse response = start(alice, body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo(field);
		assertThat(details(response).path("fields").has(field)).as(response.toString()).isTrue();
		assertThat(negotiationsOwnedBy(alice)).isZero();
	}

	@Test
	void startWhenSeveralFieldsInvalidReturns400NamingEveryFieldWithFirstInField() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = startBody(alice, List.of(bob));
		Map<String, Object> badZone = slot(inDays(2));
		badZone.put("timezone", "Not/AZone");
		body.put("proposed_slots", List.of(badZone, slot(inDays(400))));
		body.put("expires_at", inDays(40).toString());

		ApiResponse response = start(alice, body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		JsonNode fields = details(response).path("fields");
		assertThat(fields.propertyNames()).contains("proposed_slots[0].timezone", "proposed_slots[1].starts_at",
				"expires_at");
		assertThat(fields.propertyNames()).contains(details(response).path("field").asString());
		assertThat(fields.path("expires_at").asString()).isNotBlank();
		assertThat(negotiationsOwnedBy(alice)).isZero();
	}

	// ================================================================ VALIDATION_ERROR
	// (reply, read, list)

	@Test
	void replyWhenSlotIdsEmptyReturns400ValidationErrorAndLeavesAnswerUnchanged() {
		Setup s = threeWay();
		Map<String, Object> body = replyBody(s.id, "accept");
		body.put("slot_ids", List.of());

		ApiResponse response = reply(s.bob, body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("slot_ids");
		assertUnchanged(s, 0, "invited");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "action", "negotiation_id" })
	void replyWhenRequiredFieldMissingReturns400ValidationErrorNamingIt(String field) {
		Setup s = threeWay();
		Map<String, Object> body = replyBody(s.id, "accept");
		body.remove(field);

		ApiResponse response = reply(s.bob, body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo(field);
		assertUnchanged(s, 0, "invited");
	}

	@Test
	void replyWhenActionUnknownReturns400ValidationErrorOnAction() {
		Setup s = threeWay();

		ApiResponse response = reply(s.bob, replyBody(s.id, "maybe"));

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("action");
		assertUnchanged(s, 0, "invited");
	}

	@Test
	void replyWhenNegotiationIdIsNotUuidReturns400ValidationErrorOnNegotiationId() {
		TestUser bob = signIn("Bob");

		ApiResponse response = reply(bob, replyBody("12345", "accept"));

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("negotiation_id");
	}

	@Test
	void replyWhenBodyInvalidAndNegotiationUnknownReturns400BeforeLookingItUp() {
		TestUser bob = signIn("Bob");

		ApiResponse response = reply(bob, replyBody(UUID.randomUUID().toString(), "maybe"));

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("action");
	}

	@Test
	void replyWhenCounterSlotInvalidReturns400ValidationErrorOnCounterSlotField() {
		Setup s = threeWay();
		Map<String, Object> body = replyBody(s.id, "counter");
		body.put("counter_slots",
				List.of(slot(Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS))));

		ApiResponse response = reply(s.bob, body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("counter_slots[0].starts_at");
		assertUnchanged(s, 0, "invited");
		assertThat(slotRows(s.id)).isEqualTo(2);
	}

	@Test
	void replyWhenEncryptedPayloadNotBase64Returns400ValidationErrorOnPayload() {
		Setup s = threeWay();
		Map<String, Object> body = replyBody(s.id, "accept");
		body.put("encrypted_payload", "not base64!");
		body.put("encrypted_blob_version", 1);

		ApiResponse response = reply(s.bob, body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("encrypted_payload");
		assertUnchanged(s, 0, "invited");
	}

	@Test
	void replyWhenIfMatchIsNotARevisionReturns400ValidationErrorOnIfMatch() {
		Setup s = threeWay();

		ApiResponse response = api.post("/negotiate/reply")
			.token(s.bob.token())
			.header("If-Match", "\"abc\"")
			.json(replyBody(s.id, "accept"))
			.send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("If-Match");
		assertUnchanged(s, 0, "invited");
	}

	@Test
	void cancelWhenReasonOver500CharactersReturns400ValidationErrorOnReason() {
		Setup s = threeWay();

		ApiResponse response = api.post("/negotiate/cancel")
			.token(s.alice.token())
			.json(Map.of("negotiation_id", s.id, "reason", "r".repeat(501)))
			.send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("reason");
		assertUnchanged(s, 0, "invited");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/negotiations/not-a-uuid", "/events/not-a-uuid" })
	void getWhenPathIdIsNotUuidReturns400ValidationErrorOnId(String path) {
		TestUser alice = signIn("Alice");

		ApiResponse response = api.get(path).token(alice.token()).send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("id");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/negotiations?limit=0", "/negotiations?limit=101", "/events?limit=0", "/events?limit=101",
			"/events/upcoming?limit=0", "/events/upcoming?limit=101" })
	void listWhenLimitOutsideOneToHundredReturns400ValidationErrorOnLimit(String path) {
		TestUser alice = signIn("Alice");

		ApiResponse response = api.get(path).token(alice.token()).send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("limit");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/negotiations?limit=1", "/negotiations?limit=100", "/events?limit=100",
			"/events/upcoming?limit=1" })
	void listWhenLimitAtBoundaryReturns200(String path) {
		TestUser alice = signIn("Alice");

		ApiResponse response = api.get(path).token(alice.token()).send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/negotiations?state=pending|state", "/negotiations?role=guest|role",
			"/negotiations?updated_after=yesterday|updated_after", "/events?status=tentative|status" })
	void listWhenFilterInvalidReturns400ValidationErrorNamingTheFilter(String pathAndField) {
		TestUser alice = signIn("Alice");
		String[] parts = pathAndField.split("\\|");

		ApiResponse response = api.get(parts[0]).token(alice.token()).send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo(parts[1]);
	}

	// ================================================================ MALFORMED_JSON

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/negotiate/start", "/negotiate/reply", "/negotiate/cancel" })
	void postWhenBodyIsNotJsonReturns400MalformedJson(String path) {
		TestUser alice = signIn("Alice");

		for (String body : List.of("{", "{\"negotiation_id\": }", "not json", "{\"action\":\"accept\"} trailing")) {
			ApiResponse response = api.post(path).token(alice.token()).json(body).send();
			assertErrorEnvelope(response, 400, "MALFORMED_JSON");
		}
		ApiResponse empty = api.post(path).token(alice.token()).header("Content-Type", "application/json").send();
		assertErrorEnvelope(empty, 400, "MALFORMED_JSON");
		assertThat(negotiationsOwnedBy(alice)).isZero();
	}

	@Test
	void replyWhenBodyIsMalformedJsonLeavesNegotiationUnchanged() {
		Setup s = threeWay();

		ApiResponse response = api.post("/negotiate/reply")
			.token(s.bob.token())
			.json("{\"negotiation_id\": \"" + s.id + "\", \"action\": \"accept\"")
			.send();

		assertErrorEnvelope(response, 400, "MALFORMED_JSON");
		assertUnchanged(s, 0, "invited");
	}

	@Test
	void startWhenBodyIsNotJsonContentTypeReturns415UnsupportedMediaType() {
		TestUser alice = signIn("Alice");

		ApiResponse response = api.post("/negotiate/start").token(alice.token()).body("text/plain", "coffee?").send();

		assertErrorEnvelope(response, 415, "UNSUPPORTED_MEDIA_TYPE");
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
		startOk(alice, startBody(alice, List.of(bob)));
		startOk(alice, startBody(alice, List.of(bob)));
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
		Setup s = threeWay();
		Map<String, Object> absent = replyBody(s.id, "counter");
		Map<String, Object> empty = replyBody(s.id, "counter");
		empty.put("counter_slots", List.of());
		empty.put("counter_venues", List.of());
		Map<String, Object> onlyChoices = replyBody(s.id, "counter");
		onlyChoices.put("slot_ids", List.of(s.slot0));

		for (Map<String, Object> body : List.of(absent, empty, onlyChoices)) {
			ApiResponse response = reply(s.bob, body);
			assertErrorEnvelope(response, 400, "MISSING_COUNTER_FIELDS");
			assertThat(texts(details(response).path("fields"))).containsExactlyInAnyOrder("counter_slots",
					"counter_venues");
		}
		assertUnchanged(s, 0, "invited");
		ApiResponse view = get(s.alice, s.id);
		assertThat(view.data().path("agent_round").asInt()).isZero();
	}

	@Test
	void replyWhenEmptyCounterReachesUnknownOrForeignNegotiationReturns400MissingCounterFieldsFirst() {
		Setup s = threeWay();
		TestUser mallory = signIn("Mallory");

		for (ApiResponse response : List.of(reply(mallory, replyBody(UUID.randomUUID().toString(), "counter")),
				reply(mallory, replyBody(s.id, "counter")))) {
			assertErrorEnvelope(response, 400, "MISSING_COUNTER_FIELDS");
		}
		assertUnchanged(s, 0, "invited");
	}

	// ================================================================
	// COUNTER_LIMIT_EXCEEDED

	@Test
	void replyWhenCounterSlotsWouldExceedTwentyReturns400CounterLimitExceededWithCountAndLimit() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = startBody(alice, List.of(bob));
		body.put("proposed_slots", slots(1, 10));
		String id = startOk(alice, body).path("id").asString();
		Map<String, Object> counter = replyBody(id, "counter");
		counter.put("counter_slots", slots(11, 11));

		ApiResponse response = reply(bob, counter);

		assertErrorEnvelope(response, 400, "COUNTER_LIMIT_EXCEEDED");
		assertThat(details(response).path("field").asString()).isEqualTo("counter_slots");
		assertThat(details(response).path("count").asInt()).isEqualTo(21);
		assertThat(details(response).path("limit").asInt()).isEqualTo(20);
		assertThat(slotRows(id)).isEqualTo(10);
		ApiResponse view = get(alice, id);
		assertThat(view.data().path("revision").asInt()).isZero();
		assertThat(participantStatus(view.data(), bob)).isEqualTo("invited");
	}

	@Test
	void replyWhenCounterReachesExactlyTwentySlotsSucceedsAndTheNextNewSlotIsRefused() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = startBody(alice, List.of(bob));
		body.put("proposed_slots", slots(1, 10));
		String id = startOk(alice, body).path("id").asString();
		Map<String, Object> toTwenty = replyBody(id, "counter");
		toTwenty.put("counter_slots", slots(11, 10));
		ApiResponse accepted = reply(bob, toTwenty);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.data().path("proposed_slots").size()).isEqualTo(20);
		Map<String, Object> oneMore = replyBody(id, "counter");
		oneMore.put("counter_slots", slots(21, 1));

		ApiResponse response = reply(alice, oneMore);

		assertErrorEnvelope(response, 400, "COUNTER_LIMIT_EXCEEDED");
		assertThat(details(response).path("count").asInt()).isEqualTo(21);
		assertThat(details(response).path("limit").asInt()).isEqualTo(20);
		assertThat(slotRows(id)).isEqualTo(20);
		assertThat(get(alice, id).data().path("revision").asInt()).isEqualTo(1);
	}

	@Test
	void replyWhenCounterVenuesWouldExceedTwentyReturns400CounterLimitExceededOnCounterVenues() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = startBody(alice, List.of(bob));
		body.put("proposed_venues", venues("Start", 10));
		String id = startOk(alice, body).path("id").asString();
		Map<String, Object> counter = replyBody(id, "counter");
		counter.put("counter_venues", venues("Counter", 11));

		ApiResponse response = reply(bob, counter);

		assertErrorEnvelope(response, 400, "COUNTER_LIMIT_EXCEEDED");
		assertThat(details(response).path("field").asString()).isEqualTo("counter_venues");
		assertThat(details(response).path("count").asInt()).isEqualTo(21);
		assertThat(details(response).path("limit").asInt()).isEqualTo(20);
		assertThat(jdbc.sql("SELECT count(*) FROM proposed_venues WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(10);
		assertThat(get(alice, id).data().path("revision").asInt()).isZero();
	}

	// ================================================================
	// USER_NOT_PARTICIPANT

	@Test
	void getReplyAndCancelWhenStrangerReturn403UserNotParticipant() {
		Setup s = threeWay();
		TestUser mallory = signIn("Mallory");

		List<ApiResponse> refusals = List.of(get(mallory, s.id), reply(mallory, replyBody(s.id, "accept")),
				reply(mallory, replyBody(s.id, "decline")),
				api.post("/negotiate/cancel").token(mallory.token()).json(Map.of("negotiation_id", s.id)).send());

		for (ApiResponse refusal : refusals) {
			assertErrorEnvelope(refusal, 403, "USER_NOT_PARTICIPANT");
			assertThat(details(refusal).path("negotiation_id").asString()).isEqualTo(s.id);
		}
		assertUnchanged(s, 0, "invited");
		assertThat(get(s.alice, s.id).data().path("participant_count").asInt()).isEqualTo(3);
	}

	@Test
	void replyWhenStrangerToExpiredNegotiationReturns403BeforeExpiry() {
		Setup s = threeWay();
		expireNow(s.id);
		TestUser mallory = signIn("Mallory");

		ApiResponse response = reply(mallory, replyBody(s.id, "accept"));

		assertErrorEnvelope(response, 403, "USER_NOT_PARTICIPANT");
	}

	// ================================================================
	// ORGANIZER_ONLY_ACTION

	@Test
	void cancelWhenInviteeReturns403OrganizerOnlyActionAndNegotiationStaysOpen() {
		Setup s = threeWay();

		ApiResponse response = api.post("/negotiate/cancel")
			.token(s.bob.token())
			.json(Map.of("negotiation_id", s.id, "reason", "I'd rather not"))
			.send();

		assertErrorEnvelope(response, 403, "ORGANIZER_ONLY_ACTION");
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(s.id);
		assertThat(details(response).path("requested_action").asString()).isEqualTo("cancel");
		assertUnchanged(s, 0, "invited");
		assertThat(get(s.bob, s.id).data().path("state").asString()).isEqualTo("awaiting_replies");
	}

	@Test
	void cancelWhenInviteeOfConfirmedNegotiationReturns403AndEventsStayConfirmed() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = startOk(alice, startBody(alice, List.of(bob))).path("id").asString();
		assertThat(reply(bob, replyBody(id, "accept")).data().path("state").asString()).isEqualTo("confirmed");

		ApiResponse response = api.post("/negotiate/cancel")
			.token(bob.token())
			.json(Map.of("negotiation_id", id))
			.send();

		assertErrorEnvelope(response, 403, "ORGANIZER_ONLY_ACTION");
		assertThat(get(alice, id).data().path("state").asString()).isEqualTo("confirmed");
		assertThat(jdbc.sql("SELECT count(*) FROM events WHERE negotiation_id = ? AND status = 'confirmed'")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	// ================================================================
	// USER_NOT_EVENT_OWNER / EVENT_CREATION_DISABLED

	@Test
	void getEventWhenOtherParticipantsOrStrangersEventReturns403UserNotEventOwner() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser mallory = signIn("Mallory");
		String id = startOk(alice, startBody(alice, List.of(bob))).path("id").asString();
		reply(bob, replyBody(id, "accept"));
		String aliceEvent = jdbc.sql("""
				SELECT e.id FROM events e JOIN app_users u ON u.id = e.owner_id
				 WHERE e.negotiation_id = ? AND u.firebase_uid = ?""")
			.param(UUID.fromString(id))
			.param(alice.uid())
			.query(UUID.class)
			.single()
			.toString();

		for (TestUser intruder : List.of(bob, mallory)) {
			ApiResponse response = api.get("/events/" + aliceEvent).token(intruder.token()).send();
			assertErrorEnvelope(response, 403, "USER_NOT_EVENT_OWNER");
			assertThat(details(response).path("event_id").asString()).isEqualTo(aliceEvent);
		}
		ApiResponse own = api.get("/events/" + aliceEvent).token(alice.token()).send();
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(own.data().path("owner_id").asString()).isEqualTo(alice.uid());
	}

	@Test
	void createEventWhenAnyBodyReturns403EventCreationDisabledAndCreatesNothing() {
		TestUser alice = signIn("Alice");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "Standalone");
		body.put("owner_id", alice.uid());
		body.put("starts_at", inDays(2).toString());
		body.put("ends_at", inDays(2).plusSeconds(3600).toString());

		for (ApiResponse response : List.of(api.post("/events").token(alice.token()).json(body).send(),
				api.post("/events").token(alice.token()).json("{}").send(),
				api.post("/events").token(alice.token()).send())) {
			assertErrorEnvelope(response, 403, "EVENT_CREATION_DISABLED");
		}
		assertThat(
				jdbc.sql("SELECT count(*) FROM events e JOIN app_users u ON u.id = e.owner_id WHERE u.firebase_uid = ?")
					.param(alice.uid())
					.query(Long.class)
					.single())
			.isZero();
	}

	// ================================================================ NOT_FOUND

	@Test
	void getReplyCancelWhenNegotiationUnknownReturn404NotFound() {
		TestUser alice = signIn("Alice");
		String unknown = UUID.randomUUID().toString();

		for (ApiResponse response : List.of(get(alice, unknown), reply(alice, replyBody(unknown, "accept")),
				api.post("/negotiate/cancel").token(alice.token()).json(Map.of("negotiation_id", unknown)).send(),
				api.get("/events/" + UUID.randomUUID()).token(alice.token()).send())) {
			assertErrorEnvelope(response, 404, "NOT_FOUND");
		}
	}

	@Test
	void getReplyCancelWhenDraftAndCallerIsNotOrganizerReturn404NotFound() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser mallory = signIn("Mallory");
		Map<String, Object> body = startBody(alice, List.of(bob));
		body.put("send", false);
		String id = startOk(alice, body).path("id").asString();

		for (TestUser caller : List.of(bob, mallory)) {
			for (ApiResponse response : List.of(get(caller, id), reply(caller, replyBody(id, "accept")),
					reply(caller, replyBody(id, "decline")),
					api.post("/negotiate/cancel").token(caller.token()).json(Map.of("negotiation_id", id)).send())) {
				assertErrorEnvelope(response, 404, "NOT_FOUND");
			}
		}
		ApiResponse view = get(alice, id);
		assertThat(view.data().path("state").asString()).isEqualTo("awaiting_invites");
		assertThat(view.data().path("revision").asInt()).isZero();
		assertThat(participantStatus(view.data(), bob)).isEqualTo("invited");
	}

	// ================================================================ CONFLICT

	@Test
	void startWhenSameIdWithDifferentBodyReturns409ConflictAndKeepsTheOriginal() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = UUID.randomUUID().toString();
		Map<String, Object> body = startBody(alice, List.of(bob));
		body.put("id", id);
		startOk(alice, body);
		Map<String, Object> changed = new LinkedHashMap<>(body);
		changed.put("title", "Something else");

		ApiResponse response = start(alice, changed);

		assertErrorEnvelope(response, 409, "CONFLICT");
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(id);
		assertThat(details(response).path("field").asString()).isEqualTo("id");
		ApiResponse view = get(alice, id);
		assertThat(view.data().path("title").asString()).isEqualTo("Coffee catch-up");
		assertThat(view.data().path("revision").asInt()).isZero();
		assertThat(negotiationsOwnedBy(alice)).isEqualTo(1);
	}

	@Test
	void startWhenSameIdAndBodyByAnotherUserReturns409ConflictAndCreatesNothing() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = UUID.randomUUID().toString();
		Map<String, Object> body = startBody(alice, List.of(carol));
		body.put("id", id);
		startOk(alice, body);

		ApiResponse response = start(bob, body);

		assertErrorEnvelope(response, 409, "CONFLICT");
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(id);
		assertThat(negotiationsOwnedBy(bob)).isZero();
		assertThat(get(bob, id).errorCode()).as("Bob did not become a participant").isEqualTo("USER_NOT_PARTICIPANT");
		assertThat(get(alice, id).data().path("owner_id").asString()).isEqualTo(alice.uid());
	}

	@Test
	void startWhenSameIdDiffersOnlyBelowOneSecondReturns409Conflict() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = UUID.randomUUID().toString();
		Instant start = inDays(2);
		Map<String, Object> body = startBody(alice, List.of(bob));
		body.put("id", id);
		Map<String, Object> precise = slot(start.plusMillis(250));
		body.put("proposed_slots", List.of(precise));
		startOk(alice, body);
		Map<String, Object> rounded = new LinkedHashMap<>(body);
		rounded.put("proposed_slots", List.of(slot(start)));

		ApiResponse same = start(alice, body);
		ApiResponse different = start(alice, rounded);

		assertThat(same.status()).as(same.toString()).isEqualTo(200);
		assertErrorEnvelope(different, 409, "CONFLICT");
		assertThat(details(different).path("negotiation_id").asString()).isEqualTo(id);
		assertThat(slotRows(id)).isEqualTo(1);
	}

	// ================================================================
	// INVALID_STATE_TRANSITION

	@Test
	void replyWhenOrganizerDeclinesReturns409InvalidStateTransitionWithDetails() {
		Setup s = threeWay();

		ApiResponse response = reply(s.alice, replyBody(s.id, "decline"));

		assertErrorEnvelope(response, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(response, s.id, "awaiting_replies", "decline");
		ApiResponse view = get(s.alice, s.id);
		assertThat(view.data().path("revision").asInt()).isZero();
		assertThat(view.data().path("my_status").asString()).isEqualTo("organizer");
	}

	@Test
	void replyWhenNegotiationConfirmedReturns409InvalidStateTransitionForNewAnswers() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		JsonNode started = startOk(alice, startBody(alice, List.of(bob)));
		String id = started.path("id").asString();
		assertThat(reply(bob, replyBody(id, "accept")).data().path("state").asString()).isEqualTo("confirmed");
		Map<String, Object> counter = replyBody(id, "counter");
		counter.put("counter_slots", List.of(slot(inDays(9))));
		Map<String, Object> narrower = replyBody(id, "accept");
		narrower.put("slot_ids", List.of(UUID.randomUUID().toString()));

		for (Object[] attempt : List.of(new Object[] { bob, replyBody(id, "decline"), "decline" },
				new Object[] { bob, counter, "counter" }, new Object[] { bob, narrower, "accept" },
				new Object[] { alice, replyBody(id, "decline"), "decline" })) {
			@SuppressWarnings("unchecked")
			ApiResponse response = reply((TestUser) attempt[0], (Map<String, Object>) attempt[1]);
			assertErrorEnvelope(response, 409, "INVALID_STATE_TRANSITION");
			assertTransitionDetails(response, id, "confirmed", (String) attempt[2]);
		}
		ApiResponse view = get(alice, id);
		assertThat(view.data().path("revision").asInt()).isEqualTo(1);
		assertThat(participantStatus(view.data(), bob)).isEqualTo("accepted");
		assertThat(slotRows(id)).isEqualTo(2);
		assertThat(jdbc.sql("SELECT count(*) FROM events WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void replyAndCancelWhenNegotiationCancelledReturn409InvalidStateTransition() {
		Setup s = threeWay();
		ApiResponse cancelled = api.post("/negotiate/cancel")
			.token(s.alice.token())
			.json(Map.of("negotiation_id", s.id))
			.send();
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

		ApiResponse accept = reply(s.bob, replyBody(s.id, "accept"));
		ApiResponse cancelAgain = api.post("/negotiate/cancel")
			.token(s.alice.token())
			.json(Map.of("negotiation_id", s.id))
			.send();

		assertErrorEnvelope(accept, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(accept, s.id, "cancelled", "accept");
		assertErrorEnvelope(cancelAgain, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(cancelAgain, s.id, "cancelled", "cancel");
		assertUnchanged(s, 1, "invited");
	}

	@Test
	void replyWhenOrganizerDeclinesOrCountersADraftReturns409InvalidStateTransition() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = startBody(alice, List.of(bob));
		body.put("send", false);
		String id = startOk(alice, body).path("id").asString();
		Map<String, Object> counter = replyBody(id, "counter");
		counter.put("counter_slots", List.of(slot(inDays(8))));

		ApiResponse decline = reply(alice, replyBody(id, "decline"));
		ApiResponse counterDraft = reply(alice, counter);

		assertErrorEnvelope(decline, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(decline, id, "awaiting_invites", "decline");
		assertErrorEnvelope(counterDraft, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(counterDraft, id, "awaiting_invites", "counter");
		ApiResponse view = get(alice, id);
		assertThat(view.data().path("state").asString()).isEqualTo("awaiting_invites");
		assertThat(view.data().path("revision").asInt()).isZero();
		assertThat(slotRows(id)).isEqualTo(2);
	}

	@Test
	void cancelWhenOverdueReturns409InvalidStateTransitionWithCurrentStateExpired() {
		Setup s = threeWay();
		expireNow(s.id);

		ApiResponse response = api.post("/negotiate/cancel")
			.token(s.alice.token())
			.json(Map.of("negotiation_id", s.id))
			.send();

		assertErrorEnvelope(response, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(response, s.id, "expired", "cancel");
		assertThat(get(s.alice, s.id).data().path("state").asString()).isEqualTo("expired");
	}

	@Test
	void replyWhenConfirmedAndOptionsUnknownReturns409BeforeCheckingOptions() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = startOk(alice, startBody(alice, List.of(bob))).path("id").asString();
		reply(bob, replyBody(id, "accept"));
		Map<String, Object> body = replyBody(id, "accept");
		body.put("slot_ids", List.of(UUID.randomUUID().toString()));

		ApiResponse response = reply(alice, body);

		assertErrorEnvelope(response, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(response, id, "confirmed", "accept");
	}

	// ================================================================
	// NEGOTIATION_EXPIRED

	@Test
	void replyWhenExpiredReturns409NegotiationExpiredWithDetailsAndLeavesAnswerUnchanged() {
		Setup s = threeWay();
		ApiResponse before = get(s.alice, s.id);
		expireNow(s.id);

		ApiResponse response = reply(s.bob, replyBody(s.id, "accept"));

		assertErrorEnvelope(response, 409, "NEGOTIATION_EXPIRED");
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(s.id);
		assertThat(details(response).path("current_state").asString()).isEqualTo("expired");
		assertThat(details(response).path("expires_at").asString()).isNotBlank();
		ApiResponse view = get(s.alice, s.id);
		assertThat(view.data().path("state").asString()).isEqualTo("expired");
		assertThat(participantStatus(view.data(), s.bob)).isEqualTo("invited");
		assertThat(view.data().path("last_message_preview").asString())
			.isEqualTo(before.data().path("last_message_preview").asString());
	}

	@Test
	void replyWhenExpiredAndActionWouldBeRefusedAnywayReturns409NegotiationExpiredFirst() {
		Setup s = threeWay();
		expireNow(s.id);

		ApiResponse response = reply(s.alice, replyBody(s.id, "decline"));

		assertErrorEnvelope(response, 409, "NEGOTIATION_EXPIRED");
	}

	// ================================================================
	// PRECONDITION_FAILED

	@Test
	void replyWhenIfMatchIsStaleReturns412PreconditionFailedWithCurrentRevision() {
		Setup s = threeWay();
		ApiResponse carol = reply(s.carol, replyBody(s.id, "decline"));
		assertThat(carol.data().path("revision").asInt()).isEqualTo(1);

		ApiResponse response = api.post("/negotiate/reply")
			.token(s.bob.token())
			.header("If-Match", "\"0\"")
			.json(replyBody(s.id, "accept"))
			.send();

		assertErrorEnvelope(response, 412, "PRECONDITION_FAILED");
		assertThat(details(response).path("current_revision").asInt()).isEqualTo(1);
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(s.id);
		assertUnchanged(s, 1, "invited");
		ApiResponse current = api.post("/negotiate/reply")
			.token(s.bob.token())
			.header("If-Match", "\"1\"")
			.json(replyBody(s.id, "accept"))
			.send();
		assertThat(current.status()).as("the current ETag is accepted: " + current).isEqualTo(200);
		assertThat(current.data().path("state").asString()).isEqualTo("confirmed");
	}

	@Test
	void replyWhenIfMatchIsWeakOrUnquotedCurrentRevisionSucceeds() {
		Setup s = threeWay();
		ApiResponse etag = get(s.bob, s.id);
		assertThat(etag.header("ETag")).isEqualTo("\"0\"");

		ApiResponse weak = api.post("/negotiate/reply")
			.token(s.bob.token())
			.header("If-Match", "W/\"0\"")
			.json(replyBody(s.id, "decline"))
			.send();
		ApiResponse bare = api.post("/negotiate/reply")
			.token(s.carol.token())
			.header("If-Match", "1")
			.json(replyBody(s.id, "decline"))
			.send();

		assertThat(weak.status()).as(weak.toString()).isEqualTo(200);
		assertThat(bare.status()).as(bare.toString()).isEqualTo(200);
		assertThat(bare.data().path("state").asString()).isEqualTo("cancelled");
	}

	@Test
	void replyWhenIdenticalRepeatCarriesStaleIfMatchReturns200NoOp() {
		Setup s = threeWay();
		assertThat(reply(s.bob, replyBody(s.id, "decline")).status()).isEqualTo(200);
		assertThat(reply(s.carol, replyBody(s.id, "accept")).status()).isEqualTo(200);
		int revision = get(s.alice, s.id).data().path("revision").asInt();

		ApiResponse retry = api.post("/negotiate/reply")
			.token(s.bob.token())
			.header("If-Match", "\"0\"")
			.json(replyBody(s.id, "decline"))
			.send();

		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.data().path("revision").asInt()).isEqualTo(revision);
	}

	@Test
	void replyWhenExpiredAndIfMatchStaleReturns412BeforeExpiry() {
		Setup s = threeWay();
		reply(s.carol, replyBody(s.id, "decline"));
		expireNow(s.id);

		ApiResponse response = api.post("/negotiate/reply")
			.token(s.bob.token())
			.header("If-Match", "\"0\"")
			.json(replyBody(s.id, "accept"))
			.send();

		assertErrorEnvelope(response, 412, "PRECONDITION_FAILED");
	}

	// ================================================================
	// UNKNOWN_PARTICIPANTS

	@Test
	void startWhenSomeInviteesNeverSignedInReturns422UnknownParticipantsListingOnlyThem() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String ghost1 = newUid("ghost");
		String ghost2 = newUid("ghost");
		Map<String, Object> body = startBody(alice, List.of(bob));
		body.put("participant_ids", List.of(ghost1, bob.uid(), ghost2));

		ApiResponse response = start(alice, body);

		assertErrorEnvelope(response, 422, "UNKNOWN_PARTICIPANTS");
		assertThat(texts(details(response).path("unknown"))).containsExactlyInAnyOrder(ghost1, ghost2);
		assertThat(details(response).path("field").asString()).isEqualTo("participant_ids");
		assertThat(negotiationsOwnedBy(alice)).isZero();
		assertThat(userRows(ghost1)).as("an invitation provisions no one").isZero();
	}

	// ================================================================ UNKNOWN_OPTION

	@Test
	void replyWhenSlotOrVenueIdsAreNotThisNegotiationsReturns422UnknownOptionListingThem() {
		Setup s = threeWay();
		Setup other = threeWay();
		String stranger = UUID.randomUUID().toString();
		Map<String, Object> foreignSlot = replyBody(s.id, "accept");
		foreignSlot.put("slot_ids", List.of(s.slot0, other.slot0));
		Map<String, Object> unknownVenue = replyBody(s.id, "accept");
		unknownVenue.put("venue_ids", List.of(stranger));

		ApiResponse slotResponse = reply(s.bob, foreignSlot);
		ApiResponse venueResponse = reply(s.bob, unknownVenue);

		assertErrorEnvelope(slotResponse, 422, "UNKNOWN_OPTION");
		assertThat(texts(details(slotResponse).path("unknown_slot_ids"))).containsExactly(other.slot0);
		assertThat(details(slotResponse).path("unknown_venue_ids").isArray()).isTrue();
		assertThat(details(slotResponse).path("unknown_venue_ids").size()).isZero();
		assertErrorEnvelope(venueResponse, 422, "UNKNOWN_OPTION");
		assertThat(texts(details(venueResponse).path("unknown_venue_ids"))).containsExactly(stranger);
		assertThat(details(venueResponse).path("unknown_slot_ids").isArray()).isTrue();
		assertThat(details(venueResponse).path("unknown_slot_ids").size()).isZero();
		assertUnchanged(s, 0, "invited");
	}

	@Test
	void replyWhenCounterNamesUnknownSlotIdsReturns422UnknownOptionAndAddsNoSlot() {
		Setup s = threeWay();
		String unknown = UUID.randomUUID().toString();
		Map<String, Object> body = replyBody(s.id, "counter");
		body.put("counter_slots", List.of(slot(inDays(7))));
		body.put("slot_ids", List.of(unknown));

		ApiResponse response = reply(s.bob, body);

		assertErrorEnvelope(response, 422, "UNKNOWN_OPTION");
		assertThat(texts(details(response).path("unknown_slot_ids"))).containsExactly(unknown);
		assertUnchanged(s, 0, "invited");
		assertThat(slotRows(s.id)).isEqualTo(2);
	}

	// ================================================================ SLOT_IN_PAST

	@Test
	void replyWhenChoosingOnlySlotsThatAlreadyStartedReturns422SlotInPast() {
		Setup s = threeWay();
		jdbc.sql("UPDATE proposed_slots SET starts_at = now() - interval '1 hour' WHERE id = ?")
			.param(UUID.fromString(s.slot0))
			.update();
		Map<String, Object> body = replyBody(s.id, "accept");
		body.put("slot_ids", List.of(s.slot0));

		ApiResponse response = reply(s.bob, body);

		assertErrorEnvelope(response, 422, "SLOT_IN_PAST");
		assertThat(details(response).path("field").asString()).isEqualTo("slot_ids");
		assertThat(texts(details(response).path("slot_ids"))).containsExactly(s.slot0);
		assertUnchanged(s, 0, "invited");
		Map<String, Object> withFuture = replyBody(s.id, "accept");
		withFuture.put("slot_ids", List.of(s.slot0, s.slot1));
		ApiResponse mixed = reply(s.bob, withFuture);
		assertThat(mixed.status()).as("a started slot next to a future one is fine: " + mixed).isEqualTo(200);
	}

	@Test
	void replyWhenOnlySharedSlotHasStartedDoesNotConfirm() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		JsonNode started = startOk(alice, startBody(alice, List.of(bob)));
		String id = started.path("id").asString();
		String s0 = slotIdByIndex(started, 0);
		jdbc.sql("UPDATE proposed_slots SET starts_at = now() - interval '1 hour' WHERE id = ?")
			.param(UUID.fromString(s0))
			.update();
		Map<String, Object> counter = replyBody(id, "counter");
		counter.put("counter_slots", List.of(slot(inDays(8))));
		counter.put("slot_ids", List.of(s0));

		ApiResponse response = reply(bob, counter);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.data().path("state").asString()).as("the only shared slot has started")
			.isEqualTo("awaiting_replies");
		assertThat(response.data().path("final_slot_id").isNull()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM events WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isZero();
	}

	// ================================================================ helpers

	/**
	 * Alice invited Bob and Carol to two slots and two venues; nobody answered yet
	 * (revision 0).
	 */
	private record Setup(TestUser alice, TestUser bob, TestUser carol, String id, String slot0, String slot1) {
	}

	private Setup threeWay() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		JsonNode started = startOk(alice, startBody(alice, List.of(bob, carol)));
		return new Setup(alice, bob, carol, started.path("id").asString(), slotIdByIndex(started, 0),
				slotIdByIndex(started, 1));
	}

	/**
	 * The negotiation still has this revision and Bob still this status, as the organizer
	 * reads it.
	 */
	private void assertUnchanged(Setup s, int revision, String bobStatus) {
		ApiResponse view = get(s.alice, s.id);
		assertThat(view.status()).as(view.toString()).isEqualTo(200);
		assertThat(view.data().path("revision").asInt()).as("revision").isEqualTo(revision);
		assertThat(view.header("ETag")).isEqualTo("\"" + revision + "\"");
		assertThat(participantStatus(view.data(), s.bob)).as("Bob's status").isEqualTo(bobStatus);
		assertThat(jdbc.sql("SELECT revision FROM negotiations WHERE id = ?")
			.param(UUID.fromString(s.id))
			.query(Integer.class)
			.single()).isEqualTo(revision);
	}

	private static void assertTransitionDetails(ApiResponse response, String id, String state, String action) {
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(id);
		assertThat(details(response).path("current_state").asString()).isEqualTo(state);
		assertThat(details(response).path("requested_action").asString()).isEqualTo(action);
	}

	private static JsonNode details(ApiResponse response) {
		return response.error().path("details");
	}

	private Map<String, Object> startBody(TestUser organizer, List<TestUser> invitees) {
		Map<String, Object> body = NegotiationFixtures.start(invitees);
		body.put("participant_ids", new ArrayList<>(invitees.stream().map(TestUser::uid).toList()));
		return body;
	}

	private static List<Map<String, Object>> slots(int firstDay, int count) {
		List<Map<String, Object>> slots = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			slots.add(slot(inDays(firstDay + i)));
		}
		return slots;
	}

	private static List<Map<String, Object>> venues(String prefix, int count) {
		List<Map<String, Object>> venues = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			venues.add(venue(prefix + " " + i));
		}
		return venues;
	}

	private long negotiationsOwnedBy(TestUser user) {
		return jdbc
			.sql("SELECT count(*) FROM negotiations n JOIN app_users u ON u.id = n.owner_id WHERE u.firebase_uid = ?")
			.param(user.uid())
			.query(Long.class)
			.single();
	}

	private long slotRows(String id) {
		return jdbc.sql("SELECT count(*) FROM proposed_slots WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single();
	}

	private static String slotIdByIndex(JsonNode negotiation, int index) {
		for (JsonNode slot : negotiation.path("proposed_slots")) {
			if (slot.path("slot_index").asInt() == index) {
				return slot.path("id").asString();
			}
		}
		throw new AssertionError("no slot " + index + " in " + negotiation);
	}

	private static String participantStatus(JsonNode negotiation, TestUser user) {
		for (JsonNode participant : negotiation.path("participants")) {
			if (participant.path("user_id").asString().equals(user.uid())) {
				return participant.path("status").asString();
			}
		}
		throw new AssertionError(user.uid() + " is not a participant of " + negotiation);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		for (JsonNode item : array) {
			texts.add(item.asString());
		}
		return texts;
	}

}
