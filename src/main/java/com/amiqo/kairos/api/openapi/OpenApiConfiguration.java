package com.amiqo.kairos.api.openapi;

import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.amiqo.kairos.api.ClosedSet;

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

	/**
	 * {@code servers} names the configured public URL ({@code KAIROS_PUBLIC_URL}), or the
	 * relative {@code /} when none is set, never the address a request happened to use.
	 */
	@Bean
	OpenApiCustomizer openApiCustomizers(OpenApiModels models, @Value("${kairos.links.public-url:}") String publicUrl) {
		return new OpenApiCustomizers(models, publicUrl);
	}

	/**
	 * A query parameter with {@link ClosedSet} references the shared enum schema (an
	 * array of it, sent comma-separated, when the parameter is declared
	 * {@code explode = false}); one whose {@code @Pattern} merely lists alternatives
	 * fails the build, so no parameter ends up an anonymous enum.
	 */
	@Bean
	ParameterCustomizer closedSetParameters() {
		return (parameter, methodParameter) -> {
			if (parameter == null) {
				return parameter;
			}
			String where = methodParameter.getExecutable().getName() + "(" + parameter.getName() + ")";
			ClosedSet closed = methodParameter.getParameterAnnotation(ClosedSet.class);
			if (closed == null) {
				if (OpenApiModels.alternatives(
						methodParameter.getParameterAnnotation(jakarta.validation.constraints.Pattern.class)) != null) {
					throw new IllegalStateException(where + " lists its values in a @Pattern: add @ClosedSet so the "
							+ "document references one shared enum schema");
				}
				return parameter;
			}
			Schema<?> ref = new Schema<>()
				.$ref(OpenApiModels.SCHEMA_PREFIX + OpenApiModels.parameterEnum(closed, where));
			Object defaultValue = parameter.getSchema() == null ? null : parameter.getSchema().getDefault();
			io.swagger.v3.oas.annotations.Parameter declared = methodParameter
				.getParameterAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
			if (declared != null && declared.explode() == Explode.FALSE) {
				parameter.setStyle(io.swagger.v3.oas.models.parameters.Parameter.StyleEnum.FORM);
				parameter.setExplode(false);
				parameter.setSchema(new ArraySchema().items(ref));
			}
			else {
				parameter.setSchema(ref);
			}
			if (defaultValue != null) {
				throw new IllegalStateException(where + ": a closed-set parameter cannot declare a default");
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
						+ "response carries `X-Request-Id`. Error codes and enums may gain values in later "
						+ "versions: clients must accept unknown ones.")
				.contact(new Contact().name("Kairos Amiqo backend team"))
				.license(new License().name("Proprietary: all rights reserved")))
			.components(new Components().addSecuritySchemes(FIREBASE,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("Firebase ID token (JWT)")))
			.addSecurityItem(new SecurityRequirement().addList(FIREBASE));
	}

}
