package com.amiqo.kairos.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.EmulatorApiTest;
import com.amiqo.kairos.support.FakeAuthEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client on a server configured the way the shared test server is not: with
 * {@code FIREBASE_AUTH_EMULATOR_HOST} set, it signs in with email and password through
 * the emulator's REST API (here a stand-in on another origin, so CORS and the CSP's
 * connect-src are real) and uses the emulator's unsigned tokens against the API; with the
 * Apple ids set, universal links are served.
 */
class ConfiguredWebClientTest extends EmulatorApiTest {

	private static final FakeAuthEmulator EMULATOR = FakeAuthEmulator.get();

	private static BrowserPage page;

	@AfterAll
	static void stop() {
		if (page != null) {
			page.quit();
		}
	}

	@RegisterExtension
	final TestWatcher failureScreenshot = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			try {
				if (page != null) {
					page.screenshot("failed-" + context.getRequiredTestMethod().getName());
				}
			}
			catch (IOException | RuntimeException e) {
				cause.addSuppressed(e);
			}
		}
	};

	@AfterEach
	void noBrokenPage() {
		assertThat(page == null ? java.util.List.of() : page.pageErrors()).as("CSP violations or script errors")
			.isEmpty();
	}

	@Test
	void appleAppSiteAssociationWhenConfiguredIsServedPubliclyAsJson() {
		ApiClient.ApiResponse aasa = api.get("/.well-known/apple-app-site-association")
			.header("Authorization", "Bearer stale")
			.send();

		assertThat(aasa.status()).isEqualTo(200);
		assertThat(aasa.header("Content-Type")).startsWith("application/json");
		assertThat(aasa.body().path("applinks").path("details").get(0).path("appIDs").get(0).asString())
			.isEqualTo("ABCDE12345.com.amiqo.kairos");
		assertThat(aasa.body().path("applinks").path("details").get(0).path("components").get(0).path("/").asString())
			.isEqualTo("/i/*");
	}

	@Test
	void signInWhenTheEmulatorIsConfiguredUsesEmailAndPasswordAndItsTokens() throws IOException {
		ApiClient.ApiResponse page0 = api.get("/app/").send();
		assertThat(page0.header("Content-Security-Policy"))
			.contains("connect-src 'self' http://" + EMULATOR.hostAndPort() + ";");
		ApiClient.ApiResponse config = api.get("/app/config").send();
		assertThat(config.data().path("sign_in").asString()).as(config.raw()).isEqualTo("emulator");
		assertThat(config.data().path("emulator_url").asString()).isEqualTo("http://" + EMULATOR.hostAndPort());
		Path root = Path.of("target/browser", UUID.randomUUID().toString());
		page = new BrowserPage(
				Chromium.start(root.resolve("profile"), root.resolve("downloads"), new Dimension(412, 915)),
				root.resolve("downloads"), "http://localhost:" + port());

		page.freshTab();
		page.type(By.id("signin-email"), "hana@example.com");
		page.type(By.id("signin-password"), "correct horse");
		page.type(By.id("signin-display-name"), "Hana");
		page.click(By.xpath("//button[normalize-space(.)='Create an account']"));
		page.waitForText(By.id("signed-in-as"), "Hana");
		page.waitForText(By.id("all-plans"), "No plans yet.");
		page.screenshot("20-emulator-signed-in");

		page.signOut();
		page.type(By.id("signin-email"), "hana@example.com");
		page.type(By.id("signin-password"), "wrong");
		page.click(By.xpath("//button[normalize-space(.)='Sign in']"));
		page.waitForText(By.cssSelector("[data-field='password'] > .error"), "The email address or password is wrong.");
		page.screenshot("21-emulator-wrong-password");

		page.type(By.id("signin-password"), "correct horse");
		page.click(By.xpath("//button[normalize-space(.)='Sign in']"));
		page.waitForText(By.id("signed-in-as"), "Hana");
	}

}
