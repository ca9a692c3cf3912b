package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.negotiation.NegotiationCalls.Setup;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.inDays;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.slot;
import static com.amiqo.kairos.negotiation.NegotiationJson.details;
import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that are wrong in themselves, refused before anything is looked up: {@code
 * VALIDATION_ERROR} naming the field (start, reply, cancel, reads, list filters and
 * limits), {@code MALFORMED_JSON} and the unsupported media type
 * (docs/reference.md#conventions, docs/reference.md#negotiation-states).
 */
class NegotiationValidationErrorsTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

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
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		breakIt.accept(body);

		ApiResponse response = negotiations.start(alice, body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo(field);
		assertThat(details(response).path("fields").has(field)).as(response.toString()).isTrue();
		assertThat(negotiations.negotiationsOwnedBy(alice)).isZero();
	}

	@Test
	void startWhenSeveralFieldsInvalidReturns400NamingEveryFieldWithFirstInField() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		Map<String, Object> badZone = slot(inDays(2));
		badZone.put("timezone", "Not/AZone");
		body.put("proposed_slots", List.of(badZone, slot(inDays(400))));
		body.put("expires_at", inDays(40).toString());

		ApiResponse response = negotiations.start(alice, body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		JsonNode fields = details(response).path("fields");
		assertThat(fields.propertyNames()).contains("proposed_slots[0].timezone", "proposed_slots[1].starts_at",
				"expires_at");
		assertThat(fields.propertyNames()).contains(details(response).path("field").asString());
		assertThat(fields.path("expires_at").asString()).isNotBlank();
		assertThat(negotiations.negotiationsOwnedBy(alice)).isZero();
	}

	// ================================================================ VALIDATION_ERROR
	// (reply, read, list)

	@Test
	void replyWhenSlotIdsEmptyReturns400ValidationErrorAndLeavesAnswerUnchanged() {
		Setup s = negotiations.threeWay();
		Map<String, Object> body = NegotiationFixtures.reply(s.id(), "accept");
		body.put("slot_ids", List.of());

		ApiResponse response = negotiations.reply(s.bob(), body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("slot_ids");
		negotiations.assertUnchanged(s, 0, "invited");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "action", "negotiation_id" })
	void replyWhenRequiredFieldMissingReturns400ValidationErrorNamingIt(String field) {
		Setup s = negotiations.threeWay();
		Map<String, Object> body = NegotiationFixtures.reply(s.id(), "accept");
		body.remove(field);

		ApiResponse response = negotiations.reply(s.bob(), body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo(field);
		negotiations.assertUnchanged(s, 0, "invited");
	}

	@Test
	void replyWhenActionUnknownReturns400ValidationErrorOnAction() {
		Setup s = negotiations.threeWay();

		ApiResponse response = negotiations.reply(s.bob(), NegotiationFixtures.reply(s.id(), "maybe"));

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("action");
		negotiations.assertUnchanged(s, 0, "invited");
	}

	@Test
	void replyWhenNegotiationIdIsNotUuidReturns400ValidationErrorOnNegotiationId() {
		TestUser bob = signIn("Bob");

		ApiResponse response = negotiations.reply(bob, NegotiationFixtures.reply("12345", "accept"));

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("negotiation_id");
	}

	@Test
	void replyWhenBodyInvalidAndNegotiationUnknownReturns400BeforeLookingItUp() {
		TestUser bob = signIn("Bob");

		ApiResponse response = negotiations.reply(bob,
				NegotiationFixtures.reply(UUID.randomUUID().toString(), "maybe"));

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("action");
	}

	@Test
	void replyWhenCounterSlotInvalidReturns400ValidationErrorOnCounterSlotField() {
		Setup s = negotiations.threeWay();
		Map<String, Object> body = NegotiationFixtures.reply(s.id(), "counter");
		body.put("counter_slots",
				List.of(slot(Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS))));

		ApiResponse response = negotiations.reply(s.bob(), body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("counter_slots[0].starts_at");
		negotiations.assertUnchanged(s, 0, "invited");
		assertThat(negotiations.slotRows(s.id())).isEqualTo(2);
	}

	@Test
	void replyWhenEncryptedPayloadNotBase64Returns400ValidationErrorOnPayload() {
		Setup s = negotiations.threeWay();
		Map<String, Object> body = NegotiationFixtures.reply(s.id(), "accept");
		body.put("encrypted_payload", "not base64!");
		body.put("encrypted_blob_version", 1);

		ApiResponse response = negotiations.reply(s.bob(), body);

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("encrypted_payload");
		negotiations.assertUnchanged(s, 0, "invited");
	}

	@Test
	void replyWhenIfMatchIsNotARevisionReturns400ValidationErrorOnIfMatch() {
		Setup s = negotiations.threeWay();

		ApiResponse response = api.post("/negotiate/reply")
			.token(s.bob().token())
			.header("If-Match", "\"abc\"")
			.json(NegotiationFixtures.reply(s.id(), "accept"))
			.send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("If-Match");
		negotiations.assertUnchanged(s, 0, "invited");
	}

	@Test
	void cancelWhenReasonOver500CharactersReturns400ValidationErrorOnReason() {
		Setup s = negotiations.threeWay();

		ApiResponse response = api.post("/negotiate/cancel")
			.token(s.alice().token())
			.json(Map.of("negotiation_id", s.id(), "reason", "r".repeat(501)))
			.send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(details(response).path("field").asString()).isEqualTo("reason");
		negotiations.assertUnchanged(s, 0, "invited");
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
		assertThat(negotiations.negotiationsOwnedBy(alice)).isZero();
	}

	@Test
	void replyWhenBodyIsMalformedJsonLeavesNegotiationUnchanged() {
		Setup s = negotiations.threeWay();

		ApiResponse response = api.post("/negotiate/reply")
			.token(s.bob().token())
			.json("{\"negotiation_id\": \"" + s.id() + "\", \"action\": \"accept\"")
			.send();

		assertErrorEnvelope(response, 400, "MALFORMED_JSON");
		negotiations.assertUnchanged(s, 0, "invited");
	}

	@Test
	void startWhenBodyIsNotJsonContentTypeReturns415UnsupportedMediaType() {
		TestUser alice = signIn("Alice");

		ApiResponse response = api.post("/negotiate/start").token(alice.token()).body("text/plain", "coffee?").send();

		assertErrorEnvelope(response, 415, "UNSUPPORTED_MEDIA_TYPE");
	}

}
