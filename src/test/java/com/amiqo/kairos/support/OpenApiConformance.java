package com.amiqo.kairos.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Checks every response an HTTP test receives through {@link ApiClient} against the
 * OpenAPI document the same server serves ({@code /v3/api-docs}), with Atlassian's
 * swagger-request-validator: the status must be documented for the operation, and the
 * headers and body must match what the document declares for it. New endpoints are
 * covered without any test change. Requests outside the document (unknown routes, wrong
 * methods, the docs themselves) are not checked here.
 */
public final class OpenApiConformance {

	/**
	 * The request id of the check's own fetch of the document, so log assertions can tell
	 * it from the test's requests.
	 */
	public static final String REQUEST_ID = "openapi-conformance";

	private static final Set<String> NOT_IN_DOCUMENT = Set.of("validation.request.path.missing",
			"validation.request.operation.notAllowed");

	private static final Map<String, Optional<OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();

	/**
	 * Parsing a document is the expensive part; servers with the same settings serve the
	 * same one.
	 */
	private static final Map<String, OpenApiInteractionValidator> BY_DOCUMENT = new ConcurrentHashMap<>();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final AtomicLong CHECKED = new AtomicLong();

	private static final AtomicLong NANOS = new AtomicLong();

	private static final AtomicLong LOAD_NANOS = new AtomicLong();

	static {
		// What the check costs the suite, written once per test JVM (docs/testing.md).
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi-conformance.txt"),
						"%d responses validated in %d ms, of which loading the documents %d ms%n"
							.formatted(CHECKED.get(), NANOS.get() / 1_000_000, LOAD_NANOS.get() / 1_000_000));
			}
			catch (IOException e) {
				// Only a measurement.
			}
		}));
	}

	private OpenApiConformance() {
	}

	static void check(String baseUrl, String method, String pathAndQuery, ApiClient.ApiResponse response) {
		List<String> problems = violations(baseUrl, method, pathAndQuery, response.status(), response.headers().map(),
				response.raw());
		if (!problems.isEmpty()) {
			throw new AssertionError("Response does not match the OpenAPI document: " + method + " " + pathAndQuery
					+ " -> " + response + "\n  " + String.join("\n  ", problems));
		}
	}

	/**
	 * What is wrong with a response according to the served document (empty: nothing, or
	 * not in the document).
	 */
	public static List<String> violations(String baseUrl, String method, String pathAndQuery, int status,
			Map<String, List<String>> headers, String body) {
		long started = System.nanoTime();
		try {
			return validate(baseUrl, method, pathAndQuery, status, headers, body);
		}
		finally {
			NANOS.addAndGet(System.nanoTime() - started);
		}
	}

	private static List<String> validate(String baseUrl, String method, String pathAndQuery, int status,
			Map<String, List<String>> headers, String body) {
		String path = pathAndQuery.split("\\?", 2)[0];
		if (path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")) {
			return List.of();
		}
		Optional<OpenApiInteractionValidator> validator = VALIDATORS.computeIfAbsent(baseUrl, OpenApiConformance::load);
		Request.Method requestMethod;
		try {
			requestMethod = Request.Method.valueOf(method);
		}
		catch (IllegalArgumentException e) {
			return List.of();
		}
		if (validator.isEmpty()) {
			return List.of();
		}
		SimpleResponse.Builder actual = SimpleResponse.Builder.status(status);
		headers.forEach(actual::withHeader);
		if (!body.isEmpty()) {
			actual.withBody(body);
		}
		CHECKED.incrementAndGet();
		ValidationReport report = validator.get().validateResponse(path, requestMethod, actual.build());
		return report.getMessages()
			.stream()
			.filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
			.filter(message -> !NOT_IN_DOCUMENT.contains(message.getKey()))
			.map(message -> message.getKey() + ": " + message.getMessage())
			.toList();
	}

	/**
	 * The served document; none where the server serves no API docs (the management
	 * port).
	 */
	private static Optional<OpenApiInteractionValidator> load(String baseUrl) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> docs = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
				.header("X-Request-Id", REQUEST_ID)
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (docs.statusCode() == 404) {
				return Optional.empty();
			}
			if (docs.statusCode() != 200) {
				throw new AssertionError("GET /v3/api-docs answered " + docs.statusCode() + ": " + docs.body());
			}
			return Optional.of(BY_DOCUMENT.computeIfAbsent(docs.body(),
					document -> OpenApiInteractionValidator.createForInlineApiSpecification(document).build()));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		finally {
			LOAD_NANOS.addAndGet(System.nanoTime() - started);
		}
	}

}
