package com.amiqo.kairos.keys;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestKeys;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix of {@code /me/keys}: the owner of a key, another signed-in
 * user and a caller without a token, each aimed at the owner's key. Whatever the others
 * do, the owner's key stays the owner's and is never shown to them.
 */
class KeysMatrixTest extends ApiTest {

	enum Role {

		OWNER, OTHER_USER, NO_TOKEN

	}

	enum Endpoint {

		PUT_KEY, LIST_KEYS, DELETE_KEY

	}

	static Stream<Arguments> matrix() {
		return Stream.of(Arguments.of(Endpoint.PUT_KEY, Role.OWNER, 200, null, true),
				Arguments.of(Endpoint.PUT_KEY, Role.OTHER_USER, 409, "CONFLICT", true),
				Arguments.of(Endpoint.PUT_KEY, Role.NO_TOKEN, 401, "UNAUTHORIZED", true),
				Arguments.of(Endpoint.LIST_KEYS, Role.OWNER, 200, null, true),
				Arguments.of(Endpoint.LIST_KEYS, Role.OTHER_USER, 200, null, true),
				Arguments.of(Endpoint.LIST_KEYS, Role.NO_TOKEN, 401, "UNAUTHORIZED", true),
				Arguments.of(Endpoint.DELETE_KEY, Role.OWNER, 204, null, false),
				Arguments.of(Endpoint.DELETE_KEY, Role.OTHER_USER, 204, null, true),
				Arguments.of(Endpoint.DELETE_KEY, Role.NO_TOKEN, 401, "UNAUTHORIZED", true));
	}

	@ParameterizedTest(name = "{0} as {1} -> {2} {3}")
	@MethodSource("matrix")
	void callWhenAimedAtOwnersKeyTouchesOnlyTheCallersOwn(Endpoint endpoint, Role role, int status, String code,
			boolean ownerKeepsKey) {
		TestUser owner = signIn("Owner");
		TestUser other = signIn("Other");
		TestKeys key = TestKeys.generate().publish(api, owner);
		ApiClient.Call call = switch (endpoint) {
			case PUT_KEY -> api.put("/me/keys/" + key.keyId()).json(key.body("taken"));
			case LIST_KEYS -> api.get("/me/keys");
			case DELETE_KEY -> api.delete("/me/keys/" + key.keyId());
		};
		if (role != Role.NO_TOKEN) {
			call.token((role == Role.OWNER ? owner : other).token());
		}

		ApiResponse response = call.send();

		if (code == null) {
			assertThat(response.status()).as(response.toString()).isEqualTo(status);
		}
		else {
			assertErrorEnvelope(response, status, code);
		}
		if (endpoint == Endpoint.LIST_KEYS && role == Role.OTHER_USER) {
			assertThat(response.data().size()).isZero();
		}
		String holder = jdbc
			.sql("SELECT u.firebase_uid FROM user_keys k JOIN app_users u ON u.id = k.user_id " + "WHERE k.key_id = ?")
			.param(key.keyId())
			.query(String.class)
			.optional()
			.orElse(null);
		assertThat(holder).isEqualTo(ownerKeepsKey ? owner.uid() : null);
	}

}
