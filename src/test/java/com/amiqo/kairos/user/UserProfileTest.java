package com.amiqo.kairos.user;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /me}, {@code PATCH /me} and provisioning on first sign-in
 * (docs/reference.md#authentication, docs/reference.md#users).
 */
class UserProfileTest extends ApiTest {

	@Test
	void meOnFirstRequestProvisionsUserFromTokenAndAcceptLanguage() {
		String uid = newUid("first");
		String token = TestTokens.forUser(uid).name("  Alice Example  ").sign();

		ApiResponse response = api.get("/me")
			.token(token)
			.header("Accept-Language", "fr-ch, fr;q=0.9, en;q=0.8")
			.send();

		assertThat(response.status()).isEqualTo(200);
		JsonNode me = response.data();
		assertThat(me.propertyNames()).containsExactlyInAnyOrder("id", "user_id", "display_name", "locale",
				"feature_flags", "agent_mode_default", "created_at", "updated_at");
		assertThat(me.path("user_id").asString()).isEqualTo(uid);
		assertThat(me.path("display_name").asString()).isEqualTo("Alice Example");
		assertThat(me.path("locale").asString()).isEqualTo("fr-CH");
		assertThat(me.path("feature_flags").isObject()).isTrue();
		assertThat(me.path("agent_mode_default").asBoolean()).isFalse();
		assertThat(response.raw()).doesNotContain("@example.com");
		assertThat(userRows(uid)).isEqualTo(1);
	}

	@Test
	void meOnLaterRequestsNeverOverwritesProfileFromToken() {
		String uid = newUid("later");
		String firstId = api.get("/me")
			.token(TestTokens.forUser(uid).name("Alice").sign())
			.header("Accept-Language", "de-DE")
			.send()
			.data()
			.path("id")
			.asString();

		ApiResponse later = api.get("/me")
			.token(TestTokens.forUser(uid).name("Mallory").sign())
			.header("Accept-Language", "es")
			.send();

		assertThat(later.data().path("id").asString()).isEqualTo(firstId);
		assertThat(later.data().path("display_name").asString()).isEqualTo("Alice");
		assertThat(later.data().path("locale").asString()).isEqualTo("de-DE");
		assertThat(userRows(uid)).isEqualTo(1);
	}

	@Test
	void meWithoutNameOrLanguageProvisionsNulls() {
		String uid = newUid("bare");

		JsonNode me = api.get("/me").token(TestTokens.valid(uid)).header("Accept-Language", "*").send().data();

		assertThat(me.path("display_name").isNull()).isTrue();
		assertThat(me.path("locale").isNull()).isTrue();
	}

	@Test
	void meWithControlCharactersInTokenNameStoresTheNameWithoutThem() {
		String uid = newUid("ctrl");

		JsonNode me = api.get("/me").token(TestTokens.forUser(uid).name("Ali\u0000ce\n").sign()).send().data();

		assertThat(me.path("display_name").asString()).isEqualTo("Alice");
	}

	@Test
	void meWithOverlongTokenNameKeepsAnEightyCharacterPrefix() {
		String uid = newUid("longname");

		JsonNode me = api.get("/me").token(TestTokens.forUser(uid).name("N".repeat(300)).sign()).send().data();

		assertThat(me.path("display_name").asString()).isEqualTo("N".repeat(80));
	}

	@Test
	void meWhenTwentyFirstRequestsRaceCreatesExactlyOneRow() throws Exception {
		String uid = newUid("race");
		String token = TestTokens.valid(uid);
		int callers = 20;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ApiResponse>> results = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			for (int i = 0; i < callers; i++) {
				results.add(pool.submit(() -> {
					if (!start.await(30, TimeUnit.SECONDS)) {
						throw new IllegalStateException("the start signal never came");
					}
					return api.get("/me").token(token).send();
				}));
			}
			start.countDown();
			List<String> ids = new ArrayList<>();
			for (Future<ApiResponse> result : results) {
				ApiResponse response = result.get(60, TimeUnit.SECONDS);
				assertThat(response.status()).as(response.toString()).isEqualTo(200);
				ids.add(response.data().path("id").asString());
			}
			assertThat(ids).containsOnly(ids.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(userRows(uid)).isEqualTo(1);
	}

	@Test
	void patchMeUpdatesGivenFieldsAndKeepsOthers() {
		String uid = newUid("patch");
		String token = TestTokens.forUser(uid).name("Alice").sign();
		JsonNode before = api.get("/me").token(token).header("Accept-Language", "en-GB").send().data();

		ApiResponse response = api.patch("/me")
			.token(token)
			.json("{\"display_name\": \"  Ally  \", \"agent_mode_default\": true}")
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.data().path("display_name").asString()).isEqualTo("Ally");
		assertThat(response.data().path("agent_mode_default").asBoolean()).isTrue();
		assertThat(response.data().path("locale").asString()).isEqualTo("en-GB");
		assertThat(response.data().path("id").asString()).isEqualTo(before.path("id").asString());
		assertThat(api.get("/me").token(token).send().data().path("display_name").asString()).isEqualTo("Ally");
	}

	@Test
	void patchMeNormalisesLocale() {
		String token = TestTokens.valid(newUid("locale"));

		ApiResponse response = api.patch("/me").token(token).json("{\"locale\": \"pt-br\"}").send();

		assertThat(response.data().path("locale").asString()).isEqualTo("pt-BR");
	}

	@Test
	void patchMeWithEmptyObjectChangesNothing() {
		String token = TestTokens.forUser(newUid("noop")).name("Alice").sign();
		JsonNode before = api.get("/me").token(token).send().data();

		JsonNode after = api.patch("/me").token(token).json("{}").send().data();

		assertThat(after).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\"    \"", "\"line\\nbreak\"", "42", "[\"Al\"]" })
	void patchMeWithInvalidDisplayNameReturns400NamingTheFieldAndChangesNothing(String value) {
		String uid = newUid("bad-name");
		String token = TestTokens.forUser(uid).name("Alice").sign();
		api.get("/me").token(token).send();

		ApiResponse response = api.patch("/me").token(token).json("{\"display_name\": " + value + "}").send();

		assertValidationError(response, "display_name");
		assertThat(api.get("/me").token(token).send().data().path("display_name").asString()).isEqualTo("Alice");
	}

	@Test
	void patchMeWithDisplayNameOver80CharactersReturns400() {
		String token = TestTokens.valid(newUid("long"));

		assertValidationError(
				api.patch("/me").token(token).json("{\"display_name\": \"" + "x".repeat(81) + "\"}").send(),
				"display_name");
		assertThat(api.patch("/me").token(token).json("{\"display_name\": \"" + "x".repeat(80) + "\"}").send().status())
			.isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"not a tag\"", "\"en_US\"", "\"\"", "\"x-toolongprivateusesubtag-way-too-long-for-us\"",
			"7" })
	void patchMeWithInvalidLocaleReturns400NamingTheField(String value) {
		String token = TestTokens.valid(newUid("bad-locale"));

		assertValidationError(api.patch("/me").token(token).json("{\"locale\": " + value + "}").send(), "locale");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"yes\"", "\"true\"", "1", "{}" })
	void patchMeWithNonBooleanAgentModeReturns400NamingTheField(String value) {
		String token = TestTokens.valid(newUid("bad-bool"));

		assertValidationError(api.patch("/me").token(token).json("{\"agent_mode_default\": " + value + "}").send(),
				"agent_mode_default");
	}

	@Test
	void patchMeWithSeveralInvalidFieldsNamesEachOne() {
		String token = TestTokens.valid(newUid("several"));

		ApiResponse response = api.patch("/me")
			.token(token)
			.json("{\"display_name\": \"\", \"locale\": \"not a tag\"}")
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.error().path("details").path("fields").propertyNames())
			.containsExactlyInAnyOrder("display_name", "locale");
	}

	@Test
	void patchMeWithoutTokenReturns401() {
		assertThat(api.patch("/me").json("{\"display_name\": \"Eve\"}").send().status()).isEqualTo(401);
	}

	private static void assertValidationError(ApiResponse response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo(field);
		assertThat(response.error().path("details").path("fields").has(field)).isTrue();
	}

}
