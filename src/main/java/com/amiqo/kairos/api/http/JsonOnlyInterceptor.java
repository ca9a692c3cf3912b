package com.amiqo.kairos.api.http;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;

/**
 * JSON in and out (docs/reference.md#conventions), decided before a handler runs, for
 * every endpoint of ours (new ones need nothing extra):
 * <ul>
 * <li>a request body declared as anything but {@code application/json} (wildcards and
 * unparsable values included) is {@code 415} before anything touches the body. Spring
 * would parse a form-encoded body into parameters (whose content can surface in exception
 * messages) and trips an assertion on a wildcard type;</li>
 * <li>an {@code Accept} that rules out JSON is {@code 406} before the handler runs, so a
 * write is never carried out for a client that then gets an error instead of its
 * result.</li>
 * </ul>
 */
class JsonOnlyInterceptor implements HandlerInterceptor {

	private static final int MAX_ECHOED_LENGTH = 100;

	private static final String OWN_PACKAGE = "com.amiqo.kairos.";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null && !acceptsJson(accept)) {
			throw new ApiException(ErrorCode.NOT_ACCEPTABLE, "This endpoint only produces application/json");
		}
		if (readsBody(method)) {
			String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
			if (contentType != null && !isJson(contentType)) {
				throw unsupported(contentType);
			}
		}
		return true;
	}

	static boolean isJson(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isConcrete() && MediaType.APPLICATION_JSON.isCompatibleWith(type);
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}

	static boolean acceptsJson(String accept) {
		if (accept.isBlank()) {
			return true;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			return types.stream()
				.anyMatch(type -> type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON));
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	static ApiException unsupported(String contentType) {
		String echoed = contentType.length() > MAX_ECHOED_LENGTH ? contentType.substring(0, MAX_ECHOED_LENGTH)
				: contentType;
		return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Request body must be application/json",
				Map.of("content_type", echoed));
	}

	private static boolean readsBody(HandlerMethod method) {
		// A loop, not a stream: every request asks.
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return true;
			}
		}
		return false;
	}

}
