package com.amiqo.kairos.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real-HTTP client for API tests: raw control over method, headers and body.
 * Every response is checked against the served OpenAPI document
 * ({@link OpenApiConformance}).
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String baseUrl() {
		return baseUrl;
	}

	public Call get(String path) {
		return new Call("GET", path);
	}

	public Call post(String path) {
		return new Call("POST", path);
	}

	public Call patch(String path) {
		return new Call("PATCH", path);
	}

	public Call put(String path) {
		return new Call("PUT", path);
	}

	public Call delete(String path) {
		return new Call("DELETE", path);
	}

	public Call options(String path) {
		return new Call("OPTIONS", path);
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	public final class Call {

		private final String method;

		private final String path;

		private final List<String> headers = new ArrayList<>();

		private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

		private Call(String method, String path) {
			this.method = method;
			this.path = path;
		}

		public Call token(String idToken) {
			return header("Authorization", "Bearer " + idToken);
		}

		public Call header(String name, String value) {
			headers.add(name);
			headers.add(value);
			return this;
		}

		/** A JSON body (a string is sent as-is, anything else is serialised). */
		public Call json(Object value) {
			return body("application/json", value instanceof String raw ? raw : ApiClient.json(value));
		}

		public Call body(String contentType, String content) {
			header("Content-Type", contentType);
			body = HttpRequest.BodyPublishers.ofString(content);
			return this;
		}

		/** A body of unknown length, sent with chunked transfer encoding. */
		public Call chunkedJson(byte[] content) {
			header("Content-Type", "application/json");
			body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(content));
			return this;
		}

		public ApiResponse send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, body);
			for (int i = 0; i < headers.size(); i += 2) {
				request.header(headers.get(i), headers.get(i + 1));
			}
			try {
				long started = System.nanoTime();
				HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				long exchangeNanos = System.nanoTime() - started;
				ApiResponse result = new ApiResponse(response.statusCode(), response.headers(), response.body(),
						parse(response.body()), exchangeNanos);
				OpenApiConformance.check(baseUrl, method, path, result);
				return result;
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		private static JsonNode parse(String body) {
			if (body == null || body.isBlank()) {
				return JSON.missingNode();
			}
			try {
				return JSON.readTree(body);
			}
			catch (RuntimeException e) {
				return JSON.missingNode();
			}
		}

	}

	/**
	 * A response; {@code exchangeNanos} is the HTTP exchange alone, as the client saw it
	 * (request sent to body read), without the parsing and the OpenAPI check after it.
	 */
	public record ApiResponse(int status, java.net.http.HttpHeaders headers, String raw, JsonNode body,
			long exchangeNanos) {

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		public JsonNode data() {
			return body.path("data");
		}

		public JsonNode error() {
			return body.path("error");
		}

		public String errorCode() {
			return body.path("error").path("code").asString(null);
		}

		@Override
		public String toString() {
			return status + " " + raw;
		}
	}

}
