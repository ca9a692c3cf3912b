package com.amiqo.kairos.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's bearer token resolver (the header only: its defaults never read query
 * parameters or form bodies, which end up in logs), with two rules of this API around it:
 * public endpoints ignore the header entirely, so a stale token never breaks a health
 * probe; and a header that is present but not {@code Bearer <token>}, whatever its
 * scheme, is {@code malformed_header} rather than a missing token.
 */
class BearerTokenHeaderResolver implements BearerTokenResolver {

	private final DefaultBearerTokenResolver library = new DefaultBearerTokenResolver();

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		if (PublicEndpoints.matches(request) || request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			return null;
		}
		String token;
		try {
			token = library.resolve(request);
		}
		catch (OAuth2AuthenticationException malformed) {
			throw new MalformedAuthorizationHeaderException();
		}
		if (token == null) {
			throw new MalformedAuthorizationHeaderException();
		}
		return token;
	}

}
