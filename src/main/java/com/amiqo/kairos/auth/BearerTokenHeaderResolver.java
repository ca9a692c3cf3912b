package com.amiqo.kairos.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the bearer token from {@code Authorization} only (never from query parameters,
 * which end up in logs). Absent header: no token. Present but not {@code Bearer <token>}:
 * {@code malformed_header}. Public endpoints ignore the header entirely, so a stale token
 * never breaks a health probe.
 */
class BearerTokenHeaderResolver implements BearerTokenResolver {

	private static final Pattern BEARER = Pattern.compile("^Bearer ([A-Za-z0-9._~+/-]+=*)$", Pattern.CASE_INSENSITIVE);

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		if (PublicEndpoints.matches(request)) {
			return null;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			return null;
		}
		Matcher matcher = BEARER.matcher(header.strip());
		if (!matcher.matches()) {
			throw new MalformedAuthorizationHeaderException();
		}
		return matcher.group(1);
	}

}
