package com.amiqo.kairos.api.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.error.ErrorResponseWriter;

/**
 * {@code Kairos-API-Version}: absent or {@code 1} is served, anything else is refused
 * (docs/reference.md#conventions).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiVersionFilter extends OncePerRequestFilter {

	static final String HEADER = "Kairos-API-Version";

	private static final List<String> SUPPORTED = List.of("1");

	private final ErrorResponseWriter errors;

	ApiVersionFilter(ErrorResponseWriter errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requested = request.getHeader(HEADER);
		if (requested != null && !SUPPORTED.contains(requested.strip())) {
			errors.write(response,
					new ApiException(ErrorCode.UNSUPPORTED_API_VERSION,
							"Unsupported API version; this server speaks version 1",
							Map.of("field", HEADER, "supported_versions", SUPPORTED)));
			return;
		}
		chain.doFilter(request, response);
	}

}
