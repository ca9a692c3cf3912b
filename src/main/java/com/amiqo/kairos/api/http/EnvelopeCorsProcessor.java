package com.amiqo.kairos.api.http;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.error.ErrorResponseWriter;

/**
 * Spring's CORS checks, with a refusal (an origin, method or header not allowed) answered
 * like every other error: {@code 403 FORBIDDEN} in the envelope, JSON, with
 * {@code details.reason: cors_not_allowed}, instead of the plain-text
 * {@code Invalid CORS request}.
 */
class EnvelopeCorsProcessor extends DefaultCorsProcessor {

	private final ErrorResponseWriter errors;

	EnvelopeCorsProcessor(ErrorResponseWriter errors) {
		this.errors = errors;
	}

	@Override
	protected void rejectRequest(ServerHttpResponse response) throws IOException {
		if (!(response instanceof ServletServerHttpResponse servlet)) {
			super.rejectRequest(response);
			return;
		}
		HttpServletResponse raw = servlet.getServletResponse();
		errors.write(raw, new ApiException(ErrorCode.FORBIDDEN,
				"This cross-origin request is not allowed: its origin, method or headers are not on the allowed list",
				Map.of("reason", "cors_not_allowed")));
	}

}
