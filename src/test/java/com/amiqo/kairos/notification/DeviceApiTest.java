package com.amiqo.kairos.notification;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code PUT}/{@code DELETE /me/devices/{token}} (docs/reference.md#users). */
class DeviceApiTest extends ApiTest {

	private static final Map<String, Object> IOS = Map.of("platform", "ios");

	@Test
	void registerWhenNewStoresProductionDeviceByDefault() {
		TestUser ann = signIn("Ann");
		String token = token('a');

		ApiResponse response = api.put("/me/devices/" + token).token(ann.token()).json(IOS).send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.data().path("environment").asString()).isEqualTo("production");
		assertThat(response.data().path("platform").asString()).isEqualTo("ios");
		assertThat(owner(token)).isEqualTo(ann.uid());
	}

	@Test
	void registerWhenRepeatedIsIdempotentAndUpdatesEnvironment() {
		TestUser ann = signIn("Ann");
		String token = token('b');
		api.put("/me/devices/" + token).token(ann.token()).json(IOS).send();

		ApiResponse again = api.put("/me/devices/" + token.toUpperCase())
			.token(ann.token())
			.json(Map.of("platform", "ios", "environment", "sandbox"))
			.send();

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.data().path("environment").asString()).isEqualTo("sandbox");
		assertThat(
				jdbc.sql("SELECT count(*) FROM devices WHERE token = :t").param("t", token).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void registerWhenTokenBelongsToAnotherUserMovesItToTheCaller() {
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String token = token('c');
		api.put("/me/devices/" + token).token(ann.token()).json(IOS).send();

		api.put("/me/devices/" + token).token(ben.token()).json(IOS).send();

		assertThat(owner(token)).isEqualTo(ben.uid());
	}

	@Test
	void registerWhenOverTwentyDevicesDropsTheOldest() {
		TestUser ann = signIn("Ann");
		for (int i = 0; i < 21; i++) {
			String token = String.format("%064x", 0xD00000L + i);
			assertThat(api.put("/me/devices/" + token).token(ann.token()).json(IOS).send().status()).isEqualTo(200);
		}

		assertThat(
				jdbc.sql("SELECT token FROM devices d JOIN app_users u ON u.id = d.user_id WHERE u.firebase_uid = :u")
					.param("u", ann.uid())
					.query(String.class)
					.list())
			.hasSize(20)
			.doesNotContain(String.format("%064x", 0xD00000L));
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "zz00000000000000000000000000000000000000000000000000000000000000",
			"0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
					+ "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
					+ "0" })
	void registerWhenTokenIsNotApnsHexReturns400NamingToken(String token) {
		TestUser ann = signIn("Ann");

		ApiResponse response = api.put("/me/devices/" + token).token(ann.token()).json(IOS).send();

		assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo("token");
		assertThat(jdbc.sql("SELECT count(*) FROM devices WHERE token = :t")
			.param("t", token.toLowerCase())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void registerWhenPlatformOrEnvironmentUnknownReturns400NamingTheField() {
		TestUser ann = signIn("Ann");
		String token = token('d');

		ApiResponse android = api.put("/me/devices/" + token)
			.token(ann.token())
			.json(Map.of("platform", "android"))
			.send();
		ApiResponse missing = api.put("/me/devices/" + token).token(ann.token()).json(Map.of()).send();
		ApiResponse staging = api.put("/me/devices/" + token)
			.token(ann.token())
			.json(Map.of("platform", "ios", "environment", "staging"))
			.send();

		assertErrorEnvelope(android, 400, "VALIDATION_ERROR");
		assertThat(android.error().path("details").path("field").asString()).isEqualTo("platform");
		assertErrorEnvelope(missing, 400, "VALIDATION_ERROR");
		assertThat(missing.error().path("details").path("field").asString()).isEqualTo("platform");
		assertErrorEnvelope(staging, 400, "VALIDATION_ERROR");
		assertThat(staging.error().path("details").path("field").asString()).isEqualTo("environment");
		assertThat(owner(token)).isNull();
	}

	@Test
	void deleteWhenOwnRemovesTheDevice() {
		TestUser ann = signIn("Ann");
		String token = token('e');
		api.put("/me/devices/" + token).token(ann.token()).json(IOS).send();

		ApiResponse response = api.delete("/me/devices/" + token).token(ann.token()).send();

		assertThat(response.status()).isEqualTo(204);
		assertThat(owner(token)).isNull();
		assertThat(api.delete("/me/devices/" + token).token(ann.token()).send().status()).isEqualTo(204);
	}

	@Test
	void deleteWhenAnotherUsersTokenLeavesItAlone() {
		TestUser ann = signIn("Ann");
		TestUser mallory = signIn("Mallory");
		String token = token('f');
		api.put("/me/devices/" + token).token(ann.token()).json(IOS).send();

		ApiResponse response = api.delete("/me/devices/" + token).token(mallory.token()).send();

		assertThat(response.status()).isEqualTo(204);
		assertThat(owner(token)).isEqualTo(ann.uid());
	}

	@Test
	void devicesWithoutTokenReturn401() {
		assertThat(api.put("/me/devices/" + token('0')).json(IOS).send().status()).isEqualTo(401);
		assertThat(api.delete("/me/devices/" + token('0')).send().status()).isEqualTo(401);
	}

	/** A well-formed 64-hex-digit APNs token unique to this test run. */
	private static String token(char first) {
		return first + java.util.UUID.randomUUID().toString().replace("-", "")
				+ java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 31);
	}

	private String owner(String token) {
		return jdbc.sql("SELECT u.firebase_uid FROM devices d JOIN app_users u ON u.id = d.user_id WHERE d.token = :t")
			.param("t", token)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
