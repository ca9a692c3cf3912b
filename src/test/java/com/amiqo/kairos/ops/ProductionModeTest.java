package com.amiqo.kairos.ops;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.StandaloneApp;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KAIROS_ENV=prod against a PostgreSQL given by DATABASE_URL (here a separately started
 * one): request logs carrying request and user ids, and no local token issuer.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionModeTest {

	@Test
	void prodWritesRequestLogsAndHasNoLocalIssuer(CapturedOutput output) throws Exception {
		try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
				StandaloneApp app = StandaloneApp.start("KAIROS_ENV=prod",
						"DATABASE_URL=jdbc:postgresql://localhost:" + database.getPort() + "/postgres",
						"DATABASE_USER=postgres", "KAIROS_ACCESS_LOG_SAMPLE_RATE=1",
						"KAIROS_CURSOR_SECRET=prod-test-secret-0123456789abcdef",
						"KAIROS_PUBLIC_URL=https://kairos.example.com")) {
			String uid = "prod-user-" + System.nanoTime();

			ApiResponse me = app.api()
				.get("/me")
				.token(TestTokens.valid(uid))
				.header("X-Request-Id", "prod-req-1")
				.send();
			ApiResponse devTokens = app.api().post("/dev/tokens").json("{\"uid\": \"mallory\"}").send();
			ApiResponse version = app.api().get("/version").send();

			assertThat(me.status()).isEqualTo(200);
			assertThat(devTokens.status()).isEqualTo(404);
			assertThat(app.api().get("/v3/api-docs").send().body().path("paths").has("/dev/tokens")).isFalse();
			assertThat(version.data().path("environment").asString()).isEqualTo("prod");
			// The JSON format itself is checked in a process of its own
			// (ProductionSmokeIT): in this JVM
			// a test context started earlier may still own the logging system.
			assertThat(output.getOut().lines().filter(line -> line.contains("prod-req-1")))
				.anySatisfy(line -> assertThat(line).contains("GET /me -> 200").contains(uid));
			// No APNS_* here: allowed, but said out loud.
			assertThat(output.getOut()).contains("APNS_* is not configured: push notifications are only logged");
		}
	}

}
