package com.amiqo.kairos.api.openapi;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;

import org.springframework.http.HttpHeaders;

/**
 * The request and response headers many operations share, declared once as components and
 * referenced: {@code Kairos-API-Version} (every operation), {@code If-Match} (the
 * conditional writes), {@code If-None-Match} and {@code ETag} (the versioned reads).
 */
final class OpenApiHeaders {

	static final String API_VERSION = "KairosApiVersion";

	static final String IF_MATCH = "IfMatch";

	static final String IF_NONE_MATCH = "IfNoneMatch";

	static final String ETAG = "ETag";

	private static final String PARAMETERS = "#/components/parameters/";

	private OpenApiHeaders() {
	}

	static void addComponents(Components components) {
		StringSchema version = new StringSchema();
		version.setEnum(List.of("1"));
		components.addParameters(API_VERSION,
				new HeaderParameter().name("Kairos-API-Version")
					.required(false)
					.description("The API version the client is written for. Absent or `1` is served; anything else is "
							+ "refused with `400 UNSUPPORTED_API_VERSION`, so a client built for a later version fails "
							+ "loudly rather than misreading answers.")
					.schema(version));
		components.addParameters(IF_MATCH, new HeaderParameter().name(HttpHeaders.IF_MATCH)
			.required(false)
			.description("The revision the client last read, as the `ETag` it was given: `\"<revision>\"`, e.g. "
					+ "`\"3\"`. When the resource has changed since, the write is refused with "
					+ "`412 PRECONDITION_FAILED` and changes nothing. Without it the write is unconditional.")
			.example("\"3\"")
			.schema(new StringSchema()));
		components.addParameters(IF_NONE_MATCH, new HeaderParameter().name(HttpHeaders.IF_NONE_MATCH)
			.required(false)
			.description("An `ETag` from an earlier response: while it is still current the answer is `304` with "
					+ "no body, so the client keeps what it has.")
			.example("\"3\"")
			.schema(new StringSchema()));
		components.addHeaders(ETAG,
				new Header().required(true)
					.description("The resource's current version, e.g. `\"3\"`: send it back in `If-None-Match` to "
							+ "read only when it changed, or in `If-Match` to write only if it did not.")
					.schema(new StringSchema()));
	}

	/**
	 * Replaces the inline {@code If-Match} and {@code If-None-Match} parameters springdoc
	 * made from {@code @RequestHeader} with the shared ones and adds
	 * {@code Kairos-API-Version}; whether the operation takes {@code If-Match}.
	 */
	static boolean referenceShared(Operation operation) {
		boolean ifMatch = false;
		List<Parameter> parameters = new ArrayList<>();
		if (operation.getParameters() != null) {
			for (Parameter parameter : operation.getParameters()) {
				if ("header".equals(parameter.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName())) {
					parameters.add(new Parameter().$ref(PARAMETERS + IF_MATCH));
					ifMatch = true;
				}
				else if ("header".equals(parameter.getIn())
						&& HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(parameter.getName())) {
					parameters.add(new Parameter().$ref(PARAMETERS + IF_NONE_MATCH));
				}
				else {
					parameters.add(parameter);
				}
			}
		}
		parameters.add(new Parameter().$ref(PARAMETERS + API_VERSION));
		operation.setParameters(parameters);
		return ifMatch;
	}

	static Parameter ifNoneMatch() {
		return new Parameter().$ref(PARAMETERS + IF_NONE_MATCH);
	}

	static Header etag() {
		return new Header().$ref("#/components/headers/" + ETAG);
	}

}
