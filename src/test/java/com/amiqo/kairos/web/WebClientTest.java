package com.amiqo.kairos.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client's pages over real HTTP: what is served, with which headers, and what
 * stays private.
 */
class WebClientTest extends ApiTest {

	private static final Path STATIC = Path.of("src/main/resources/static/app");

	@Test
	void appWhenRequestedServesThePageWithAStrictContentSecurityPolicy() {
		ApiClient.ApiResponse page = api.get("/app/").send();

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.raw()).contains("<script type=\"module\" src=\"/app/js/main.js\"></script>");
		String csp = page.header("Content-Security-Policy");
		assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
				"frame-ancestors 'none'", "base-uri 'none'");
		assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "*");
		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void appWithoutSlashWhenRequestedRedirectsToTheApp() {
		ApiClient.ApiResponse response = api.get("/app").send();

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/app/");
	}

	@Test
	void appFilesWhenRequestedAreServedWithTheirTypesAndTheCsp() {
		ApiClient.ApiResponse script = api.get("/app/js/main.js").send();
		ApiClient.ApiResponse style = api.get("/app/app.css").send();

		assertThat(script.status()).isEqualTo(200);
		assertThat(script.header("Content-Type")).contains("javascript");
		assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(style.header("Content-Type")).startsWith("text/css");
		assertThat(style.header("Content-Security-Policy")).isNotNull();
	}

	@Test
	void appFileWhenMissingIsTheJsonNotFound() {
		ApiClient.ApiResponse response = api.get("/app/nothing-here.js").send();

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
	}

	@Test
	void apiPathsWhenUnauthenticatedStillRequireATokenBesideTheApp() {
		assertThat(api.get("/no-such-route").send().status()).isEqualTo(401);
		assertThat(api.post("/app/").json("{}").send().status()).isEqualTo(401);
	}

	@Test
	void appWhenAStaleTokenIsSentIgnoresIt() {
		ApiClient.ApiResponse page = api.get("/app/").header("Authorization", "Bearer not.a.token").send();

		assertThat(page.status()).isEqualTo(200);
	}

	@Test
	void inviteLandingWhenOpenedNamesNoPlanDetailsAndKeepsTheTokenFromReferrers() {
		TestUser alice = signIn("Alice");
		String title = "Surprise party for Bob " + newUid("t");
		ApiClient.ApiResponse created = api.post("/negotiate/start")
			.token(alice.token())
			.json(Map.of("title", title, "intent_category", "dinner", "participant_ids", List.of(), "proposed_slots",
					List.of(Map.of("starts_at",
							Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()))))
			.send();
		assertThat(created.status()).isEqualTo(201);

		ApiClient.ApiResponse landing = api.get("/i/AbCdEf0123456789-_xyz").send();

		assertThat(landing.status()).isEqualTo(200);
		assertThat(landing.header("Content-Type")).startsWith("text/html");
		assertThat(landing.raw()).contains("/app/js/landing.js").doesNotContain(title).doesNotContain("Alice");
		assertThat(landing.header("Content-Security-Policy")).contains("script-src 'self'");
		assertThat(landing.header("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void configWhenTheLocalIssuerIsOnSaysLocalAndNamesNoFirebaseHosts() {
		ApiClient.ApiResponse config = api.get("/app/config").send();

		assertThat(config.status()).isEqualTo(200);
		assertThat(config.data().path("sign_in").asString()).isEqualTo("local");
		assertThat(config.data().path("firebase").isNull()).isTrue();
		assertThat(config.data().path("emulator_url").isNull()).isTrue();
	}

	@Test
	void appleAppSiteAssociationWhenUnconfiguredIsNotFound() {
		ApiClient.ApiResponse response = api.get("/.well-known/apple-app-site-association").send();

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
	}

	@Test
	void apiDocsWhenGeneratedLeaveTheWebPagesOut() {
		ApiClient.ApiResponse docs = api.get("/v3/api-docs").send();

		assertThat(docs.body().path("paths").propertyNames())
			.noneMatch(path -> path.startsWith("/app") || path.startsWith("/i/") || path.startsWith("/.well-known"));
	}

	/**
	 * The CSP forbids inline code; this keeps the files honest so the policy never has to
	 * be loosened.
	 */
	@Test
	void staticFilesWhenScannedHaveNoInlineScriptStyleOrHtmlInjection() throws IOException {
		Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
		Pattern handlerAttribute = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
		Pattern styleAttribute = Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
		Pattern markupSink = Pattern
			.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function");
		try (Stream<Path> files = Files.walk(STATIC)) {
			List<Path> all = files.filter(Files::isRegularFile).toList();
			assertThat(all).isNotEmpty();
			for (Path file : all) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				if (file.toString().endsWith(".html")) {
					assertThat(inlineScript.matcher(text).find()).as("inline script in %s", file).isFalse();
					assertThat(handlerAttribute.matcher(text).find()).as("event handler attribute in %s", file)
						.isFalse();
					assertThat(styleAttribute.matcher(text).find()).as("style attribute in %s", file).isFalse();
				}
				if (file.toString().endsWith(".js")) {
					assertThat(markupSink.matcher(text).find()).as("HTML sink in %s", file).isFalse();
					assertThat(text).as("persistent storage in %s", file)
						.doesNotContain("localStorage", "document.cookie");
				}
			}
		}
	}

}
