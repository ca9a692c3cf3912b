package com.amiqo.kairos.notification;

import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.MockPushService;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix of the caller-scoped endpoints: the owner of a device, of a
 * browser's Web Push subscription and of preferences, another signed-in user, and a
 * caller without a token, against each endpoint aimed at the owner's data. Whatever the
 * others do, the owner's device, subscription and preferences are as they were; only
 * re-registering a token or re-subscribing an endpoint moves it (a phone or browser that
 * changed hands, docs/reference.md#users).
 */
class DevicesAndPreferencesMatrixTest extends ApiTest {

	private static final String BLOB = Base64.getEncoder().encodeToString("owner's preferences".getBytes());

	enum Role {

		OWNER, OTHER_USER, NO_TOKEN

	}

	enum Endpoint {

		REGISTER_DEVICE, DELETE_DEVICE, GET_PREFERENCES, PUT_PREFERENCES_IF_MATCH, PUT_PREFERENCES, SUBSCRIBE_WEB_PUSH,
		UNSUBSCRIBE_WEB_PUSH

	}

	static Stream<Arguments> matrix() {
		return Stream.of(Arguments.of(Endpoint.REGISTER_DEVICE, Role.OWNER, 200, true),
				Arguments.of(Endpoint.REGISTER_DEVICE, Role.OTHER_USER, 200, false),
				Arguments.of(Endpoint.REGISTER_DEVICE, Role.NO_TOKEN, 401, true),
				Arguments.of(Endpoint.DELETE_DEVICE, Role.OWNER, 204, false),
				Arguments.of(Endpoint.DELETE_DEVICE, Role.OTHER_USER, 204, true),
				Arguments.of(Endpoint.DELETE_DEVICE, Role.NO_TOKEN, 401, true),
				Arguments.of(Endpoint.GET_PREFERENCES, Role.OWNER, 200, true),
				Arguments.of(Endpoint.GET_PREFERENCES, Role.OTHER_USER, 404, true),
				Arguments.of(Endpoint.GET_PREFERENCES, Role.NO_TOKEN, 401, true),
				Arguments.of(Endpoint.PUT_PREFERENCES_IF_MATCH, Role.OWNER, 200, false),
				Arguments.of(Endpoint.PUT_PREFERENCES_IF_MATCH, Role.OTHER_USER, 412, true),
				Arguments.of(Endpoint.PUT_PREFERENCES_IF_MATCH, Role.NO_TOKEN, 401, true),
				Arguments.of(Endpoint.PUT_PREFERENCES, Role.OWNER, 200, false),
				Arguments.of(Endpoint.PUT_PREFERENCES, Role.OTHER_USER, 200, true),
				Arguments.of(Endpoint.PUT_PREFERENCES, Role.NO_TOKEN, 401, true),
				Arguments.of(Endpoint.SUBSCRIBE_WEB_PUSH, Role.OWNER, 200, true),
				Arguments.of(Endpoint.SUBSCRIBE_WEB_PUSH, Role.OTHER_USER, 200, false),
				Arguments.of(Endpoint.SUBSCRIBE_WEB_PUSH, Role.NO_TOKEN, 401, true),
				Arguments.of(Endpoint.UNSUBSCRIBE_WEB_PUSH, Role.OWNER, 204, false),
				Arguments.of(Endpoint.UNSUBSCRIBE_WEB_PUSH, Role.OTHER_USER, 204, true),
				Arguments.of(Endpoint.UNSUBSCRIBE_WEB_PUSH, Role.NO_TOKEN, 401, true));
	}

	/**
	 * @param ownerDataUnchanged for device and Web Push endpoints: the token or
	 * subscription still belongs to the owner; for preferences: the owner's blob is still
	 * the original one
	 */
	@ParameterizedTest(name = "{0} as {1} -> {2}")
	@MethodSource("matrix")
	void callWhenAimedAtOwnersDataTouchesOnlyTheCallersOwn(Endpoint endpoint, Role role, int status,
			boolean ownerDataUnchanged) {
		TestUser owner = signIn("Owner");
		TestUser other = signIn("Other");
		String token = DeliveryTest.deviceToken();
		api.put("/me/devices/" + token).token(owner.token()).json(Map.of("platform", "ios")).send();
		api.put("/me/agent-preferences")
			.token(owner.token())
			.json(Map.of("encrypted_payload", BLOB, "encrypted_blob_version", 1))
			.send();
		MockPushService.Subscriber browser = MockPushService.get().subscriber();
		api.put("/me/web-push-subscriptions").token(owner.token()).json(browser.json()).send();
		TestUser caller = role == Role.OWNER ? owner : other;

		ApiClient.Call call = switch (endpoint) {
			case REGISTER_DEVICE -> api.put("/me/devices/" + token).json(Map.of("platform", "ios"));
			case DELETE_DEVICE -> api.delete("/me/devices/" + token);
			case GET_PREFERENCES -> api.get("/me/agent-preferences");
			case PUT_PREFERENCES_IF_MATCH -> api.put("/me/agent-preferences")
				.header("If-Match", "\"1\"")
				.json(Map.of("encrypted_payload", "AAAA", "encrypted_blob_version", 1));
			case PUT_PREFERENCES ->
				api.put("/me/agent-preferences").json(Map.of("encrypted_payload", "AAAA", "encrypted_blob_version", 1));
			case SUBSCRIBE_WEB_PUSH -> api.put("/me/web-push-subscriptions").json(browser.json());
			case UNSUBSCRIBE_WEB_PUSH -> api
				.delete("/me/web-push-subscriptions?endpoint=" + WebPushSubscriptionApiTest.encode(browser.endpoint()));
		};
		if (role != Role.NO_TOKEN) {
			call.token(caller.token());
		}
		ApiResponse response = call.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		boolean deviceEndpoint = endpoint == Endpoint.REGISTER_DEVICE || endpoint == Endpoint.DELETE_DEVICE;
		boolean webPushEndpoint = endpoint == Endpoint.SUBSCRIBE_WEB_PUSH || endpoint == Endpoint.UNSUBSCRIBE_WEB_PUSH;
		if (webPushEndpoint) {
			assertThat(subscriber(browser.endpoint()))
				.isEqualTo(ownerDataUnchanged ? owner.uid() : role == Role.OWNER ? null : other.uid());
		}
		else if (deviceEndpoint) {
			assertThat(owner(token))
				.isEqualTo(ownerDataUnchanged ? owner.uid() : role == Role.OWNER ? null : other.uid());
		}
		else {
			assertThat(api.get("/me/agent-preferences")
				.token(owner.token())
				.send()
				.data()
				.path("encrypted_payload")
				.asString()).isEqualTo(ownerDataUnchanged ? BLOB : "AAAA");
		}
		if (endpoint == Endpoint.GET_PREFERENCES && role == Role.OWNER) {
			assertThat(response.data().path("encrypted_payload").asString()).isEqualTo(BLOB);
		}
	}

	private String subscriber(String endpoint) {
		return jdbc.sql("""
				SELECT u.firebase_uid FROM web_push_subscriptions s JOIN app_users u ON u.id = s.user_id
				 WHERE s.endpoint = :e""").param("e", endpoint).query(String.class).optional().orElse(null);
	}

	private String owner(String token) {
		return jdbc.sql("SELECT u.firebase_uid FROM devices d JOIN app_users u ON u.id = d.user_id WHERE d.token = :t")
			.param("t", token)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
