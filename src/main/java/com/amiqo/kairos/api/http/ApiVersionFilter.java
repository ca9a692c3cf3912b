package com.amiqo.kairos.api.http;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.error.ErrorResponseWriter;

/**
 * {@code Kairos-API-Version}: absent or {@code 1} is served, anything else is refused
 * (docs/reference.md#conventions).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiVersionFilter extends RequestCheckFilter {

	static final String HEADER = "Kairos-API-Version";

	private static final List<String> SUPPORTED = List.of("1");

	ApiVersionFilter(ErrorResponseWriter errors) {
		super(errors);
	}

	@Override
	@Nullable ApiException refusal(HttpServletRequest request) {
		String requested = request.getHeader(HEADER);
		if (requested != null && !SUPPORTED.contains(requested.strip())) {
			return new ApiException(ErrorCode.UNSUPPORTED_API_VERSION,
					"Unsupported API version; this server speaks version 1",
					Map.of("field", HEADER, "supported_versions", SUPPORTED));
		}
		return null;
	}

}
