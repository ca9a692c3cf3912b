package com.amiqo.kairos.auth;

import java.time.Instant;

import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.EmulatorApiTest;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With FIREBASE_AUTH_EMULATOR_HOST set, unsigned emulator tokens are accepted; every
 * claim rule still holds.
 */
class EmulatorModeTest extends EmulatorApiTest {

	@Test
	void meWithUnsignedEmulatorTokenReturns200() {
		String uid = newUid("emulator");
		String token = new PlainJWT(TestTokens.forUser(uid).claims()).serialize();

		ApiResponse response = api.get("/me").token(token).send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.data().path("user_id").asString()).isEqualTo(uid);
	}

	@Test
	void meWithUnsignedTokenForAnotherProjectReturns401WrongAudience() {
		String token = new PlainJWT(TestTokens.forUser(newUid("emulator")).audience("other").claims()).serialize();

		ApiResponse response = api.get("/me").token(token).send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.error().path("details").path("reason").asString()).isEqualTo("wrong_audience");
	}

	@Test
	void meWithExpiredUnsignedTokenReturns401TokenExpired() {
		String token = new PlainJWT(TestTokens.forUser(newUid("emulator"))
			.issuedAt(Instant.now().minusSeconds(7200))
			.expiresAt(Instant.now().minusSeconds(3600))
			.claims()).serialize();

		assertThat(api.get("/me").token(token).send().error().path("details").path("reason").asString())
			.isEqualTo("token_expired");
	}

	@Test
	void meWithSignedTokenIsStillVerified() {
		String[] parts = TestTokens.valid(newUid("emulator")).split("\\.");
		String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";

		ApiResponse response = api.get("/me").token(badSignature).send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.error().path("details").path("reason").asString()).isEqualTo("invalid_signature");
	}

}
