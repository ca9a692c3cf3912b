package com.amiqo.kairos.user;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET}/{@code PUT /me/agent-preferences} (docs/reference.md#users,
 * docs/reference.md#encrypted-blobs).
 */
class AgentPreferencesTest extends ApiTest {

	private static final String BLOB = Base64.getEncoder().encodeToString("prefers mornings".getBytes());

	@Test
	void getWhenNeverWrittenReturns404() {
		TestUser ann = signIn("Ann");

		assertErrorEnvelope(api.get("/me/agent-preferences").token(ann.token()).send(), 404, "NOT_FOUND");
	}

	@Test
	void putThenGetReturnsTheBlobByteForByteWithItsETag() {
		TestUser ann = signIn("Ann");

		ApiResponse put = api.put("/me/agent-preferences").token(ann.token()).json(body(BLOB, 1)).send();
		ApiResponse get = api.get("/me/agent-preferences").token(ann.token()).send();

		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.header("ETag")).isEqualTo("\"1\"");
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.header("ETag")).isEqualTo("\"1\"");
		assertThat(get.data().path("encrypted_payload").asString()).isEqualTo(BLOB);
		assertThat(get.data().path("encrypted_blob_version").asInt()).isEqualTo(1);
	}

	@Test
	void putWhenIfMatchIsCurrentWritesAndBumpsTheRevision() {
		TestUser ann = signIn("Ann");
		api.put("/me/agent-preferences").token(ann.token()).json(body(BLOB, 1)).send();

		ApiResponse second = api.put("/me/agent-preferences")
			.token(ann.token())
			.header("If-Match", "\"1\"")
			.json(body("AAAA", 2))
			.send();

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.header("ETag")).isEqualTo("\"2\"");
		assertThat(second.data().path("encrypted_payload").asString()).isEqualTo("AAAA");
	}

	@Test
	void putWhenIfMatchIsStaleReturns412AndKeepsTheOtherDevicesWrite() {
		TestUser ann = signIn("Ann");
		api.put("/me/agent-preferences").token(ann.token()).json(body(BLOB, 1)).send();
		api.put("/me/agent-preferences").token(ann.token()).header("If-Match", "\"1\"").json(body("AAAA", 1)).send();

		ApiResponse stale = api.put("/me/agent-preferences")
			.token(ann.token())
			.header("If-Match", "\"1\"")
			.json(body("BBBB", 1))
			.send();

		assertErrorEnvelope(stale, 412, "PRECONDITION_FAILED");
		assertThat(stale.error().path("details").path("current_revision").asInt()).isEqualTo(2);
		assertThat(
				api.get("/me/agent-preferences").token(ann.token()).send().data().path("encrypted_payload").asString())
			.isEqualTo("AAAA");
	}

	@Test
	void putWhenIfMatchBeforeFirstWriteReturns412() {
		TestUser ann = signIn("Ann");

		ApiResponse response = api.put("/me/agent-preferences")
			.token(ann.token())
			.header("If-Match", "\"1\"")
			.json(body(BLOB, 1))
			.send();

		assertErrorEnvelope(response, 412, "PRECONDITION_FAILED");
		assertThat(api.get("/me/agent-preferences").token(ann.token()).send().status()).isEqualTo(404);
	}

	@Test
	void putWhenBlobInvalidReturns400NamingTheFieldAndWritesNothing() {
		TestUser ann = signIn("Ann");
		String oversize = Base64.getEncoder().encodeToString(new byte[16 * 1024 + 1]);

		ApiResponse notBase64 = api.put("/me/agent-preferences").token(ann.token()).json(body("not base64!", 1)).send();
		ApiResponse tooBig = api.put("/me/agent-preferences").token(ann.token()).json(body(oversize, 1)).send();
		ApiResponse noVersion = api.put("/me/agent-preferences")
			.token(ann.token())
			.json(Map.of("encrypted_payload", BLOB))
			.send();
		ApiResponse noPayload = api.put("/me/agent-preferences")
			.token(ann.token())
			.json(Map.of("encrypted_blob_version", 1))
			.send();
		ApiResponse badIfMatch = api.put("/me/agent-preferences")
			.token(ann.token())
			.header("If-Match", "\"x\"")
			.json(body(BLOB, 1))
			.send();

		assertField(notBase64, "encrypted_payload");
		assertField(tooBig, "encrypted_payload");
		assertThat(tooBig.error().path("details").path("max_bytes").asInt()).isEqualTo(16 * 1024);
		assertField(noVersion, "encrypted_blob_version");
		assertField(noPayload, "encrypted_payload");
		assertThat(noPayload.error().path("details").path("fields").properties()).hasSize(1);
		assertField(badIfMatch, "If-Match");
		assertThat(api.get("/me/agent-preferences").token(ann.token()).send().status()).isEqualTo(404);
	}

	@Test
	void preferencesAreEachUsersOwn() {
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		api.put("/me/agent-preferences").token(ann.token()).json(body(BLOB, 1)).send();

		assertThat(api.get("/me/agent-preferences").token(ben.token()).send().status()).isEqualTo(404);
		assertThat(api.put("/me/agent-preferences")
			.token(ben.token())
			.header("If-Match", "\"1\"")
			.json(body("AAAA", 1))
			.send()
			.status()).isEqualTo(412);
		assertThat(
				api.get("/me/agent-preferences").token(ann.token()).send().data().path("encrypted_payload").asString())
			.isEqualTo(BLOB);
		assertThat(api.get("/me/agent-preferences").send().status()).isEqualTo(401);
	}

	private static Map<String, Object> body(String payload, int version) {
		return Map.of("encrypted_payload", payload, "encrypted_blob_version", version);
	}

	private static void assertField(ApiResponse response, String field) {
		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).as(response.toString()).isEqualTo(field);
	}

}
