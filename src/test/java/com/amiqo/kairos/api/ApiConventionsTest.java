package com.amiqo.kairos.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestTokens;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference.md#conventions conventions, checked on real endpoints through the real
 * server.
 */
class ApiConventionsTest extends ApiTest {

	private static final String WHOLE_SECOND_UTC = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

	private String uid;

	private String token;

	@BeforeEach
	void signIn() {
		uid = newUid("conventions");
		token = TestTokens.valid(uid);
	}

	@Test
	void successResponseHasDataAndMetaWithRequestIdAndWholeSecondTimestamps() {
		ApiResponse response = api.get("/me").token(token).send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.body().propertyNames()).containsExactlyInAnyOrder("data", "meta");
		assertThat(response.body().path("meta").path("request_id").asString())
			.isEqualTo(response.header("X-Request-Id"));
		assertThat(response.body().path("meta").path("timestamp").asString()).matches(WHOLE_SECOND_UTC);
		assertThat(response.data().path("created_at").asString()).matches(WHOLE_SECOND_UTC);
		assertThat(UUID.fromString(response.header("X-Request-Id"))).isNotNull();
	}

	@Test
	void requestIdFromClientIsEchoedInHeaderAndMeta() {
		ApiResponse response = api.get("/me").token(token).header("X-Request-Id", "ios-1234.abc_DEF").send();

		assertThat(response.header("X-Request-Id")).isEqualTo("ios-1234.abc_DEF");
		assertThat(response.body().path("meta").path("request_id").asString()).isEqualTo("ios-1234.abc_DEF");
	}

	@ParameterizedTest
	@ValueSource(strings = { "has space", "semi;colon", "ünïcode" })
	void requestIdThatIsNotWellFormedIsReplacedWithUuid(String clientId) {
		ApiResponse response = api.get("/me").token(token).header("X-Request-Id", clientId).send();

		assertThat(response.header("X-Request-Id")).isNotEqualTo(clientId);
		assertThat(UUID.fromString(response.header("X-Request-Id"))).isNotNull();
	}

	@Test
	void requestIdLongerThan128CharactersIsReplaced() {
		String tooLong = "a".repeat(129);

		ApiResponse response = api.get("/me").token(token).header("X-Request-Id", tooLong).send();

		assertThat(UUID.fromString(response.header("X-Request-Id"))).isNotNull();
		assertThat(api.get("/me").token(token).header("X-Request-Id", "a".repeat(128)).send().header("X-Request-Id"))
			.isEqualTo("a".repeat(128));
	}

	@Test
	void errorResponseHasOnlyErrorWithCodeMessageDetailsAndEchoesRequestId() {
		ApiResponse response = api.patch("/me").token(token).header("X-Request-Id", "req-err-1").json("{").send();

		assertErrorEnvelope(response, 400, "MALFORMED_JSON");
		assertThat(response.header("X-Request-Id")).isEqualTo("req-err-1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "{\"display_name\": }", "[1, 2", "not json at all", "{\"a\":1} trailing" })
	void malformedJsonReturns400MalformedJson(String body) {
		assertErrorEnvelope(api.patch("/me").token(token).json(body).send(), 400, "MALFORMED_JSON");
	}

	@Test
	void missingBodyReturns400MalformedJson() {
		assertErrorEnvelope(api.patch("/me").token(token).header("Content-Type", "application/json").send(), 400,
				"MALFORMED_JSON");
	}

	@Test
	void wrongJsonTypeReturns400ValidationErrorNamingTheField() {
		ApiResponse response = api.patch("/me").token(token).json("{\"agent_mode_default\": \"yes\"}").send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo("agent_mode_default");
	}

	@Test
	void bodyOver64KibByContentLengthReturns413() {
		String huge = "{\"display_name\": \"" + "x".repeat(70 * 1024) + "\"}";

		assertErrorEnvelope(api.patch("/me").token(token).json(huge).send(), 413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void chunkedBodyOver64KibReturns413() {
		byte[] huge = ("{\"display_name\": \"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

		assertErrorEnvelope(api.patch("/me").token(token).chunkedJson(huge).send(), 413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void bodyJustUnder64KibIsReadNormally() {
		String padded = "{\"display_name\": \"Al\", \"ignored\": \"" + "x".repeat(60 * 1024) + "\"}";

		assertThat(api.patch("/me").token(token).json(padded).send().status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml", "application/x-www-form-urlencoded" })
	void nonJsonBodyReturns415(String contentType) {
		ApiResponse response = api.patch("/me").token(token).body(contentType, "display_name=Bob").send();

		assertErrorEnvelope(response, 415, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void unknownRouteReturns404Envelope() {
		assertErrorEnvelope(api.get("/no/such/route").token(token).send(), 404, "NOT_FOUND");
	}

	@Test
	void unknownRouteWithoutTokenReturns401Envelope() {
		assertErrorEnvelope(api.get("/no/such/route").send(), 401, "UNAUTHORIZED");
	}

	@Test
	void wrongMethodReturns405EnvelopeWithAllowHeader() {
		ApiResponse response = api.delete("/me").token(token).send();

		assertErrorEnvelope(response, 405, "METHOD_NOT_ALLOWED");
		assertThat(response.header("Allow")).contains("GET").contains("PATCH");
	}

	@Test
	void htmlAcceptHeaderStillGetsJsonErrors() {
		ApiResponse response = api.get("/no/such/route").token(token).header("Accept", "text/html").send();

		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.errorCode()).isIn("NOT_FOUND", "NOT_ACCEPTABLE");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2", "0", "v1", "1.1", "latest" })
	void unsupportedApiVersionReturns400(String version) {
		ApiResponse response = api.get("/me").token(token).header("Kairos-API-Version", version).send();

		assertErrorEnvelope(response, 400, "UNSUPPORTED_API_VERSION");
	}

	@Test
	void apiVersionOneIsServed() {
		assertThat(api.get("/me").token(token).header("Kairos-API-Version", "1").send().status()).isEqualTo(200);
	}

	@Test
	void unknownJsonFieldsAreIgnored() {
		ApiResponse response = api.patch("/me")
			.token(token)
			.json("{\"display_name\": \"Bob\", \"user_id\": \"someone-else\", \"owner_id\": \"x\"}")
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.data().path("user_id").asString()).isEqualTo(uid);
	}

}
