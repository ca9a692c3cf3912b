package com.amiqo.kairos.api.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules that make the document generate good clients, for every operation and schema
 * there is or will be: closed sets are shared enum schemas, schema names say what they
 * are, every operation, property and parameter is described, and every example matches
 * its schema.
 */
class OpenApiClientRulesTest extends ApiTest {

	private JsonNode docs() {
		ApiResponse docs = api.get("/v3/api-docs").send();
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		return docs.body();
	}

	@Test
	void schemasHaveNamesThatSayWhatTheyAre() {
		JsonNode schemas = docs().path("components").path("schemas");

		assertThat(schemas.propertyNames())
			.contains("StartNegotiationRequest", "ReplyToNegotiationRequest", "CancelNegotiationRequest",
					"FinalizeNegotiationRequest", "AgentPreferencesUpdate", "CreateInviteLinkRequest",
					"CreatedInviteLink", "InviteLink", "InvitePreview", "RegisterDeviceRequest", "ApiError",
					"ErrorEnvelope", "ErrorCode")
			.doesNotContain("Start", "Cancel", "Finalize", "PutRequest", "CreateRequest", "Created", "Link", "Preview",
					"RegisterRequest", "Error", "ReplyInput");
	}

	@Test
	void closedSetsAreSharedEnumSchemasReferencedEverywhere() {
		JsonNode docs = docs();
		JsonNode schemas = docs.path("components").path("schemas");
		List<String> problems = new ArrayList<>();
		for (String name : List.of("NegotiationState", "ParticipantStatus", "IntentCategory", "OnDeadline",
				"ReplyAction", "Role", "EventStatus", "EventResponse", "Platform", "ErrorCode")) {
			if (!schemas.path(name).path("enum").isArray()) {
				problems.add(name + " is not a shared enum schema");
			}
		}
		// No closed set of several values inline anywhere: a generator would make one
		// type
		// per use.
		schemas.properties().forEach(schema -> inlineEnums(schema.getKey(), schema.getValue(), true, problems));
		docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			for (JsonNode parameter : operation.getValue().path("parameters")) {
				inlineEnums(operation.getKey() + " " + path.getKey() + " " + parameter.path("name").asString(""),
						parameter.path("schema"), false, problems);
			}
		}));

		assertThat(problems).isEmpty();
		assertThat(schemas.path("ApiError").path("properties").path("code").path("$ref").asString())
			.isEqualTo("#/components/schemas/ErrorCode");
		assertThat(schemas.path("ErrorCode").path("enum").valueStream().map(JsonNode::asString).toList())
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
		assertThat(schemas.path("ErrorCode").path("description").asString()).contains("accept");
		assertThat(schemas.path("RegisterDeviceRequest").path("properties").path("platform").path("$ref").asString())
			.isEqualTo("#/components/schemas/Platform");
		for (String schema : List.of("NegotiationView", "NegotiationSummary", "InvitePreview")) {
			assertThat(schemas.path(schema).path("properties").path("state").path("$ref").asString()).as(schema)
				.isEqualTo("#/components/schemas/NegotiationState");
		}
		JsonNode state = parameter(docs.path("paths").path("/negotiations").path("get"), "state");
		assertThat(state.path("style").asString()).isEqualTo("form");
		assertThat(state.path("explode").asBoolean(true)).isFalse();
		assertThat(state.path("schema").path("type").asString()).isEqualTo("array");
		assertThat(state.path("schema").path("items").path("$ref").asString())
			.isEqualTo("#/components/schemas/NegotiationState");
	}

	@Test
	void everyOperationPropertyAndParameterIsDescribed() {
		JsonNode docs = docs();
		List<String> problems = new ArrayList<>();
		docs.path("components").path("schemas").properties().forEach(schema -> {
			if (schema.getValue().path("enum").isArray() && !described(schema.getValue())) {
				problems.add("schema " + schema.getKey());
			}
			schema.getValue().path("properties").properties().forEach(property -> {
				// OpenAPI 3.0 ignores a description beside $ref: a referenced enum
				// carries its own (checked above), an object's properties theirs.
				JsonNode value = property.getValue();
				if (!value.has("$ref") && !described(value)) {
					problems.add(schema.getKey() + "." + property.getKey());
				}
			});
		});
		docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			String where = operation.getKey().toUpperCase() + " " + path.getKey();
			if (!described(operation.getValue())) {
				problems.add(where);
			}
			for (JsonNode parameter : operation.getValue().path("parameters")) {
				JsonNode target = parameter.has("$ref") ? resolve(docs, parameter.path("$ref").asString()) : parameter;
				if (!described(target)) {
					problems.add(where + " parameter " + target.path("name").asString(""));
				}
			}
		}));

		assertThat(problems).as("add the words to openapi/descriptions.properties (or the code)").isEmpty();
	}

	@Test
	void documentNamesItsServerTagsAndConditionalHeaders() {
		JsonNode docs = docs();

		assertThat(docs.path("servers").path(0).path("url").asString()).isEqualTo("http://localhost:8080");
		assertThat(docs.path("info").path("contact").isObject()).isTrue();
		assertThat(docs.path("info").path("license").path("name").asString()).isNotBlank();
		assertThat(docs.path("tags").valueStream().map(tag -> tag.path("name").asString()).toList())
			.contains("negotiations", "events", "users");
		assertThat(docs.path("tags").valueStream().allMatch(OpenApiClientRulesTest::described)).isTrue();
		assertThat(docs.path("paths").path("/events").has("post")).isFalse();
		JsonNode reply = docs.path("paths").path("/negotiate/reply").path("post");
		assertThat(reply.path("parameters").valueStream().map(p -> p.path("$ref").asString("")).toList())
			.contains("#/components/parameters/IfMatch", "#/components/parameters/KairosApiVersion");
		assertThat(reply.path("responses").has("412")).isTrue();
		JsonNode get = docs.path("paths").path("/events/{id}").path("get");
		assertThat(get.path("responses").has("304")).isTrue();
		assertThat(get.path("parameters").valueStream().map(p -> p.path("$ref").asString("")).toList())
			.contains("#/components/parameters/IfNoneMatch");
		assertThat(get.path("responses").path("200").path("headers").path("ETag").path("$ref").asString())
			.isEqualTo("#/components/headers/ETag");
		assertThat(api.get("/v3/api-docs.yaml").send().status()).isEqualTo(200);
	}

	/**
	 * Every example in the document (request bodies and success responses) is valid
	 * against the schema it illustrates, checked by the same validator as every test
	 * response.
	 */
	@Test
	void everyExampleMatchesItsSchema() {
		String raw = api.get("/v3/api-docs").send().raw();
		JsonNode docs = docs();
		OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(raw)
			.build();
		List<String> problems = new ArrayList<>();
		List<String> exampled = new ArrayList<>();
		docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
			String concretePath = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
			Request.Method method = Request.Method.valueOf(entry.getKey().toUpperCase());
			JsonNode operation = entry.getValue();
			JsonNode requestExample = operation.path("requestBody")
				.path("content")
				.path("application/json")
				.path("example");
			if (!requestExample.isMissingNode()) {
				exampled.add(operation.path("operationId").asString() + " request");
				SimpleRequest request = new SimpleRequest.Builder(method, concretePath)
					.withContentType("application/json")
					.withAuthorization("Bearer example")
					.withBody(requestExample.toString())
					.build();
				report(validator.validateRequest(request), operation, "request", problems);
			}
			operation.path("responses").properties().forEach(response -> {
				JsonNode example = response.getValue().path("content").path("application/json").path("example");
				if (example.isMissingNode()) {
					return;
				}
				exampled.add(operation.path("operationId").asString() + " " + response.getKey());
				SimpleResponse.Builder built = SimpleResponse.Builder.status(Integer.parseInt(response.getKey()))
					.withContentType("application/json")
					.withBody(example.toString());
				response.getValue()
					.path("headers")
					.propertyNames()
					.forEach(header -> built.withHeader(header, header.equals("X-Request-Id") ? "example" : "\"1\""));
				report(validator.validateResponse(path.getKey(), method, built.build()), operation, response.getKey(),
						problems);
			});
		}));

		assertThat(problems).isEmpty();
		assertThat(exampled).contains("startNegotiation request", "startNegotiation 201", "replyToNegotiation request",
				"listNegotiations 200", "getNegotiation 200");
	}

	private static void report(ValidationReport report, JsonNode operation, String what, List<String> problems) {
		report.getMessages()
			.stream()
			.filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
			.forEach(message -> problems
				.add(operation.path("operationId").asString() + " " + what + " example: " + message.getMessage()));
	}

	private static void inlineEnums(String where, JsonNode schema, boolean topLevel, List<String> problems) {
		if (schema.path("enum").size() > 1 && !topLevel) {
			problems.add(where + " declares its values inline: use @ClosedSet (a shared enum schema)");
		}
		schema.path("properties")
			.properties()
			.forEach(property -> inlineEnums(where + "." + property.getKey(), property.getValue(), false, problems));
		if (schema.has("items")) {
			inlineEnums(where + "[]", schema.path("items"), false, problems);
		}
	}

	private static JsonNode parameter(JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (name.equals(parameter.path("name").asString(""))) {
				return parameter;
			}
		}
		throw new AssertionError("no parameter " + name);
	}

	private static JsonNode resolve(JsonNode docs, String ref) {
		JsonNode node = docs;
		for (String part : ref.substring(2).split("/")) {
			node = node.path(part);
		}
		return node;
	}

	private static boolean described(JsonNode node) {
		return !node.path("description").asString("").isBlank();
	}

}
