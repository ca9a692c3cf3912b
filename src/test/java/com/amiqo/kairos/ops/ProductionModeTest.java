package com.amiqo.kairos.ops;

import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.StandaloneApp;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KAIROS_ENV=prod against a PostgreSQL given by DATABASE_URL (here a separately started one):
 * JSON logs carrying request and user ids, and no local token issuer.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionModeTest {

    @Test
    void prodWritesJsonRequestLogsAndHasNoLocalIssuer(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
                StandaloneApp app = StandaloneApp.start(
                        "KAIROS_ENV=prod",
                        "DATABASE_URL=jdbc:postgresql://localhost:" + database.getPort() + "/postgres",
                        "DATABASE_USER=postgres",
                        "KAIROS_CURSOR_SECRET=prod-test-secret-0123456789abcdef",
                        "KAIROS_PUBLIC_URL=https://kairos.example.com")) {
            String uid = "prod-user-" + System.nanoTime();

            ApiResponse me = app.api().get("/me").token(TestTokens.valid(uid)).header("X-Request-Id", "prod-req-1").send();
            ApiResponse devTokens = app.api().post("/dev/tokens").json("{\"uid\": \"mallory\"}").send();
            ApiResponse version = app.api().get("/version").send();

            assertThat(me.status()).isEqualTo(200);
            assertThat(devTokens.status()).isEqualTo(404);
            assertThat(version.data().path("environment").asString()).isEqualTo("prod");
            JsonNode accessLine = jsonLineContaining(output, "prod-req-1");
            assertThat(accessLine.toString()).contains("GET /me -> 200").contains(uid);
        }
    }

    private static JsonNode jsonLineContaining(CapturedOutput output, String text) {
        List<String> lines = output.getOut().lines().filter(line -> line.contains(text)).toList();
        assertThat(lines).isNotEmpty();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode last = null;
        for (String line : lines) {
            last = json.readTree(line);
            assertThat(last.isObject()).as(line).isTrue();
        }
        return last;
    }
}
