package com.amiqo.kairos.api.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.error.ErrorResponseWriter;

/**
 * Answers a request Spring Security's firewall refuses before routing. Most are a path
 * with a segment no id can have: an encoded dot or line break ({@code %2e}, {@code %0A}),
 * a path parameter ({@code ;x=1}), a dot segment. That is a validation error naming the
 * field the segment stands for in the route it was meant for ({@code id} in
 * {@code /negotiations/%2e%2e}), or {@code path} when no route has a variable there;
 * anything else the firewall refuses (a method it does not know) is a plain
 * {@code 400 VALIDATION_ERROR}. The rejection's message, which quotes the request, is
 * neither logged nor echoed.
 */
class RejectedRequestHandler implements RequestRejectedHandler {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)\\}");

	private final ErrorResponseWriter errors;

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	private volatile @Nullable List<String> routes;

	RejectedRequestHandler(ErrorResponseWriter errors, ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.errors = errors;
		this.mappings = mappings;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		String uri = request.getRequestURI();
		String[] segments = uri == null ? new String[0] : uri.split("/", -1);
		int bad = firstBadSegment(segments);
		if (bad < 0) {
			errors.write(response, new ApiException(ErrorCode.VALIDATION_ERROR, "The request is invalid",
					Map.of("reason", "malformed_request")));
			return;
		}
		errors.write(response, ApiException.invalidField(fieldAt(segments, bad), "is not a valid path segment"));
	}

	/**
	 * The first segment no route variable can hold, or -1. The first segment is the empty
	 * one before the leading slash.
	 */
	static int firstBadSegment(String[] segments) {
		for (int i = 1; i < segments.length; i++) {
			String segment = segments[i];
			String lower = segment.toLowerCase(Locale.ROOT);
			if (segment.isEmpty() && i < segments.length - 1 || segment.equals(".") || segment.equals("..")
					|| segment.indexOf(';') >= 0 || lower.contains("%2e") || lower.contains("%0a")
					|| lower.contains("%0d") || lower.contains("%00") || lower.contains("%25")
					|| segment.chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == '\\')) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The route variable at that segment, taking the first route whose other segments up
	 * to it match literally; else {@code path}.
	 */
	String fieldAt(String[] segments, int index) {
		for (String route : routes()) {
			String[] parts = route.split("/", -1);
			if (parts.length <= index) {
				continue;
			}
			boolean matches = true;
			for (int i = 1; i < index && matches; i++) {
				matches = parts[i].equals(segments[i]) || VARIABLE.matcher(parts[i]).find();
			}
			Matcher variable = VARIABLE.matcher(parts[index]);
			if (matches && variable.find()) {
				return variable.group(1);
			}
		}
		return "path";
	}

	private List<String> routes() {
		List<String> known = routes;
		if (known == null) {
			known = new ArrayList<>();
			RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
			if (mapping != null) {
				for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
					known.addAll(info.getPatternValues());
				}
			}
			known.sort(null);
			routes = known;
		}
		return known;
	}

}
