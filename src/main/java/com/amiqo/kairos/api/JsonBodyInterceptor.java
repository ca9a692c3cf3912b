package com.amiqo.kairos.api;

import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Endpoints that read a body read JSON only (SPEC §2): any other declared {@code Content-Type},
 * including wildcards and unparsable values, is {@code 415} before anything touches the body.
 * Checking ahead of Spring's own negotiation matters: a form-encoded body would otherwise be parsed
 * into parameters (and its content could surface in exceptions), and a wildcard type trips an
 * assertion inside Spring. Applies to every handler with a {@code @RequestBody}, so new endpoints
 * need nothing extra.
 */
class JsonBodyInterceptor implements HandlerInterceptor {

    private static final int MAX_ECHOED_LENGTH = 100;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && readsBody(method)) {
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
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static ApiException unsupported(String contentType) {
        String echoed = contentType.length() > MAX_ECHOED_LENGTH ? contentType.substring(0, MAX_ECHOED_LENGTH) : contentType;
        return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Request body must be application/json",
                Map.of("content_type", echoed));
    }

    private static boolean readsBody(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
    }
}
