package com.amiqo.kairos.auth;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.Causes;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.error.ErrorResponseWriter;

/**
 * Answers every authentication failure with {@code 401 UNAUTHORIZED} and its
 * {@code details.reason} (docs/reference.md#authentication).
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ErrorResponseWriter writer;

	ApiAuthenticationEntryPoint(ErrorResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		TokenRejection rejection = rejectionOf(failure);
		String message = switch (rejection) {
			case MISSING_TOKEN -> "Authorization: Bearer <Firebase ID token> is required";
			case MALFORMED_HEADER -> "Authorization header must be 'Bearer <token>'";
			default -> messageOf(failure);
		};
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				rejection == TokenRejection.MISSING_TOKEN ? "Bearer" : "Bearer error=\"invalid_token\"");
		writer.write(response, new ApiException(ErrorCode.UNAUTHORIZED, message, Map.of("reason", rejection.reason())));
	}

	static TokenRejection rejectionOf(AuthenticationException failure) {
		if (failure instanceof MalformedAuthorizationHeaderException) {
			return TokenRejection.MALFORMED_HEADER;
		}
		if (failure instanceof InsufficientAuthenticationException
				|| failure instanceof AuthenticationCredentialsNotFoundException) {
			return TokenRejection.MISSING_TOKEN;
		}
		InvalidTokenException invalid = Causes.find(failure, InvalidTokenException.class);
		return invalid != null ? invalid.rejection() : TokenRejection.INVALID_TOKEN;
	}

	private static String messageOf(AuthenticationException failure) {
		InvalidTokenException invalid = Causes.find(failure, InvalidTokenException.class);
		String message = invalid != null ? invalid.getMessage() : null;
		return message != null ? message : "The bearer token is not valid";
	}

}
