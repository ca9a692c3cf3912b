package com.amiqo.kairos.api.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorResponseWriter;

/**
 * A check every request passes before Spring MVC sees it: a refused request is answered
 * with the error envelope at once and goes no further; an admitted one continues down the
 * chain.
 */
abstract class RequestCheckFilter extends OncePerRequestFilter {

	private final ErrorResponseWriter errors;

	RequestCheckFilter(ErrorResponseWriter errors) {
		this.errors = errors;
	}

	/** Why the request is refused, or null to admit it. */
	abstract @Nullable ApiException refusal(HttpServletRequest request);

	/** The request the rest of the chain sees: the request itself unless overridden. */
	HttpServletRequest admitted(HttpServletRequest request) {
		return request;
	}

	@Override
	protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ApiException refusal = refusal(request);
		if (refusal != null) {
			errors.write(response, refusal);
			return;
		}
		chain.doFilter(admitted(request), response);
	}

}
