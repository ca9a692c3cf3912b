package com.amiqo.kairos.auth;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.StandaloneApp;
import com.amiqo.kairos.support.TestJwks;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Google's key endpoint cannot be reached, the client gets a retryable 503, never a
 * 401 (which would sign the user out), however many unknown key ids arrive and whatever
 * the refetch cap says.
 */
@ExtendWith(OutputCaptureExtension.class)
class JwksOutageTest {

	@Test
	void meWhenSigningKeysAreUnreachableAtColdStartReturns503EvenPastTheRefetchCap(CapturedOutput output) {
		try (StandaloneApp app = StandaloneApp.start("FIREBASE_JWKS_URL=http://127.0.0.1:9/unreachable-jwks",
				"kairos.database.embedded.ephemeral=true")) {
			for (int i = 0; i < 6; i++) {
				RSAKey unknown = TestJwks.newKey("never-fetched-" + i);
				ApiResponse response = app.api()
					.get("/me")
					.token(TestTokens.forUser("outage-user").signedWith(unknown).sign())
					.send();

				assertThat(response.status()).as("request " + i + ": " + response).isEqualTo(503);
				assertThat(response.header("Retry-After")).isEqualTo("1");
				assertThat(response.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
				assertThat(response.error().path("details").path("retryable").asBoolean()).isTrue();
			}
			ApiResponse legitimate = app.api().get("/me").token(TestTokens.valid("outage-user")).send();
			assertThat(legitimate.status()).as(legitimate.toString()).isEqualTo(503);
			assertThat(output.getAll()).contains("Authentication: Firebase ID tokens of project 'kairos-test'")
				.contains("local issuer ON")
				.contains("emulator mode off");
			// An expected outage: one warning per request, no stack trace.
			assertThat(output.getAll()).contains("Token verification unavailable")
				.doesNotContain("Servlet.service()")
				.doesNotContain("Signing keys are unavailable")
				.doesNotContain("\tat org.springframework.security");
		}
	}

}
