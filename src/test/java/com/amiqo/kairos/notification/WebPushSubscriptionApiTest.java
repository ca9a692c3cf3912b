package com.amiqo.kairos.notification;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.MockPushService;
import com.amiqo.kairos.support.QuietApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /web-push/vapid-public-key}, {@code PUT}/{@code DELETE
 * /me/web-push-subscriptions}. On the quiet context: nothing is pushed behind the tests'
 * back.
 */
class WebPushSubscriptionApiTest extends QuietApiTest {

	private final MockPushService pushService = MockPushService.get();

	@Test
	void vapidPublicKeyWithoutTokenIsTheConfiguredKey() {
		ApiResponse response = api.get("/web-push/vapid-public-key").send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.data().path("public_key").asString()).isEqualTo(MockPushService.VAPID_PUBLIC_KEY);
	}

	@Test
	void subscribeWhenNewStoresItForTheCaller() {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber browser = pushService.subscriber();

		ApiResponse response = api.put("/me/web-push-subscriptions").token(ann.token()).json(browser.json()).send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.data().path("endpoint").asString()).isEqualTo(browser.endpoint());
		assertThat(response.data().has("created_at")).isTrue();
		assertThat(owner(browser.endpoint())).isEqualTo(ann.uid());
		assertThat(jdbc.sql("SELECT p256dh || ' ' || auth FROM web_push_subscriptions WHERE endpoint = :e")
			.param("e", browser.endpoint())
			.query(String.class)
			.single()).isEqualTo(browser.p256dh() + " " + browser.auth());
	}

	@Test
	void subscribeWhenRepeatedIsIdempotentAndTakesTheNewKeys() {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber browser = pushService.subscriber();
		MockPushService.Subscriber rotated = pushService.subscriber();
		api.put("/me/web-push-subscriptions").token(ann.token()).json(browser.json()).send();

		ApiResponse again = api.put("/me/web-push-subscriptions")
			.token(ann.token())
			.json(Map.of("endpoint", browser.endpoint(), "keys",
					Map.of("p256dh", rotated.p256dh(), "auth", rotated.auth() + "==")))
			.send();

		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM web_push_subscriptions WHERE endpoint = :e")
			.param("e", browser.endpoint())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT auth FROM web_push_subscriptions WHERE endpoint = :e")
			.param("e", browser.endpoint())
			.query(String.class)
			.single()).isEqualTo(rotated.auth());
	}

	@Test
	void subscribeWhenAnotherUserSubscribesTheSameBrowserMovesItToThem() {
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		MockPushService.Subscriber browser = pushService.subscriber();
		api.put("/me/web-push-subscriptions").token(ann.token()).json(browser.json()).send();

		api.put("/me/web-push-subscriptions").token(ben.token()).json(browser.json()).send();

		assertThat(owner(browser.endpoint())).isEqualTo(ben.uid());
	}

	@Test
	void subscribeWhenOverTenKeepsTheTenMostRecent() {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber first = pushService.subscriber();
		assertThat(api.put("/me/web-push-subscriptions").token(ann.token()).json(first.json()).send().status())
			.isEqualTo(200);
		for (int i = 0; i < 10; i++) {
			assertThat(api.put("/me/web-push-subscriptions")
				.token(ann.token())
				.json(pushService.subscriber().json())
				.send()
				.status()).isEqualTo(200);
		}

		assertThat(jdbc.sql("""
				SELECT s.endpoint FROM web_push_subscriptions s JOIN app_users u ON u.id = s.user_id
				 WHERE u.firebase_uid = :u""").param("u", ann.uid()).query(String.class).list()).hasSize(10)
			.doesNotContain(first.endpoint());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "plain http | http://localhost:{port}/push/x | endpoint",
					"host not on the allowlist | https://evil.example.com/push/x | endpoint",
					"cloud metadata address | https://169.254.169.254/latest/meta-data | endpoint",
					"another port of the allowed host | https://localhost:1/push/x | endpoint",
					"user info | https://user@localhost:{port}/push/x | endpoint", "not a URL | not a url | endpoint",
					"empty | '' | endpoint", "relative | /push/x | endpoint" })
	void subscribeWhenEndpointIsNotAnAllowedHttpsUrlReturns400NamingEndpoint(String why, String endpoint,
			String field) {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber browser = pushService.subscriber();
		String port = pushService.host().substring("localhost:".length());
		String target = endpoint.replace("{port}", port);

		ApiResponse response = api.put("/me/web-push-subscriptions")
			.token(ann.token())
			.json(Map.of("endpoint", target, "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.auth())))
			.send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo(field);
		assertThat(subscriptionsOf(ann)).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "p256dh not base64url | p256dh | +/+/ | ",
			"p256dh too short | p256dh | BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcx | ",
			"p256dh not on the curve | p256dh | BAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA | ",
			"auth too long | auth | | BTBZMqHH6r4Tts7J_aSIggAA", "auth not base64url | auth | | BTBZMqHH6r4Tts7J/aSIgg",
			"auth empty | auth | | ''" })
	void subscribeWhenAKeyIsNotWhatABrowserGivesReturns400NamingIt(String why, String key, String p256dh, String auth) {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber browser = pushService.subscriber();

		ApiResponse response = api.put("/me/web-push-subscriptions")
			.token(ann.token())
			.json(Map.of("endpoint", browser.endpoint(), "keys",
					Map.of("p256dh", p256dh == null ? browser.p256dh() : p256dh, "auth",
							auth == null ? browser.auth() : auth)))
			.send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo("keys." + key);
		assertThat(subscriptionsOf(ann)).isZero();
	}

	@Test
	void subscribeWhenEverythingIsWrongNamesEveryField() {
		TestUser ann = signIn("Ann");

		ApiResponse wrong = api.put("/me/web-push-subscriptions")
			.token(ann.token())
			.json(Map.of("endpoint", "http://evil.example.com", "keys", Map.of("p256dh", "AA", "auth", "AA")))
			.send();
		ApiResponse missing = api.put("/me/web-push-subscriptions")
			.token(ann.token())
			.json(Map.of("endpoint", pushService.subscriber().endpoint()))
			.send();
		ApiResponse wrongType = api.put("/me/web-push-subscriptions")
			.token(ann.token())
			.json(Map.of("endpoint", 42, "keys", "x"))
			.send();

		assertErrorEnvelope(wrong, 400, "VALIDATION_ERROR");
		assertThat(wrong.error().path("details").path("fields").propertyNames()).containsExactly("endpoint",
				"keys.p256dh", "keys.auth");
		assertErrorEnvelope(missing, 400, "VALIDATION_ERROR");
		assertThat(missing.error().path("details").path("field").asString()).isEqualTo("keys");
		assertErrorEnvelope(wrongType, 400, "VALIDATION_ERROR");
		assertThat(subscriptionsOf(ann)).isZero();
	}

	@Test
	void unsubscribeWhenOwnRemovesItAndIsIdempotent() {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber browser = pushService.subscriber();
		api.put("/me/web-push-subscriptions").token(ann.token()).json(browser.json()).send();

		ApiResponse response = api.delete("/me/web-push-subscriptions?endpoint=" + encode(browser.endpoint()))
			.token(ann.token())
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(204);
		assertThat(owner(browser.endpoint())).isNull();
		assertThat(api.delete("/me/web-push-subscriptions?endpoint=" + encode(browser.endpoint()))
			.token(ann.token())
			.send()
			.status()).isEqualTo(204);
	}

	@Test
	void unsubscribeWhenEndpointMissingOrOverLongReturns400NamingEndpoint() {
		TestUser ann = signIn("Ann");

		ApiResponse missing = api.delete("/me/web-push-subscriptions").token(ann.token()).send();
		ApiResponse empty = api.delete("/me/web-push-subscriptions?endpoint=").token(ann.token()).send();
		ApiResponse tooLong = api.delete("/me/web-push-subscriptions?endpoint=" + "a".repeat(2049))
			.token(ann.token())
			.send();

		for (ApiResponse response : java.util.List.of(missing, empty, tooLong)) {
			assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
			assertThat(response.error().path("details").path("field").asString()).isEqualTo("endpoint");
		}
	}

	@Test
	void subscriptionsWithoutTokenReturn401() {
		MockPushService.Subscriber browser = pushService.subscriber();

		assertThat(api.put("/me/web-push-subscriptions").json(browser.json()).send().status()).isEqualTo(401);
		assertThat(api.delete("/me/web-push-subscriptions?endpoint=" + encode(browser.endpoint())).send().status())
			.isEqualTo(401);
		assertThat(owner(browser.endpoint())).isNull();
	}

	static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private long subscriptionsOf(TestUser user) {
		return jdbc.sql("""
				SELECT count(*) FROM web_push_subscriptions s JOIN app_users u ON u.id = s.user_id
				 WHERE u.firebase_uid = :u""").param("u", user.uid()).query(Long.class).single();
	}

	private String owner(String endpoint) {
		return jdbc.sql("""
				SELECT u.firebase_uid FROM web_push_subscriptions s JOIN app_users u ON u.id = s.user_id
				 WHERE s.endpoint = :e""").param("e", endpoint).query(String.class).optional().orElse(null);
	}

}
