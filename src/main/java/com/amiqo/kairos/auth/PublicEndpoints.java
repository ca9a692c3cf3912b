package com.amiqo.kairos.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The endpoints that need no token (docs/reference.md#conventions,
 * docs/reference.md#events): health, version, the API docs, the local-only token
 * endpoint, the calendar feed and the Web Push application server key
 * (docs/notifications.md); and the web client's pages (docs/web-client.md): the site's
 * root and icon, its files and config, invite links' landing page and the universal-links
 * association file. Each is public for {@code HEAD} as well as {@code GET}.
 */
final class PublicEndpoints {

	/**
	 * Each public page and document is public for {@code HEAD} too (link previewers and
	 * uptime checks use it), answered as its {@code GET} without the body.
	 */
	static final RequestMatcher MATCHER = new OrRequestMatcher(readable("/health"), readable("/version"),
			// The application server key is public by design: browsers subscribe with it.
			readable("/web-push/vapid-public-key"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/dev/tokens"),
			readable("/v3/api-docs/**"), readable("/v3/api-docs.yaml"), readable("/swagger-ui/**"),
			readable("/swagger-ui.html"),
			// Calendar apps cannot send bearer tokens: the feed's secret in the path is
			// its credential.
			readable("/calendar/{secret}.ics"), readable("/"), readable("/favicon.ico"), readable("/app"),
			readable("/app/**"), readable("/i/*"), readable("/.well-known/apple-app-site-association"));

	private PublicEndpoints() {
	}

	static boolean matches(HttpServletRequest request) {
		return MATCHER.matches(request);
	}

	private static RequestMatcher readable(String pattern) {
		return new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern),
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, pattern));
	}

}
