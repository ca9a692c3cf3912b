package com.amiqo.kairos.api;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Google's front end sends along: CORS from configured origins, X-Forwarded-*, HSTS
 * on HTTPS.
 */
class EdgeHeadersTest extends ApiTest {

	@Test
	void preflightFromAllowedOriginWhenNoTokenIsAnsweredBeforeAuthentication() {
		ApiResponse preflight = api.options("/negotiations")
			.header("Origin", BROWSER_ORIGIN)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization, content-type, kairos-api-version")
			.send();

		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(BROWSER_ORIGIN);
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
		assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
		assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
	}

	@Test
	void preflightFromOtherOriginWhenNotConfiguredIsRefused() {
		ApiResponse preflight = api.options("/negotiations")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "POST")
			.send();

		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
		assertThat(preflight.header("Content-Type")).startsWith("application/json");
		assertThat(preflight.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(preflight.error().path("details").path("reason").asString()).isEqualTo("cors_not_allowed");
		assertThat(preflight.header("X-Request-Id")).isNotBlank();
	}

	@Test
	void requestFromOtherOriginIsRefusedInTheEnvelope() {
		ApiResponse refused = api.get("/me")
			.token(TestTokens.valid(newUid("cors-evil")))
			.header("Origin", "https://evil.example")
			.send();

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/json");
		assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(refused.error().path("details").path("reason").asString()).isEqualTo("cors_not_allowed");
	}

	@Test
	void preflightFromAllowedOriginAskingForAnotherHeaderIsRefusedInTheEnvelope() {
		ApiResponse preflight = api.options("/negotiations")
			.header("Origin", BROWSER_ORIGIN)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "x-not-allowed")
			.send();

		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.errorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void corsRequestFromAllowedOriginWhenAuthenticatedExposesRequestId() {
		ApiResponse me = api.get("/me").token(TestTokens.valid(newUid("cors"))).header("Origin", BROWSER_ORIGIN).send();

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.header("Access-Control-Allow-Origin")).isEqualTo(BROWSER_ORIGIN);
		assertThat(me.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
	}

	@Test
	void requestWhenForwardedAsHttpsGetsHsts() {
		ApiResponse https = api.get("/health")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "203.0.113.7")
			.header("X-Forwarded-Host", "api.kairos.test")
			.send();
		ApiResponse plain = api.get("/health").send();

		assertThat(https.header("Strict-Transport-Security")).contains("max-age=");
		assertThat(plain.header("Strict-Transport-Security")).isNull();
	}

}
