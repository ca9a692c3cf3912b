package com.amiqo.kairos.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.Causes;
import com.amiqo.kairos.api.error.ErrorResponseWriter;

/**
 * What a bearer token that could not be accepted gets. A token refused is a {@code 401}
 * (the entry point); a token that could not be checked at all (Google's signing keys out
 * of reach) is a retryable {@code 503}, answered here. Spring Security's default rethrows
 * that failure out of the filter chain, so the servlet container logged it as an ERROR
 * with its stack trace before the error page answered: an expected outage is one warning
 * line instead.
 */
class TokenFailureHandler implements AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(TokenFailureHandler.class);

	private final AuthenticationEntryPoint entryPoint;

	private final ErrorResponseWriter errors;

	TokenFailureHandler(AuthenticationEntryPoint entryPoint, ErrorResponseWriter errors) {
		this.entryPoint = entryPoint;
		this.errors = errors;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException, jakarta.servlet.ServletException {
		if (failure instanceof AuthenticationServiceException) {
			log.warn("Token verification unavailable: {}", types(failure));
			errors.write(response, ApiException.serviceUnavailable());
			return;
		}
		entryPoint.commence(request, response, failure);
	}

	private static String types(Throwable failure) {
		return String.join(" <- ", Causes.chain(failure).stream().map(cause -> cause.getClass().getName()).toList());
	}

}
