package com.amiqo.kairos.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document ({@code /v3/api-docs}) and its browsable UI
 * ({@code /swagger-ui.html}), generated from the controllers so they cannot drift from
 * the code, and shaped for client generators. docs/reference.md describes what the schema
 * cannot express (the order of checks, state rules).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String FIREBASE = "firebase";

	/**
	 * Also the ModelResolver springdoc uses: snake_case names, nullability, enums,
	 * always-written fields.
	 */
	@Bean
	OpenApiModels openApiModels() {
		return new OpenApiModels();
	}

	@Bean
	OperationCustomizer openApiErrorResponses() {
		return new OpenApiErrorResponses();
	}

	@Bean
	OpenApiCustomizer openApiCustomizers(OpenApiModels models) {
		return new OpenApiCustomizers(models);
	}

	/** A query parameter whose {@code @Pattern} lists alternatives is an enum. */
	@Bean
	ParameterCustomizer closedSetParameters() {
		return (parameter, methodParameter) -> {
			var values = OpenApiModels
				.alternatives(methodParameter.getParameterAnnotation(jakarta.validation.constraints.Pattern.class));
			if (parameter != null && values != null && parameter.getSchema() != null) {
				parameter.getSchema().setPattern(null);
				parameter.getSchema().setEnum(new java.util.ArrayList<>(values));
			}
			return parameter;
		};
	}

	@Bean
	OpenAPI kairosOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Kairos Amiqo API")
				.version("1")
				.description("Coordination backend of Kairos Amiqo. Authenticated endpoints take a Firebase "
						+ "ID token in the `Authorization` header, as `Bearer` followed by the token. "
						+ "Success bodies are `{data, meta}`; every error is `{error: {code, message, "
						+ "details}}` (schema `ErrorEnvelope`), with its codes listed per response. Every "
						+ "response carries `X-Request-Id`."))
			.components(new Components().addSecuritySchemes(FIREBASE,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("Firebase ID token (JWT)")))
			.addSecurityItem(new SecurityRequirement().addList(FIREBASE));
	}

}
