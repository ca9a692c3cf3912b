package com.amiqo.kairos.api;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.RawHttp;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests an outside probe found answered with 500 or without a request id: badly
 * encoded query strings, wildcard and form content types, requests the server refuses
 * before routing, {@code /error}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedHttpRequestTest extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "/events?status=%ZZ", "/negotiations?limit=%ZZ", "/me?foo=%ZZ", "/events?status=%E2%82",
			"/events/upcoming?after=%", "/negotiations?%ZZ=1", "/negotiations?state=%C0%AF", "/me?a=%E2%82%",
			"/health?x=%ZZ" })
	void getWithBadlyPercentEncodedQueryReturns400WithoutLoggingTheValue(String target, CapturedOutput output) {
		TestUser user = signIn("Percy");

		RawHttp.Response response = RawHttp.get(port(), target, "Authorization: Bearer " + user.token());

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"VALIDATION_ERROR\"");
		assertThat(response.header("X-Request-Id")).isNotBlank();
		assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("%ZZ").doesNotContain("Exception");
	}

	@Test
	void getWithBadlyEncodedQueryNamesTheParameter() {
		TestUser user = signIn("Paula");

		RawHttp.Response response = RawHttp.get(port(), "/events?status=%ZZ", "Authorization: Bearer " + user.token());

		assertThat(response.body()).contains("\"field\":\"status\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "text/*", "*/json", "text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ";;;", "application/json/x",
			"application/jsonx" })
	void bodyWithNonJsonContentTypeReturns415OnEveryBodyEndpoint(String contentType) {
		TestUser user = signIn("Connie");
		String body = "{\"negotiation_id\":\"x\",\"display_name\":\"y\"}";
		for (ApiResponse response : List.of(
				api.post("/negotiate/start").token(user.token()).body(contentType, body).send(),
				api.post("/negotiate/reply").token(user.token()).body(contentType, body).send(),
				api.post("/negotiate/cancel").token(user.token()).body(contentType, body).send(),
				api.patch("/me").token(user.token()).body(contentType, body).send(),
				api.post("/dev/tokens").body(contentType, "{\"uid\":\"u\"}").send())) {
			assertErrorEnvelope(response, 415, "UNSUPPORTED_MEDIA_TYPE");
		}
	}

	@Test
	void formEncodedReplyReturns415AndNeverLogsTheBody(CapturedOutput output) {
		TestUser user = signIn("Fiona");
		String secret = "U0VDUkVULUJMT0ItTE9HR0VE";
		for (String body : List.of(
				"{\"negotiation_id\":\"x\",\"encrypted_payload\":\"" + secret + "\",\"encrypted_blob_version\":1}",
				"{\n  \"negotiation_id\": \"x\",\n  \"encrypted_payload\": \"" + secret + "\"\n}",
				"a%0Ab=" + secret + "&c%00=" + secret)) {
			ApiResponse response = api.post("/negotiate/reply")
				.token(user.token())
				.body("application/x-www-form-urlencoded", body)
				.send();

			assertErrorEnvelope(response, 415, "UNSUPPORTED_MEDIA_TYPE");
		}
		assertThat(output.getAll()).doesNotContain(secret).doesNotContain(" ERROR ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "application/xml", "image/png;q=0", "application/json;q=0", "bogus" })
	void writeWithAcceptRulingOutJsonReturns406AndChangesNothing(String accept) {
		TestUser user = signIn("Alma");

		ApiResponse response = api.patch("/me")
			.token(user.token())
			.header("Accept", accept)
			.json("{\"display_name\":\"Changed\"}")
			.send();

		assertErrorEnvelope(response, 406, "NOT_ACCEPTABLE");
		assertThat(api.get("/me").token(user.token()).send().data().path("display_name").asString()).isEqualTo("Alma");
	}

	@Test
	void jsonWithCharsetIsStillAccepted() {
		TestUser user = signIn("Carla");

		ApiResponse response = api.patch("/me")
			.token(user.token())
			.body("application/json; charset=utf-8", "{\"display_name\":\"Carla C.\"}")
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/negotiations/a%2Fb", "/negotiations/a%5Cb", "/negotiations/a%00b", "/me/{x}",
			"/negotiations/..%2F.." })
	void pathsRefusedBeforeRoutingGetTheEnvelopeAndARequestId(String target) {
		RawHttp.Response response = RawHttp.get(port(), target, "X-Request-Id: probe-path-1");

		assertThat(response.status()).as(response.toString()).isBetween(400, 499);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.body()).startsWith("{\"error\":{\"code\":\"");
		// A request line Tomcat cannot parse leaves the headers unread: then the id is a
		// fresh one.
		assertThat(response.header("X-Request-Id")).matches("probe-path-1|[0-9a-f-]{36}");
	}

	/**
	 * A path segment no id can have (an encoded dot or line break, a path parameter) is a
	 * validation error naming the route's variable at that place.
	 */
	@ParameterizedTest
	@CsvSource({ "GET,/negotiations/%2e%2e,id", "GET,/negotiations/%2E,id",
			"PUT,/me/devices/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef%0A,token",
			"GET,/negotiations/7b1f1d52-5f7e-4c1e-9a55-3b0f3d1f2a10;x=1/invite-links,id",
			"DELETE,/negotiations/7b1f1d52-5f7e-4c1e-9a55-3b0f3d1f2a10/invite-links/%2e%2e,linkId",
			"GET,/events/%0d,id", "GET,/invites/abc;jsessionid=1,token", "GET,/no-such/%2e%2e,path" })
	void pathSegmentRefusedBeforeRoutingNamesTheField(String method, String target, String field) {
		TestUser user = signIn("Pathfinder");
		RawHttp.Response response = RawHttp.request(port(), method, target,
				List.of("Authorization: Bearer " + user.token(), "X-Request-Id: probe-field-1"), new byte[0]);

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.header("X-Request-Id")).isEqualTo("probe-field-1");
		JsonNode error = JSON.readTree(response.body()).path("error");
		assertThat(error.path("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(error.path("details").path("field").asString()).as(response.body()).isEqualTo(field);
	}

	/**
	 * U+0085 (a C1 control) passes Tomcat's parser as ISO-8859-1; the firewall refuses it
	 * when the header is read.
	 */
	@Test
	void headerValueWithAControlCharacterReturns400InTheEnvelope() {
		RawHttp.Response response = RawHttp.get(port(), "/me", "Authorization: Bearer a\u0085b");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body()).startsWith("{\"error\":{\"code\":\"");
	}

	@Test
	void authorizationHeaderOver8KbReturns431InTheEnvelopeWithARequestId() {
		RawHttp.Response response = RawHttp.get(port(), "/me", "Authorization: Bearer " + "a".repeat(9000));

		assertThat(response.status()).as(response.toString()).isEqualTo(431);
		assertThat(response.body()).contains("\"code\":\"REQUEST_HEADERS_TOO_LARGE\"");
		assertThat(response.header("X-Request-Id")).isNotBlank();
	}

	@Test
	void urlOver8KbGetsTheEnvelopeWithARequestId() {
		RawHttp.Response response = RawHttp.get(port(), "/negotiations?x=" + "a".repeat(9000));

		assertThat(response.status()).as(response.toString()).isBetween(400, 499);
		assertThat(response.body()).startsWith("{\"error\":{\"code\":\"");
		assertThat(response.header("X-Request-Id")).isNotBlank();
	}

	@Test
	void malformedRequestLineGetsTheEnvelopeWithARequestId() {
		RawHttp.Response response = RawHttp.send(port(),
				"GET\u0001 /me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"VALIDATION_ERROR\"");
		assertThat(response.header("X-Request-Id")).isNotBlank();
	}

	@Test
	void traceReturns405InTheEnvelopeWithARequestId() {
		RawHttp.Response response = RawHttp.send(port(),
				"TRACE /me HTTP/1.1\r\nHost: x\r\nX-Request-Id: trace-1\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).as(response.toString()).isEqualTo(405);
		assertThat(response.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
		assertThat(response.header("X-Request-Id")).isEqualTo("trace-1");
	}

	@Test
	void errorPathAskedForDirectlyIs404WithATokenAnd401Without() {
		TestUser user = signIn("Erin");

		assertErrorEnvelope(api.get("/error").token(user.token()).send(), 404, "NOT_FOUND");
		assertErrorEnvelope(api.post("/error").token(user.token()).json("{}").send(), 404, "NOT_FOUND");
		assertErrorEnvelope(api.get("/error").send(), 401, "UNAUTHORIZED");
	}

}
