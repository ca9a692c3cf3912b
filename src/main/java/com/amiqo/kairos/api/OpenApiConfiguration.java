package com.amiqo.kairos.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document ({@code /v3/api-docs}) and its browsable UI ({@code /swagger-ui.html}),
 * generated from the controllers so they cannot drift from the code. SPEC.md stays the contract
 * for behaviour the schema cannot express (envelopes, error codes, ordering of checks).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String FIREBASE = "firebase";

    /** The document shows the JSON names clients send and receive (snake_case), as the API's mapper writes them. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI kairosOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Kairos Amiqo API").version("1")
                        .description("Coordination backend of Kairos Amiqo. Send a Firebase ID token as "
                                + "'Authorization: Bearer <token>'. Success bodies are {data, meta}; errors are "
                                + "{error: {code, message, details}}."))
                .components(new Components().addSecuritySchemes(FIREBASE, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("Firebase ID token (JWT)")))
                .addSecurityItem(new SecurityRequirement().addList(FIREBASE));
    }
}
