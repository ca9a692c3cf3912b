package com.amiqo.kairos.api.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * The words of the document kept beside it rather than in annotations on the records:
 * {@code openapi/descriptions.properties} describes operations
 * ({@code operation.<operationId>}), schemas ({@code schema.<Name>}), properties
 * ({@code <Schema>.<property>}, or {@code *.<property>} for a name that means the same
 * everywhere) and parameters ({@code parameter.<operationId>.<name>} or
 * {@code parameter.<name>}); {@code openapi/examples/<operationId>.request.json} and
 * {@code .response.json} are the examples of a request body and of the success response.
 * A description written in the code ({@code @Schema(description)},
 * {@code @Parameter(description)}, {@code @Operation(description)}) wins.
 * OpenApiClientRulesTest fails the build on any property, parameter or operation left
 * without words, and on any example its schema rejects.
 */
final class OpenApiDescriptions {

	private static final String EXAMPLES = "openapi/examples/";

	private final Properties words = new Properties();

	OpenApiDescriptions() {
		try (InputStream in = resource("openapi/descriptions.properties")) {
			if (in != null) {
				words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	void apply(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		schemas.forEach((name, schema) -> {
			fill(schema, words.getProperty("schema." + name));
			if (schema.getProperties() != null) {
				((Map<String, Schema>) schema.getProperties()).forEach((property, propertySchema) -> {
					String text = words.getProperty(name + "." + property, words.getProperty("*." + property));
					if (propertySchema.get$ref() != null) {
						// OpenAPI 3.0 ignores siblings of $ref: the referenced schema
						// carries its own words.
						return;
					}
					fill(propertySchema, text);
				});
			}
		});
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::apply));
	}

	private void apply(Operation operation) {
		String id = operation.getOperationId();
		if (operation.getDescription() == null) {
			operation.setDescription(words.getProperty("operation." + id));
		}
		if (operation.getParameters() != null) {
			for (Parameter parameter : operation.getParameters()) {
				if (parameter.get$ref() == null && parameter.getDescription() == null) {
					parameter.setDescription(words.getProperty("parameter." + id + "." + parameter.getName(),
							words.getProperty("parameter." + parameter.getName())));
				}
			}
		}
		if (operation.getRequestBody() != null) {
			example(operation.getRequestBody().getContent(), id + ".request.json");
		}
		operation.getResponses().forEach((status, response) -> {
			if (status.startsWith("2")) {
				example(response.getContent(), id + ".response.json");
			}
		});
	}

	private static void example(@Nullable Content content, String file) {
		if (content == null) {
			return;
		}
		var media = content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
		if (media == null) {
			return;
		}
		try (InputStream in = resource(EXAMPLES + file)) {
			if (in != null) {
				JsonNode example = Json.mapper().readTree(in);
				media.setExample(example);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(EXAMPLES + file, e);
		}
	}

	@SuppressWarnings("rawtypes")
	private static void fill(Schema schema, @Nullable String text) {
		if (schema.getDescription() == null && text != null) {
			schema.setDescription(text);
		}
	}

	private static @Nullable InputStream resource(String name) {
		return OpenApiDescriptions.class.getClassLoader().getResourceAsStream(name);
	}

}
