package com.amiqo.kairos.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The endpoints that need no token (docs/reference.md#conventions,
 * docs/reference.md#events): health, version, the API docs, the local-only token endpoint
 * and the calendar feed; and the web client's pages (docs/web-client.md): its files and
 * config, invite links' landing page and the universal-links association file.
 */
final class PublicEndpoints {

	static final RequestMatcher MATCHER = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/health"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/version"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/dev/tokens"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/v3/api-docs/**"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/swagger-ui/**"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/swagger-ui.html"),
			// Calendar apps cannot send bearer tokens: the feed's secret in the path is
			// its credential.
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/calendar/{secret}.ics"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/app"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/app/**"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/i/*"),
			PathPatternRequestMatcher.withDefaults()
				.matcher(HttpMethod.GET, "/.well-known/apple-app-site-association"));

	private PublicEndpoints() {
	}

	static boolean matches(HttpServletRequest request) {
		return MATCHER.matches(request);
	}

}
