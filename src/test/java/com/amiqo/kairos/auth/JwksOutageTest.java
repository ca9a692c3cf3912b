package com.amiqo.kairos.auth;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.StandaloneApp;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** When Google's key endpoint cannot be reached, the client gets a retryable 503, not a 401. */
class JwksOutageTest {

    @Test
    void meWhenSigningKeysAreUnreachableReturns503() {
        try (StandaloneApp app = StandaloneApp.start("FIREBASE_JWKS_URL=http://127.0.0.1:9/unreachable-jwks",
                "kairos.database.embedded.ephemeral=true")) {
            ApiResponse response = app.api().get("/me").token(TestTokens.valid("outage-user")).send();

            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(response.error().path("details").path("retryable").asBoolean()).isTrue();
        }
    }
}
