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

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Checks every response an HTTP test receives through {@link ApiClient} against the OpenAPI
 * document the same server serves ({@code /v3/api-docs}), with Atlassian's
 * swagger-request-validator: the status must be documented for the operation, and the headers and
 * body must match what the document declares for it. New endpoints are covered without any test
 * change. Requests outside the document (unknown routes, wrong methods, the docs themselves) are
 * not checked here.
 */
public final class OpenApiConformance {

    private static final Set<String> NOT_IN_DOCUMENT = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");
    private static final Map<String, Optional<OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OpenApiConformance() {
    }

    static void check(String baseUrl, String method, String pathAndQuery, ApiClient.ApiResponse response) {
        String path = pathAndQuery.split("\\?", 2)[0];
        if (path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")) {
            return;
        }
        Optional<OpenApiInteractionValidator> validator = VALIDATORS.computeIfAbsent(baseUrl, OpenApiConformance::load);
        Request.Method requestMethod;
        try {
            requestMethod = Request.Method.valueOf(method);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (validator.isEmpty()) {
            return;
        }
        SimpleResponse.Builder actual = SimpleResponse.Builder.status(response.status());
        response.headers().map().forEach(actual::withHeader);
        if (!response.raw().isEmpty()) {
            actual.withBody(response.raw());
        }
        ValidationReport report = validator.get().validateResponse(path, requestMethod, actual.build());
        List<ValidationReport.Message> problems = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !NOT_IN_DOCUMENT.contains(message.getKey()))
                .toList();
        if (!problems.isEmpty()) {
            throw new AssertionError("Response does not match the OpenAPI document: " + method + " " + pathAndQuery
                    + " -> " + response + "\n" + String.join("\n", problems.stream()
                            .map(message -> "  " + message.getKey() + ": " + message.getMessage()).toList()));
        }
    }

    /** The served document; none where the server serves no API docs (the management port). */
    private static Optional<OpenApiInteractionValidator> load(String baseUrl) {
        try {
            HttpResponse<String> docs = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (docs.statusCode() == 404) {
                return Optional.empty();
            }
            if (docs.statusCode() != 200) {
                throw new AssertionError("GET /v3/api-docs answered " + docs.statusCode() + ": " + docs.body());
            }
            return Optional.of(OpenApiInteractionValidator.createForInlineApiSpecification(docs.body()).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
