package com.amiqo.kairos.api.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import com.amiqo.kairos.api.ETagged;
import com.amiqo.kairos.api.error.ApiErrors;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.http.RequestIds;
import com.amiqo.kairos.api.http.WebConfiguration;

/**
 * Documents every operation's error responses from one table: the codes every endpoint of
 * a kind can answer (below) plus the endpoint's own {@link ApiErrors}. Each status
 * becomes one response with the error envelope, naming its codes. Also declares
 * {@code X-Request-Id} on every response, {@code ETag}/{@code If-None-Match}/{@code 304}
 * for {@link ETagged} endpoints, and insists on an explicit, stable {@code operationId}
 * ({@code @Operation(operationId = …)}) on every endpoint of ours.
 */
public class OpenApiErrorResponses implements OperationCustomizer {

	static final String ENVELOPE_REF = "#/components/schemas/" + OpenApiCustomizers.ERROR_ENVELOPE;
	static final String REQUEST_ID_REF = "#/components/headers/" + RequestIds.HEADER;

	/**
	 * Any endpoint: an unreadable query string or API version, a cross-origin request
	 * from an origin not allowed, an Accept without JSON, headers over the server's
	 * buffer, a body over 64 KiB (refused before routing, whatever the endpoint), our own
	 * bug.
	 */
	private static final List<ErrorCode> EVERY_ENDPOINT = List.of(ErrorCode.VALIDATION_ERROR,
			ErrorCode.UNSUPPORTED_API_VERSION, ErrorCode.FORBIDDEN, ErrorCode.NOT_ACCEPTABLE,
			ErrorCode.REQUEST_HEADERS_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.INTERNAL_ERROR);

	/**
	 * Endpoints not exempt from rate limiting
	 * ({@link WebConfiguration#RATE_LIMIT_EXEMPT}).
	 */
	private static final List<ErrorCode> RATE_LIMITED = List.of(ErrorCode.RATE_LIMIT_EXCEEDED);

	/**
	 * Endpoints that need a token: token refused; signing keys or the database
	 * (provisioning) away.
	 */
	private static final List<ErrorCode> AUTHENTICATED = List.of(ErrorCode.UNAUTHORIZED, ErrorCode.SERVICE_UNAVAILABLE);

	/** Endpoints that read a JSON body. */
	private static final List<ErrorCode> WITH_BODY = List.of(ErrorCode.MALFORMED_JSON, ErrorCode.VALIDATION_ERROR,
			ErrorCode.UNSUPPORTED_MEDIA_TYPE);

	private static final String OWN_PACKAGE = "com.amiqo.kairos.";

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (!handler.getBeanType().getName().startsWith(OWN_PACKAGE)) {
			return operation;
		}
		requireOperationId(handler);
		ApiErrors declared = handler.getMethodAnnotation(ApiErrors.class);
		if (declared != null && declared.neverSucceeds()) {
			operation.getResponses().keySet().removeIf(status -> status.startsWith("2"));
		}
		if (handler.hasMethodAnnotation(ETagged.class)) {
			documentETag(operation, handler);
		}
		boolean conditional = OpenApiHeaders.referenceShared(operation);
		Map<Integer, Set<ErrorCode>> codes = errorCodes(operation, handler, declared);
		if (conditional) {
			codes.computeIfAbsent(ErrorCode.PRECONDITION_FAILED.status().value(), status -> new LinkedHashSet<>())
				.add(ErrorCode.PRECONDITION_FAILED);
		}
		codes.forEach((status, statusCodes) -> operation.getResponses()
			.addApiResponse(Integer.toString(status), errorResponse(status, statusCodes)));
		operation.getResponses()
			.values()
			.forEach(response -> response.addHeaderObject(RequestIds.HEADER, new Header().$ref(REQUEST_ID_REF)));
		return operation;
	}

	private static Map<Integer, Set<ErrorCode>> errorCodes(Operation operation, HandlerMethod handler,
			@Nullable ApiErrors declared) {
		List<ErrorCode> codes = new ArrayList<>(EVERY_ENDPOINT);
		if (!isRateLimitExempt(handler)) {
			codes.addAll(RATE_LIMITED);
		}
		// No operation-level security means the global bearer requirement applies.
		if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
			codes.addAll(AUTHENTICATED);
		}
		if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
			codes.addAll(WITH_BODY);
		}
		if (declared != null) {
			codes.addAll(List.of(declared.value()));
		}
		return codes.stream()
			.collect(Collectors.groupingBy(code -> code.status().value(), TreeMap::new,
					Collectors.toCollection(LinkedHashSet::new)));
	}

	private static ApiResponse errorResponse(int status, Set<ErrorCode> codes) {
		ApiResponse response = new ApiResponse()
			.description(codes.stream().map(code -> "`" + code.name() + "`").collect(Collectors.joining(", ")))
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref(ENVELOPE_REF))));
		if (status == 401) {
			response.addHeaderObject(HttpHeaders.WWW_AUTHENTICATE,
					new Header().required(true)
						.description("`Bearer`, with `error=\"invalid_token\"` when a token was sent")
						.schema(new StringSchema()));
		}
		if (status == 429 || status == 503) {
			response.addHeaderObject(HttpHeaders.RETRY_AFTER,
					new Header().required(true)
						.description("Seconds to wait before retrying")
						.schema(new Schema<Integer>().type("integer")));
		}
		return response;
	}

	private static void documentETag(Operation operation, HandlerMethod handler) {
		String absentWhen = Objects.requireNonNull(handler.getMethodAnnotation(ETagged.class)).absentWhen();
		Header etag = absentWhen.isEmpty() ? OpenApiHeaders.etag()
				: new Header().required(false)
					.description("The resource's current version, e.g. `\"3\"`; absent " + absentWhen)
					.schema(new StringSchema());
		ApiResponses responses = operation.getResponses();
		responses.forEach((status, response) -> {
			if (status.startsWith("2")) {
				response.addHeaderObject(HttpHeaders.ETAG, etag);
			}
		});
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		if (mapping != null && Arrays.asList(mapping.method()).contains(RequestMethod.GET)) {
			operation.addParametersItem(OpenApiHeaders.ifNoneMatch());
			responses.addApiResponse("304", new ApiResponse()
				.description("Not modified since the given `If-None-Match`: no body; keep " + "the copy read before.")
				.addHeaderObject(HttpHeaders.ETAG, etag));
		}
	}

	private static boolean isRateLimitExempt(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		return mapping != null && Arrays.stream(mapping.path())
			.anyMatch(path -> Arrays.asList(WebConfiguration.RATE_LIMIT_EXEMPT).contains(path));
	}

	private static void requireOperationId(HandlerMethod handler) {
		io.swagger.v3.oas.annotations.Operation annotation = handler
			.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
		if (annotation == null || annotation.operationId().isBlank()) {
			throw new IllegalStateException(handler.getShortLogMessage()
					+ " needs @Operation(operationId = \"…\"): generated clients name their methods after it");
		}
	}

}
