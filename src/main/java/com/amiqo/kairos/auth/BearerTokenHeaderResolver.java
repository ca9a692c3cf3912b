package com.amiqo.kairos.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token from {@code Authorization} only (never from query parameters or form
 * bodies, which end up in logs), with two rules of this API: public endpoints ignore the
 * header entirely, so a stale token never breaks a health probe; and a header that is
 * present but not {@code Bearer <token>}, whatever its scheme, is
 * {@code malformed_header} rather than a missing token. It accepts exactly the headers
 * Spring Security's {@code DefaultBearerTokenResolver} accepts
 * (BearerTokenHeaderResolverTest compares the two), with a loop where the library runs a
 * regular expression over the whole token on every request (docs/performance.md).
 */
class BearerTokenHeaderResolver implements BearerTokenResolver {

	private static final String SCHEME = "Bearer ";

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		if (PublicEndpoints.matches(request)) {
			return null;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			return null;
		}
		if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || !isToken68(header, SCHEME.length())) {
			throw new MalformedAuthorizationHeaderException();
		}
		return header.substring(SCHEME.length());
	}

	/**
	 * RFC 6750's b64token ({@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" )
	 * *"="}) from {@code start} to the end.
	 */
	static boolean isToken68(String text, int start) {
		int i = start;
		while (i < text.length() && isTokenChar(text.charAt(i))) {
			i++;
		}
		if (i == start) {
			return false;
		}
		while (i < text.length() && text.charAt(i) == '=') {
			i++;
		}
		return i == text.length();
	}

	private static boolean isTokenChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
