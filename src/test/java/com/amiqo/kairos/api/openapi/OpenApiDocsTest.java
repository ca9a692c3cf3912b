package com.amiqo.kairos.api.openapi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocsTest extends ApiTest {

	@Test
	void apiDocsArePublicAndDescribeEveryEndpoint() throws Exception {
		ApiResponse docs = api.get("/v3/api-docs").send();
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/openapi.json"), docs.raw());

		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		assertThat(docs.body().path("openapi").asString()).startsWith("3.");
		assertThat(docs.body().path("paths").propertyNames())
			.contains("/me", "/health", "/version", "/negotiate/start", "/negotiate/reply", "/negotiate/cancel",
					"/negotiations", "/negotiations/{id}", "/events", "/events/upcoming", "/events/{id}", "/dev/tokens")
			.doesNotContain("/error");
		assertThat(docs.body().path("components").path("securitySchemes").path("firebase").path("scheme").asString())
			.isEqualTo("bearer");
		assertThat(docs.body()
			.path("components")
			.path("schemas")
			.path("StartNegotiationRequest")
			.path("properties")
			.propertyNames()).contains("intent_category", "participant_ids", "proposed_slots")
			.doesNotContain("intentCategory");
		assertThat(docs.body().path("components").path("schemas").has("AppUser")).isFalse();
	}

	/**
	 * What the document says about tokens is what the server does: public means no 401,
	 * the rest 401 without one.
	 */
	@Test
	void securityDeclaredPerOperationMatchesTheServer() {
		ApiResponse docs = api.get("/v3/api-docs").send();
		List<String> problems = new ArrayList<>();
		docs.body().path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
			boolean isPublic = entry.getValue().path("security").isArray()
					&& entry.getValue().path("security").isEmpty();
			String target = path.getKey().replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
			var call = switch (entry.getKey()) {
				case "post" -> api.post(target).json("{}");
				case "patch" -> api.patch(target).json("{}");
				default -> api.get(target);
			};
			int status = call.send().status();
			if (isPublic == (status == 401)) {
				problems
					.add(entry.getKey() + " " + path.getKey() + (isPublic ? " is documented public" : " needs a token")
							+ " but answered " + status + " without one");
			}
		}));

		assertThat(problems).isEmpty();
	}

	/**
	 * The iOS team generates its client from the document: a standard parser must read it
	 * without a complaint.
	 */
	@Test
	void apiDocsParseWithoutErrorsOrWarnings() {
		String docs = api.get("/v3/api-docs").send().raw();
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setValidateInternalRefs(true);

		SwaggerParseResult result = new OpenAPIParser().readContents(docs, null, options);

		assertThat(result.getMessages()).isEmpty();
		assertThat(result.getOpenAPI()).isNotNull();
	}

	@Test
	void everyOperationHasAStableIdJsonContentAndDocumentedErrors() {
		ApiResponse docs = api.get("/v3/api-docs").send();
		List<String> problems = new ArrayList<>();
		List<String> operationIds = new ArrayList<>();
		docs.body().path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
			String where = entry.getKey().toUpperCase() + " " + path.getKey();
			var operation = entry.getValue();
			String operationId = operation.path("operationId").asString("");
			operationIds.add(operationId);
			if (!operationId.matches("[a-z][A-Za-z]+")) {
				problems.add(where + ": operationId '" + operationId + "'");
			}
			if (operation.path("tags").path(0).asString("").endsWith("-controller")) {
				problems.add(where + ": tag " + operation.path("tags"));
			}
			operation.path("responses").properties().forEach(response -> {
				var content = response.getValue().path("content");
				// JSON everywhere, except the calendar files (docs/reference.md#events),
				// which are
				// text/calendar.
				boolean calendarFile = path.getKey().endsWith(".ics") || path.getKey().endsWith("/ics");
				java.util.Set<String> expected = java.util.Set.of(calendarFile && response.getKey().startsWith("2")
						? "text/calendar;charset=UTF-8" : "application/json");
				if (!content.isMissingNode() && !content.propertyNames().equals(expected)) {
					problems.add(where + " " + response.getKey() + ": content " + content.propertyNames());
				}
				if (!response.getValue().path("headers").has("X-Request-Id")) {
					problems.add(where + " " + response.getKey() + ": no X-Request-Id");
				}
				if (response.getKey().matches("[45]\\d\\d") && !content.path("application/json")
					.path("schema")
					.path("$ref")
					.asString("")
					.endsWith("/ErrorEnvelope")) {
					problems.add(where + " " + response.getKey() + ": not the error envelope");
				}
			});
			if (!operation.path("responses").has("500")) {
				problems.add(where + ": no 500");
			}
		}));

		assertThat(problems).isEmpty();
		assertThat(operationIds).doesNotHaveDuplicates();
	}

}
