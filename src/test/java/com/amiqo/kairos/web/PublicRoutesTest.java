package com.amiqo.kairos.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.RawHttp;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What browsers, link previewers and uptime checks ask of the public routes without a
 * token: {@code HEAD} answers what {@code GET} answers without the body, the site's root
 * sends a browser to the web client, and the icon every browser asks for is served.
 */
class PublicRoutesTest extends ApiTest {

	@Test
	void headOnEveryPublicRouteAnswersWhatGetAnswersWithoutABody() {
		TestUser owner = signIn("Header");
		String feedUrl = api.put("/me/calendar-feed").token(owner.token()).send().data().path("url").asString();
		String feed = feedUrl.substring(feedUrl.indexOf("/calendar/"));
		List<String> routes = new ArrayList<>(List.of("/health", "/version", "/app/", "/app", "/app/app.css",
				"/app/config", "/i/some-invite-token", "/favicon.ico", "/", "/v3/api-docs", feed));

		for (String route : routes) {
			RawHttp.Response get = RawHttp.request(port(), "GET", route, List.of(), new byte[0]);
			RawHttp.Response head = RawHttp.request(port(), "HEAD", route, List.of(), new byte[0]);

			assertThat(get.status()).as("GET %s: %s", route, get).isBetween(200, 399);
			assertThat(head.status()).as("HEAD %s: %s", route, head).isEqualTo(get.status());
			assertThat(head.header("Content-Type")).as("HEAD %s", route).isEqualTo(get.header("Content-Type"));
			assertThat(head.header("Location")).as("HEAD %s", route).isEqualTo(get.header("Location"));
			assertThat(head.header("X-Request-Id")).as("HEAD %s", route).isNotBlank();
			assertThat(head.body()).as("HEAD %s", route).isEmpty();
		}
	}

	@Test
	void headOnAnUnknownFeedSecretIs404LikeGet() {
		String unknown = "/calendar/" + "A".repeat(43) + ".ics";

		assertThat(RawHttp.request(port(), "HEAD", unknown, List.of(), new byte[0]).status())
			.isEqualTo(RawHttp.get(port(), unknown).status())
			.isEqualTo(404);
	}

	@Test
	void rootSendsABrowserToTheWebClient() {
		RawHttp.Response root = RawHttp.get(port(), "/",
				"Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

		assertThat(root.status()).as(root.toString()).isEqualTo(302);
		assertThat(root.header("Location")).endsWith("/app/");
	}

	@Test
	void faviconIsServedWithoutAToken() {
		RawHttp.Response icon = RawHttp.get(port(), "/favicon.ico", "Accept: image/avif,image/webp,*/*");

		assertThat(icon.status()).as(icon.toString()).isEqualTo(200);
		assertThat(icon.header("Content-Type")).isIn("image/x-icon", "image/vnd.microsoft.icon");
		assertThat(icon.header("Cache-Control")).contains("max-age");
		assertThat(icon.raw()).contains("\r\n\r\n\u0000\u0000\u0001\u0000");
	}

	@Test
	void headOnAProtectedRouteStillNeedsAToken() {
		assertThat(RawHttp.request(port(), "HEAD", "/me", List.of(), new byte[0]).status()).isEqualTo(401);
	}

}
