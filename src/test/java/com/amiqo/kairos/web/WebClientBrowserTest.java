package com.amiqo.kairos.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client in a real headless Chromium against the real server: two independent
 * browser sessions (own profiles, own sessionStorage), people signing in through the
 * local issuer as they would locally. Screenshots of the main screens go to
 * {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebClientBrowserTest extends ApiTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final By SLOT_BOXES = By.cssSelector("#plan-options li.slot-option input[type=checkbox]");

	private static final String NOTE = "My place: ring twice, 3rd floor. Bring a game!";

	private BrowserPage first;

	private BrowserPage second;

	@BeforeAll
	void startBrowsers() throws IOException {
		Path root = Path.of("target/browser", UUID.randomUUID().toString());
		String base = "http://localhost:" + port();
		// A desktop window and a phone-sized one, so both layouts are exercised.
		first = new BrowserPage(
				Chromium.start(root.resolve("a/profile"), root.resolve("a/downloads"), new Dimension(1100, 1000)),
				root.resolve("a/downloads"), base);
		second = new BrowserPage(
				Chromium.start(root.resolve("b/profile"), root.resolve("b/downloads"), new Dimension(412, 915)),
				root.resolve("b/downloads"), base);
	}

	@AfterAll
	void stopBrowsers() {
		for (BrowserPage page : new BrowserPage[] { first, second }) {
			if (page != null) {
				page.quit();
			}
		}
	}

	/** What each browser showed when a test failed, beside the other screenshots. */
	@RegisterExtension
	final TestWatcher failureScreenshots = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			String name = "failed-" + context.getRequiredTestMethod().getName();
			try {
				first.screenshot(name + "-first");
				second.screenshot(name + "-second");
			}
			catch (IOException | RuntimeException e) {
				cause.addSuppressed(e);
			}
		}
	};

	@AfterEach
	void noBrokenPages() {
		assertThat(first.pageErrors()).as("CSP violations or script errors in the first browser").isEmpty();
		assertThat(second.pageErrors()).as("CSP violations or script errors in the second browser").isEmpty();
	}

	@Test
	void planWhenThreePeopleNegotiateInTwoBrowsersEndsConfirmedForAll() throws Exception {
		BrowserPage alice = first;

		// Alice creates a plan with a private note and two times, and makes an invite
		// link.
		alice.freshTab();
		alice.screenshot("01-sign-in");
		alice.signIn("Alice");
		alice.click(By.id("nav-new"));
		alice.type(By.id("plan-title"), "Board games night");
		alice.select(By.id("plan-category"), "game");
		fillSlot(alice, 0, day(2) + "T18:00");
		alice.click(By.cssSelector("#new-plan-form .add-slot"));
		fillSlot(alice, 1, day(3) + "T18:00");
		alice.click(By.cssSelector("#new-plan-form .add-venue"));
		alice.setText(alice.waitFor(By.cssSelector("#new-plan-form .venue-name")), "Alice's flat");
		alice.setText(alice.driver().findElement(By.cssSelector("#new-plan-form .venue-address")),
				"Rosenthaler Str. 1, Berlin");
		alice.type(By.id("plan-note"), NOTE);
		alice.screenshot("02-new-plan");
		assertThat(alice.unlabelledControls()).as("controls without a label").isEmpty();
		alice.click(By.id("plan-send"));
		String planId = alice.planId();
		alice.click(By.id("invite-create"));
		alice.waitUntil("an invite URL",
				() -> !alice.driver().findElement(By.id("invite-url")).getDomProperty("value").isEmpty());
		String inviteUrl = alice.driver().findElement(By.id("invite-url")).getDomProperty("value");
		assertThat(inviteUrl).matches("http://localhost:\\d+/i/[A-Za-z0-9_-]{22,}#k=[A-Za-z0-9_-]{43}");
		alice.screenshot("03-plan-shared");
		assertThat(alice.unlabelledControls()).as("controls without a label").isEmpty();
		alice.script("window.__notReloaded = true");

		// Bob opens the link in his own browser, signs in and joins; the note is
		// decrypted there.
		BrowserPage bob = second;
		bob.freshTab();
		bob.driver().get(inviteUrl);
		bob.waitFor(By.id("open-web"));
		assertThat(bob.text(By.id("main"))).doesNotContain("Board games");
		bob.screenshot("04-invite-landing");
		bob.click(By.id("open-web"));
		bob.signIn("Bob");
		bob.waitForText(By.id("invite-title"), "Board games night");
		bob.screenshot("05-join-preview");
		bob.click(By.id("join"));
		bob.waitForText(By.id("note-text"), NOTE);

		// Carol opens it in another tab of that browser (tokens are per tab, so she is
		// signed in
		// separately) and joins too. She joins before Bob answers: with Bob as the only
		// invitee his
		// accept would already confirm the plan (docs/reference.md#replies), and a link
		// to a confirmed
		// plan is closed.
		BrowserPage carol = bob.newTab();
		carol.driver().get(inviteUrl);
		carol.click(By.id("open-web"));
		carol.signIn("Carol");
		carol.click(By.id("join"));
		carol.waitForText(By.id("note-text"), NOTE);
		alice.waitForText(By.id("invite-links"), "used 2 times");
		carol.click(By.linkText("Plans"));
		carol.click(By.cssSelector("#awaiting-me li.plan-row[data-id='" + planId + "'] a"));
		carol.waitForText(By.id("note-text"), NOTE);

		// Bob accepts one of the two times.
		uncheckSlot(bob, 1);
		bob.screenshot("06-invitee-reads-note");
		bob.click(By.id("accept"));
		bob.waitForText(participant("Bob"), "Accepted");

		// Alice sees Bob's answer appear on her open page.
		alice.waitForText(participant("Bob"), "Accepted");
		alice.waitForText(By.cssSelector("li.slot-option"), "Works for: Alice, Bob");
		assertThat(alice.script("return window.__notReloaded")).isEqualTo(true);
		// Nothing changes now until Carol counters: Alice's next poll (every 2 s) must be
		// a 304.
		alice.waitForScript("a poll is answered 304 Not Modified while nothing changed",
				"return performance.getEntriesByType('resource')"
						+ ".some(e => e.name.includes('/negotiations/') && e.responseStatus === 304)");
		alice.screenshot("07-organizer-sees-answer");

		// Carol suggests another time instead of the proposed ones.
		uncheckSlot(carol, 0);
		uncheckSlot(carol, 1);
		carol.click(By.cssSelector("#plan-counter summary"));
		carol.click(By.cssSelector("#counter-form .add-slot"));
		carol.setDateTime(carol.waitFor(By.cssSelector("#counter-form .slot-start")), day(-1) + "T19:00");
		carol.setText(carol.find(By.cssSelector("#counter-form .slot-zone")), "Europe/Berlin");
		carol.click(By.id("counter-send"));
		carol.waitForText(fieldError("counter_slots[0].starts_at"), "Must be in the future.");
		carol.setDateTime(carol.find(By.cssSelector("#counter-form .slot-start")), day(4) + "T19:00");
		assertThat(carol.find(fieldError("counter_slots[0].starts_at")).getText()).as("error cleared by editing")
			.isEmpty();
		carol.screenshot("08-counter-proposal");
		assertThat(carol.unlabelledControls()).as("controls without a label").isEmpty();
		carol.click(By.id("counter-send"));
		carol.waitForText(participant("Carol"), "Suggested other options");

		// Alice agrees to Carol's time; Bob opens the plan from his list, agrees too, and
		// it is confirmed.
		alice.waitUntil("Carol's new time on Alice's page", () -> slotBoxes(alice).size() == 3);
		alice.setChecked(SLOT_BOXES, 2, true);
		alice.click(By.id("accept"));
		alice.waitForText(By.cssSelector("li.slot-option"), "Works for: Alice, Carol");
		bob.click(By.linkText("Plans"));
		bob.click(By.cssSelector("li.plan-row[data-id='" + planId + "'] a"));
		bob.screenshot("09-bob-answers-again");
		bob.waitUntil("Carol's time on Bob's page", () -> slotBoxes(bob).size() == 3);
		bob.setChecked(SLOT_BOXES, 2, true);
		bob.click(By.id("accept"));
		bob.waitForText(By.id("confirmed-summary"), "Alice's flat");
		alice.waitForText(By.id("confirmed-summary"), "Alice's flat");
		assertThat(alice.script("return window.__notReloaded")).isEqualTo(true);
		alice.screenshot("10-confirmed");
		carol.waitForText(By.id("confirmed-summary"), "Alice's flat");
		carol.screenshot("11-confirmed-phone");

		// Everyone can add it to their calendar.
		assertIcs(alice, "Board games night");
		assertIcs(bob, "Board games night");
		assertIcs(carol, "Board games night");
		alice.click(By.linkText("Events"));
		alice.waitForText(By.cssSelector("li.event-row"), "Board games night");
		alice.screenshot("12-events");

		// The server holds only ciphertext, which the link's key opens.
		JsonNode plan = new ApiClient("http://localhost:" + port()).get("/negotiations/" + planId)
			.token(TestTokens.valid("local-alice"))
			.send()
			.data();
		assertThat(plan.path("state").asString()).isEqualTo("confirmed");
		assertThat(plan.path("final_slot_id").asString())
			.isEqualTo(plan.path("proposed_slots").get(2).path("id").asString());
		String payload = plan.path("encrypted_payload").asString();
		assertThat(payload).doesNotContain("ring twice");
		assertThat(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8))
			.doesNotContain("ring twice");
		String key = inviteUrl.substring(inviteUrl.indexOf("#k=") + 3);
		assertThat(JSON.readTree(decrypt(payload, key, planId)).path("note").asString()).isEqualTo(NOTE);
	}

	@Test
	void formsWhenGivenBadInputShowTheServersMessageNextToTheField() throws Exception {
		BrowserPage dana = first;
		dana.freshTab();
		dana.signIn("Dana");

		dana.open("/app/#/new");
		fillSlot(dana, 0, day(-1) + "T10:00");
		dana.click(By.id("plan-send"));
		dana.waitForText(fieldError("proposed_slots[0].starts_at"), "Must be in the future.");
		dana.screenshot("13-bad-input");

		fillSlot(dana, 0, day(2) + "T10:00");
		dana.setText(dana.driver().findElement(By.cssSelector(".slot-zone")), "Mars/Olympus_Mons");
		dana.click(By.id("plan-send"));
		dana.waitForText(fieldError("proposed_slots[0].timezone"), "Must be an IANA time zone");
		assertThat(dana.driver().findElement(fieldError("proposed_slots[0].starts_at")).getText()).isEmpty();

		dana.open("/app/#/");
		dana.open("/app/#/new");
		dana.type(By.id("plan-title"), "x".repeat(121));
		for (int i = 0; i < 10; i++) {
			dana.click(By.cssSelector("#new-plan-form .add-slot"));
		}
		dana.click(By.id("plan-send"));
		dana.waitForText(fieldError("title"), "Must be at most 120 characters.");
		dana.waitForText(By.cssSelector("fieldset[data-field='proposed_slots'] > .error"), "1-10 slots");

		// An empty title is allowed (docs/reference.md#creating-a-negotiation) and
		// becomes the default one.
		dana.open("/app/#/");
		dana.open("/app/#/new");
		dana.click(By.id("plan-send"));
		dana.waitForText(By.id("plan-title-view"), "Untitled invitation");

		// Markup in a title or a name is shown as text, never run.
		String probe = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
		dana.open("/app/#/new");
		dana.type(By.id("plan-title"), probe);
		dana.type(By.id("plan-note"), "Secret: " + probe);
		dana.click(By.id("plan-send"));
		dana.waitForText(By.id("plan-title-view"), probe);
		dana.waitForText(By.id("note-text"), "Secret: " + probe);
		assertThat(dana.driver().findElements(By.cssSelector("#main img, #main script"))).isEmpty();
		assertThat(dana.script("return window.__xss === undefined")).isEqualTo(true);
		String planId = dana.planId();
		dana.click(By.id("invite-create"));
		dana.waitUntil("an invite URL",
				() -> !dana.driver().findElement(By.id("invite-url")).getDomProperty("value").isEmpty());
		String link = dana.driver().findElement(By.id("invite-url")).getDomProperty("value");
		dana.screenshot("14-xss-probe-as-text");
		dana.open("/app/#/");
		dana.waitForText(By.cssSelector("li.plan-row[data-id='" + planId + "']"), probe);
		assertThat(dana.driver().findElements(By.cssSelector("#main img, #main script"))).isEmpty();

		// A tampered link shows the server's answer; a link without its key or with a
		// wrong one joins,
		// but the note stays unreadable and says why.
		BrowserPage erin = second;
		erin.freshTab();
		erin.signIn("Erin <b>the bold</b>");
		assertThat(erin.driver().findElements(By.cssSelector("#signed-in-as b"))).isEmpty();
		String token = link.substring(link.indexOf("/i/") + 3, link.indexOf('#'));
		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		erin.driver().get(link.replace(token, tampered));
		erin.click(By.id("open-web"));
		String serverMessage = new ApiClient("http://localhost:" + port()).get("/invites/" + tampered)
			.token(TestTokens.valid("local-erin-b-the-bold-b"))
			.send()
			.error()
			.path("message")
			.asString();
		assertThat(serverMessage).isNotBlank();
		erin.waitForText(By.cssSelector("#join-box .form-error"), serverMessage);
		erin.screenshot("15-tampered-link");

		erin.driver().get(link.substring(0, link.indexOf('#')));
		erin.waitForText(By.id("key-note"), "no decryption key");
		erin.click(By.id("open-web"));
		erin.waitFor(By.id("join-no-key"));
		erin.click(By.id("join"));
		erin.waitForText(By.id("note-status"), "holds no key");

		erin.driver().get(link.substring(0, link.indexOf("#k=") + 3) + "A".repeat(43));
		erin.click(By.id("open-web"));
		erin.click(By.id("join"));
		erin.waitForText(By.id("note-status"), "cannot be decrypted");
		erin.screenshot("16-wrong-key");

		// Erin, the only invitee, declines: the plan is called off for Dana too.
		erin.click(By.id("decline"));
		erin.waitForText(By.id("plan-head"), "Cancelled");
		dana.open("/app/#/plan/" + planId);
		dana.waitForText(participant("Erin"), "Declined");
		dana.waitForText(By.id("plan-head"), "Cancelled");
	}

	@Test
	void draftWhenSentAndCancelledMovesThroughItsStates() throws Exception {
		BrowserPage gil = first;
		gil.freshTab();
		gil.signIn("Gil");
		gil.open("/app/#/new");
		gil.type(By.id("plan-title"), "Lunch draft");
		gil.select(By.id("plan-category"), "lunch");
		gil.click(By.id("plan-draft"));
		gil.waitForText(By.id("plan-head"), "Draft");
		gil.click(By.id("send-draft"));
		gil.waitForText(By.id("plan-head"), "Waiting for answers");

		// A token the server refuses (e.g. after a restart of the local issuer) asks for
		// sign-in again
		// and comes back to the same plan.
		gil.script("const s = JSON.parse(sessionStorage.getItem('kairos.session'));"
				+ " s.token = 'not.a.token'; sessionStorage.setItem('kairos.session', JSON.stringify(s));");
		gil.waitFor(By.id("signin-name"));
		gil.signIn("Gil");
		gil.waitForText(By.id("plan-head"), "Waiting for answers");
		gil.click(By.id("cancel-plan"));
		gil.type(By.id("cancel-reason"), "Rain");
		gil.click(By.id("cancel-confirm"));
		gil.waitForText(By.id("plan-head"), "Cancelled");
		assertThat(gil.driver().findElements(By.id("cancel-plan"))).isEmpty();
	}

	@Test
	void eventsPageWhenAskedGivesACalendarFeedUrlThatServesTheCalendar() throws Exception {
		BrowserPage fay = second;
		fay.freshTab();
		fay.signIn("Fay");
		fay.open("/app/#/events");
		fay.click(By.id("feed-create"));
		fay.waitUntil("a feed URL",
				() -> !fay.driver().findElement(By.id("feed-url")).getDomProperty("value").isEmpty());
		String url = fay.driver().findElement(By.id("feed-url")).getDomProperty("value");
		assertThat(url).contains("/calendar/").endsWith(".ics");
		fay.screenshot("17-calendar-feed");
		String path = url.substring(url.indexOf("/calendar/"));
		ApiClient.ApiResponse feed = new ApiClient("http://localhost:" + port()).get(path).send();
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.raw()).startsWith("BEGIN:VCALENDAR");
	}

	private static String day(int offset) {
		return LocalDate.now(BERLIN).plusDays(offset).toString();
	}

	private static void fillSlot(BrowserPage page, int index, String localDateTime) {
		List<WebElement> starts = page.driver().findElements(By.cssSelector("#new-plan-form .slot-start"));
		page.setDateTime(starts.get(index), localDateTime);
		page.setText(page.driver().findElements(By.cssSelector("#new-plan-form .slot-zone")).get(index),
				"Europe/Berlin");
	}

	private static List<WebElement> slotBoxes(BrowserPage page) {
		return page.driver().findElements(SLOT_BOXES);
	}

	private static void uncheckSlot(BrowserPage page, int index) {
		page.setChecked(SLOT_BOXES, index, false);
	}

	private static By participant(String name) {
		return By.xpath("//li[contains(@class,'participant')][.//span[@class='name'][starts-with(normalize-space(.), '"
				+ name + "')]]");
	}

	private static By fieldError(String field) {
		return By.cssSelector("[data-field='" + field + "'] > .error");
	}

	private static void assertIcs(BrowserPage page, String title) throws IOException {
		page.clearDownloads();
		page.click(By.cssSelector("#plan-confirmed .download-ics"));
		String ics = page.downloaded(".ics");
		assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:" + title, "STATUS:CONFIRMED");
	}

	/**
	 * What a participant's browser does with the link's key (docs/encryption.md), in
	 * Java.
	 */
	private static String decrypt(String payload, String base64UrlKey, String negotiationId) throws Exception {
		byte[] blob = Base64.getDecoder().decode(payload);
		byte[] key = Base64.getUrlDecoder().decode(base64UrlKey);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, blob, 0, 12));
		cipher.updateAAD(("kairos-note-v1:" + negotiationId).getBytes(StandardCharsets.UTF_8));
		return new String(cipher.doFinal(blob, 12, blob.length - 12), StandardCharsets.UTF_8);
	}

}
