package com.amiqo.kairos.api;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocsTest extends ApiTest {

    @Test
    void apiDocsArePublicAndDescribeEveryEndpoint() {
        ApiResponse docs = api.get("/v3/api-docs").send();

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.body().path("openapi").asString()).startsWith("3.");
        assertThat(docs.body().path("paths").propertyNames()).contains("/me", "/health", "/version",
                "/negotiate/start", "/negotiate/reply", "/negotiate/cancel", "/negotiations", "/negotiations/{id}",
                "/events", "/events/upcoming", "/events/{id}");
        assertThat(docs.body().path("components").path("securitySchemes").path("firebase").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(docs.body().path("components").path("schemas").path("Start").path("properties").propertyNames())
                .contains("intent_category", "participant_ids", "proposed_slots").doesNotContain("intentCategory");
        assertThat(docs.body().path("components").path("schemas").has("AppUser")).isFalse();
    }

    @Test
    void swaggerUiIsServed() {
        ApiResponse ui = api.get("/swagger-ui/index.html").send();

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.header("Content-Type")).startsWith("text/html");
    }
}
