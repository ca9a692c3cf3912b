package com.amiqo.kairos.api.error;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.amiqo.kairos.api.ratelimit.RateLimitExceededException;

/**
 * Writes the error envelope {@code {"error": {code, message, details}}} straight to the
 * servlet response. Writing directly (rather than through content negotiation) means an
 * error is always JSON, whatever the client's {@code Accept} header says, and works from
 * filters too.
 */
@Component
public class ErrorResponseWriter {

	/** The {@code Retry-After} of every {@code 503 SERVICE_UNAVAILABLE}. */
	static final String SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = "1";

	private final JsonMapper jsonMapper;

	private final MeterRegistry meterRegistry;

	ErrorResponseWriter(JsonMapper jsonMapper, MeterRegistry meterRegistry) {
		this.jsonMapper = jsonMapper;
		this.meterRegistry = meterRegistry;
	}

	/**
	 * When to retry, in seconds: a rate limit's own wait, and for every {@code 503} the
	 * interval at which the database is probed (it is back for requests within a probe of
	 * coming back).
	 */
	static @Nullable String retryAfter(ApiException error) {
		Object seconds = error.details().get(RateLimitExceededException.RETRY_AFTER_DETAIL);
		if (seconds != null) {
			return seconds.toString();
		}
		return error.code() == ErrorCode.SERVICE_UNAVAILABLE ? SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS : null;
	}

	public void write(HttpServletResponse response, ApiException error) throws IOException {
		meterRegistry.counter("kairos.api.errors", "code", error.code().name()).increment();
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(error.code().status().value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String retryAfter = retryAfter(error);
		if (retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", error.code().name());
		body.put("message", error.getMessage());
		body.put("details", error.details());
		jsonMapper.writeValue(response.getOutputStream(), Map.of("error", body));
	}

}
