package com.amiqo.kairos.api.openapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.http.RequestIds;

/**
 * Whole-document rules applied after springdoc has built it: the error envelope schema
 * and the {@code X-Request-Id} header as components; {@code required} on every schema
 * responses use (what {@link OpenApiModels} found is always written); free-form objects
 * as {@code additionalProperties: true} rather than "a map of objects".
 */
class OpenApiCustomizers implements OpenApiCustomizer {

	static final String ERROR_ENVELOPE = "ErrorEnvelope";

	static final String ERROR_BODY = "ApiError";

	static final String ERROR_CODE = "ErrorCode";

	private static final String SCHEMA_PREFIX = OpenApiModels.SCHEMA_PREFIX;

	/** The groups operations are tagged with, in the order a reader meets them. */
	private static final Map<String, String> TAGS = tags();

	private final OpenApiModels models;

	private final OpenApiDescriptions descriptions = new OpenApiDescriptions();

	private final String serverUrl;

	OpenApiCustomizers(OpenApiModels models, String publicUrl) {
		this.models = models;
		this.serverUrl = publicUrl.isBlank() ? "/" : publicUrl;
	}

	@Override
	public void customise(OpenAPI openApi) {
		// The configured public URL, not the address a request happened to reach.
		openApi.setServers(List.of(new Server().url(serverUrl).description("This deployment")));
		openApi.setTags(TAGS.entrySet()
			.stream()
			.filter(tag -> usesTag(openApi, tag.getKey()))
			.map(tag -> new Tag().name(tag.getKey()).description(tag.getValue()))
			.toList());
		Components components = openApi.getComponents();
		addErrorEnvelope(components);
		OpenApiHeaders.addComponents(components);
		components.addHeaders(RequestIds.HEADER,
				new Header().required(true)
					.description("The request id: the client's when it is 1-128 characters of `[A-Za-z0-9._-]`, else a "
							+ "new UUID. The same id is in `meta.request_id` and in every log line of the request.")
					.schema(new StringSchema().pattern("^[A-Za-z0-9._-]{1,128}$")));
		Set<String> fromResponses = new HashSet<>();
		Set<String> fromRequests = new HashSet<>();
		if (openApi.getPaths() != null) {
			openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
				operation.getResponses()
					.values()
					.forEach(response -> collect(response.getContent(), components, fromResponses));
				if (operation.getRequestBody() != null) {
					collect(operation.getRequestBody().getContent(), components, fromRequests);
				}
			}));
		}
		Map<String, Schema> schemas = components.getSchemas();
		Map<String, List<String>> alwaysWritten = models.refine(schemas);
		for (String name : fromResponses) {
			List<String> written = alwaysWritten.get(name);
			if (!fromRequests.contains(name) && written != null && !written.isEmpty()) {
				Objects.requireNonNull(schemas.get(name)).setRequired(new ArrayList<>(written));
			}
		}
		Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		schemas.values().forEach(schema -> freeFormObjects(schema, seen));
		components.setSchemas(new TreeMap<>(schemas));
		descriptions.apply(openApi);
	}

	private static Map<String, String> tags() {
		Map<String, String> tags = new java.util.LinkedHashMap<>();
		tags.put("negotiations", "Plans being agreed: propose options, answer, decide, cancel, read and list.");
		tags.put("invites", "Invite links: share a plan with people the organizer has no user id for.");
		tags.put("events", "Confirmed plans as calendar events of each participant, and their iCalendar files.");
		tags.put("calendar", "A secret calendar feed URL a calendar app subscribes to.");
		tags.put("keys", "Public keys for end-to-end encryption and the plan keys wrapped for them.");
		tags.put("users", "The caller's profile and encrypted agent preferences.");
		tags.put("people", "The people the caller shares plans with.");
		tags.put("devices", "APNs device tokens for push notifications to the iOS app.");
		tags.put("web-push", "Web Push subscriptions for the web client.");
		tags.put("operations", "Liveness and build information, without a token.");
		tags.put("development", "Local development only; absent from production's document.");
		return tags;
	}

	private static boolean usesTag(OpenAPI openApi, String tag) {
		return openApi.getPaths() != null && openApi.getPaths()
			.values()
			.stream()
			.flatMap(path -> path.readOperations().stream())
			.anyMatch(operation -> operation.getTags() != null && operation.getTags().contains(tag));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void addErrorEnvelope(Components components) {
		Schema codes = new StringSchema().description("What went wrong, for programs: branch on it. The list is open: "
				+ "a later version of the service may send a code not listed here, which a client must accept and "
				+ "treat by the response's HTTP status.");
		codes.setEnum(java.util.Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
		Schema error = new ObjectSchema().description("The error itself.")
			.addProperty("code", new Schema<>().$ref(SCHEMA_PREFIX + ERROR_CODE))
			.addProperty("message",
					new StringSchema().description("For people, not for programs: English, may change."))
			.addProperty("details",
					new ObjectSchema().additionalProperties(true)
						.description("Facts about the error: `field` (or `fields`, field to problem) for "
								+ "validation errors, `reason` for 401, `retry_after_seconds` for 429, `retryable` "
								+ "for 503, `current_revision` for 412; empty when there is nothing to add."));
		error.setRequired(List.of("code", "message", "details"));
		Schema envelope = new ObjectSchema().addProperty("error", new Schema<>().$ref(SCHEMA_PREFIX + ERROR_BODY));
		envelope.setRequired(List.of("error"));
		envelope.description("Every error response: never a `meta`, never a stack trace.");
		components.addSchemas(ERROR_CODE, codes);
		components.addSchemas(ERROR_BODY, error);
		components.addSchemas(ERROR_ENVELOPE, envelope);
	}

	/**
	 * The component schemas a content block uses, directly or through properties, items
	 * and compositions.
	 */
	private static void collect(@Nullable Content content, Components components, Set<String> names) {
		if (content != null) {
			content.values().forEach(media -> walk(media.getSchema(), components, names));
		}
	}

	@SuppressWarnings("rawtypes")
	private static void walk(@Nullable Schema schema, Components components, Set<String> names) {
		if (schema == null) {
			return;
		}
		if (schema.get$ref() != null) {
			String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			if (names.add(name)) {
				walk(components.getSchemas().get(name), components, names);
			}
			return;
		}
		if (schema.getProperties() != null) {
			((Map<String, Schema>) schema.getProperties()).values().forEach(p -> walk(p, components, names));
		}
		walk(schema.getItems(), components, names);
		if (schema.getAdditionalProperties() instanceof Schema additional) {
			walk(additional, components, names);
		}
		for (List<Schema> parts : compositions(schema)) {
			parts.forEach(part -> walk(part, components, names));
		}
	}

	/**
	 * {@code Map<String, Object>}: any JSON value per key ({@code true}), not an object
	 * per key.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void freeFormObjects(Schema schema, Set<Schema> seen) {
		if (schema == null || !seen.add(schema)) {
			return;
		}
		if (schema.getAdditionalProperties() instanceof Schema additional) {
			boolean anyObject = additional.get$ref() == null && additional.getProperties() == null
					&& additional.getAdditionalProperties() == null
					&& ("object".equals(additional.getType()) || additional.getType() == null);
			if (anyObject) {
				schema.setAdditionalProperties(true);
			}
			else {
				freeFormObjects(additional, seen);
			}
		}
		if (schema.getProperties() != null) {
			((Map<String, Schema>) schema.getProperties()).values().forEach(p -> freeFormObjects(p, seen));
		}
		freeFormObjects(schema.getItems(), seen);
		for (List<Schema> parts : compositions(schema)) {
			parts.forEach(part -> freeFormObjects(part, seen));
		}
	}

	@SuppressWarnings("rawtypes")
	private static List<List<Schema>> compositions(Schema schema) {
		List<List<Schema>> parts = new ArrayList<>();
		for (List<Schema> part : new List[] { schema.getAllOf(), schema.getOneOf(), schema.getAnyOf() }) {
			if (part != null) {
				parts.add(part);
			}
		}
		return parts;
	}

}
