package com.amiqo.kairos.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real headless Chromium browsers against the real server: a desktop one and a phone
 * one, each with its own profile. A test that needs more people opens more tabs (each tab
 * is its own device: screen and time zone, see {@link BrowserPage#as}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase extends ApiTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** Words a person must never read. */
	static final List<String> DEVELOPER_WORDS = List.of("negotiation", "null", "Must ", "must hold", "#k=",
			"VALIDATION", "undefined");

	BrowserPage desktop;

	BrowserPage phone;

	@BeforeAll
	void startBrowsers() throws IOException {
		Path root = Path.of("target/browser", UUID.randomUUID().toString());
		String base = "http://localhost:" + port();
		desktop = new BrowserPage(
				Chromium.start(root.resolve("a/profile"), root.resolve("a/downloads"), new Dimension(1280, 900)),
				root.resolve("a/downloads"), base);
		phone = new BrowserPage(
				Chromium.start(root.resolve("b/profile"), root.resolve("b/downloads"), new Dimension(390, 844)),
				root.resolve("b/downloads"), base);
	}

	@AfterAll
	void stopBrowsers() {
		Browsers.quit(desktop, phone);
	}

	/** What each browser showed when a test failed, beside the other screenshots. */
	@RegisterExtension
	final TestWatcher failureScreenshots = Browsers.screenshotsOnFailure(this::browsers);

	@AfterEach
	void noBrokenPages() {
		Browsers.assertNoPageErrors(browsers());
	}

	private Map<String, BrowserPage> browsers() {
		return Map.of("desktop", desktop, "phone", phone);
	}

	/** The user id the local sign-in gives a display name (see auth.js). */
	static String uidOf(String name) {
		return "local-"
				+ name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
	}

	/** Someone who has signed in once, with a display name; returns a token. */
	String person(String name) {
		String token = TestTokens.valid(uidOf(name));
		ApiResponse named = api.patch("/me").token(token).json(Map.of("display_name", name)).send();
		assertThat(named.status()).as(named.toString()).isEqualTo(200);
		return token;
	}

	static String day(int offset) {
		return LocalDate.now(BERLIN).plusDays(offset).toString();
	}

	static void fillSlot(BrowserPage page, String form, int index, String localDateTime, String zone) {
		List<WebElement> starts = page.driver().findElements(By.cssSelector(form + " .slot-start"));
		page.setDateTime(starts.get(index), localDateTime);
		page.setText(page.driver().findElements(By.cssSelector(form + " .slot-zone")).get(index), zone);
	}

	static By fieldError(String field) {
		return By.cssSelector("[data-field='" + field + "'] > .error");
	}

	static By participant(String name) {
		return By.xpath("//tr[contains(@class,'participant')][.//span[@class='name'][starts-with(normalize-space(.), '"
				+ name + "')]]");
	}

	/** The radio of the viewer's own answer to the option shown in the given column. */
	static By answer(int column, String value) {
		return By.cssSelector("#grid-slot tr.me td:nth-of-type(" + (column + 1) + ") input.answer-" + value);
	}

	static void assertNoDeveloperWords(BrowserPage page) {
		String text = page.find(By.id("main")).getText();
		for (String word : DEVELOPER_WORDS) {
			assertThat(text).as("a person reads no developer words").doesNotContainIgnoringCase(word);
		}
	}

}
