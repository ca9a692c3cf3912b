package com.amiqo.kairos.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan's private note reaching every participant (docs/encryption.md) in real headless
 * Chromium: the organizer in two browsers (two separate profiles, a laptop and a phone),
 * a friend invited by id and a friend who joined by link (in a third profile), all
 * reading the same note; then the database holds neither the note nor the plan key. The
 * documented test vectors go through the web client's own WebCrypto code too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanKeyBrowserTest extends ApiTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final String NOTE = "Door code 4711, then the blue door on the left.";

	private BrowserPage laptop;

	private BrowserPage phone;

	private BrowserPage friends;

	@BeforeAll
	void startBrowsers() throws IOException {
		Path root = Path.of("target/browser", UUID.randomUUID().toString());
		String base = "http://localhost:" + port();
		laptop = new BrowserPage(Chromium.start(root.resolve("laptop/profile"), root.resolve("laptop/downloads"),
				new Dimension(1100, 1000)), root.resolve("laptop/downloads"), base);
		phone = new BrowserPage(
				Chromium.start(root.resolve("phone/profile"), root.resolve("phone/downloads"), new Dimension(412, 915)),
				root.resolve("phone/downloads"), base);
		friends = new BrowserPage(Chromium.start(root.resolve("friends/profile"), root.resolve("friends/downloads"),
				new Dimension(1000, 900)), root.resolve("friends/downloads"), base);
	}

	@AfterAll
	void stopBrowsers() {
		Browsers.quit(laptop, phone, friends);
	}

	/** What each browser showed when a test failed, beside the other screenshots. */
	@RegisterExtension
	final TestWatcher failureScreenshots = Browsers.screenshotsOnFailure(this::browsers);

	@AfterEach
	void noBrokenPages() {
		Browsers.assertNoPageErrors(browsers());
	}

	private Map<String, BrowserPage> browsers() {
		return Map.of("laptop", laptop, "phone", phone, "friends", friends);
	}

	@Test
	void noteWhenSharedByIdAndByLinkIsReadByEveryParticipantOnEveryDeviceAndNeverStored() throws Exception {
		// The organizer signs in on both devices; the friend invited by id signs in once
		// so the organizer can invite them (and so their browser publishes its key).
		laptop.freshTab();
		laptop.signIn("Olga Keys");
		phone.freshTab();
		phone.signIn("Olga Keys");
		BrowserPage ivan = friends;
		ivan.freshTab();
		ivan.signIn("Ivan Keys");
		String ivanUid = uid(ivan);
		waitForKeys(uid(laptop), 2);
		waitForKeys(ivanUid, 1);

		// Olga and Ivan planned together before, so Ivan is among Olga's friends on the
		// form; the organizer creates the plan with a note on the laptop, inviting him.
		startPlan(uid(laptop), List.of(ivanUid));
		laptop.click(By.id("nav-new"));
		laptop.type(By.id("plan-title"), "Keys dinner");
		LocalDate day = LocalDate.now(BERLIN).plusDays(2);
		laptop.setDateTime(laptop.waitFor(By.cssSelector("#new-plan-form .slot-start")), day + "T19:00");
		laptop.setText(laptop.find(By.cssSelector("#new-plan-form .slot-zone")), "Europe/Berlin");
		laptop.type(By.id("plan-note"), NOTE);
		laptop.click(By.xpath("//ul[@id='people-pick']//label[starts-with(normalize-space(.), 'Ivan Keys')]"));
		laptop.click(By.id("plan-send"));
		String planId = laptop.planId();
		laptop.waitForText(By.id("note-text"), NOTE);
		// Opening the plan wrapped the key for the organizer's two browsers and Ivan's.
		waitForWrappings(planId, 3);
		// Creating the plan made its first invite link.
		laptop.waitUntil("an invite URL",
				() -> !laptop.driver().findElement(By.id("invite-url")).getDomProperty("value").isEmpty());
		String inviteUrl = laptop.driver().findElement(By.id("invite-url")).getDomProperty("value");
		String planKey = inviteUrl.substring(inviteUrl.indexOf("#k=") + 3);

		// Ivan, invited by name, never saw a link: the note opens with the key wrapped
		// for
		// him.
		ivan.open("/app/#/plan/" + planId);
		ivan.waitForText(By.id("note-text"), NOTE);
		ivan.screenshot("keys-01-invited-by-name-reads-note");

		// The organizer's phone reads it too.
		phone.open("/app/#/plan/" + planId);
		phone.waitForText(By.id("note-text"), NOTE);

		// Lina joins by link in another tab of the friends' browser; her browser has the
		// key from the link and wraps it for her own key as well.
		BrowserPage lina = friends.newTab();
		lina.freshTab();
		lina.driver().get(inviteUrl);
		lina.click(By.id("open-web"));
		lina.signIn("Lina Keys");
		lina.click(By.id("join"));
		lina.waitForText(By.id("note-text"), NOTE);
		waitForWrappings(planId, 4);

		// A new session of the same browser still reads the note (the key is kept in the
		// browser, not the tab).
		laptop.signOut();
		laptop.freshTab();
		laptop.signIn("Olga Keys");
		laptop.open("/app/#/plan/" + planId);
		laptop.waitForText(By.id("note-text"), NOTE);

		// The fingerprint shown is the one of the key the laptop published.
		laptop.click(By.cssSelector("#plan-keys summary"));
		String shown = laptop.text(By.id("my-key-fingerprint")).replace(" ", "");
		List<String> olgasKeys = jdbc
			.sql("SELECT k.key_id FROM user_keys k JOIN app_users u ON u.id = k.user_id WHERE u.firebase_uid = ?")
			.param(uid(laptop))
			.query(String.class)
			.list();
		assertThat(olgasKeys).anyMatch(keyId -> keyId.startsWith(shown));
		assertThat(laptop.driver().findElements(By.cssSelector("#plan-keys li.participant-key"))).hasSize(4);
		laptop.screenshot("keys-02-fingerprints");

		// The database holds neither the note nor the plan key, in any encoding.
		byte[] raw = Base64.getUrlDecoder().decode(planKey);
		List<String> secrets = List.of(NOTE, "blue door on the left", planKey, Base64.getEncoder().encodeToString(raw),
				Base64.getEncoder().withoutPadding().encodeToString(raw), HexFormat.of().formatHex(raw));
		List<String> rows = allRows();
		assertThat(rows).isNotEmpty();
		for (String secret : secrets) {
			assertThat(rows).as("no table holds " + secret.length() + " characters of the secret")
				.noneMatch(row -> row.contains(secret));
		}
	}

	@Test
	void noteWhenTheLinkLacksItsKeyOrHasAWrongOneSaysWhyUntilTheOrganizerOpensThePlan() throws Exception {
		laptop.freshTab();
		laptop.signIn("Pia Keys");
		laptop.click(By.id("nav-new"));
		laptop.type(By.id("plan-title"), "Keys lunch");
		laptop.setDateTime(laptop.waitFor(By.cssSelector("#new-plan-form .slot-start")),
				LocalDate.now(BERLIN).plusDays(3) + "T12:30");
		laptop.setText(laptop.find(By.cssSelector("#new-plan-form .slot-zone")), "Europe/Berlin");
		laptop.type(By.id("plan-note"), NOTE);
		laptop.click(By.id("plan-send"));
		String planId = laptop.planId();
		laptop.waitForText(By.id("note-text"), NOTE);
		String link = laptop.value(By.id("invite-url"));
		// The organizer leaves the plan, so nobody who holds the key has it open.
		laptop.open("/app/#/");

		// Without the link's key: the page says so before joining, and the note waits.
		friends.freshTab();
		friends.signIn("Quin Keys");
		friends.driver().get(link.substring(0, link.indexOf('#')));
		friends.click(By.id("open-web"));
		friends.waitFor(By.id("join-no-key"));
		friends.click(By.id("join"));
		friends.waitForText(By.id("note-status"), "Waiting for someone who has the key");

		// With a wrong key: the note says it cannot be decrypted, and the key is not
		// kept.
		BrowserPage rue = friends.newTab();
		rue.freshTab();
		rue.signIn("Rue Keys");
		rue.driver().get(link.substring(0, link.indexOf("#k=") + 3) + "A".repeat(43));
		rue.click(By.id("open-web"));
		rue.click(By.id("join"));
		rue.waitForText(By.id("note-status"), "cannot be decrypted");
		rue.screenshot("keys-03-wrong-key");

		// The organizer opens the plan again: the key is wrapped for Quin, whose page
		// shows the note on its next refresh.
		laptop.open("/app/#/plan/" + planId);
		laptop.waitForText(By.id("note-text"), NOTE);
		friends.waitForText(By.id("note-text"), NOTE);
	}

	@Test
	void wrapWhenGivenTheDocumentedVectorsInTheBrowserMakesTheDocumentedBytes() throws Exception {
		laptop.freshTab();
		String page = Files.readString(Path.of("docs", "encryption.md"), StandardCharsets.UTF_8);
		int section = page.indexOf("### Test vectors");
		int start = page.indexOf("```json\n", section) + "```json\n".length();
		String json = page.substring(start, page.indexOf("```", start));
		JsonNode vector = JsonMapper.builder().build().readTree(json);

		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) laptop.driver()
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "import('/app/js/keys.js').then((m) => m.checkVector(JSON.parse(arguments[0])))"
					+ ".then(done, (e) => done({ error: String(e) }));", json);

		assertThat(result).doesNotContainKey("error");
		assertThat(result.get("wrapped_key")).isEqualTo(vector.path("wrapped_key").asString());
		assertThat(result.get("plan_key")).isEqualTo(vector.path("plan_key").asString());
		assertThat(result.get("recipient_key_id")).isEqualTo(vector.path("recipient").path("key_id").asString());
		assertThat(result.get("ephemeral_key_id")).isEqualTo(vector.path("ephemeral").path("key_id").asString());
	}

	private static String uid(BrowserPage page) {
		return (String) page.script("return JSON.parse(sessionStorage.getItem('kairos.session')).uid");
	}

	private void startPlan(String organizerUid, List<String> invitees) {
		int status = api.post("/negotiate/start")
			.token(TestTokens.valid(organizerUid))
			.json(Map.of("intent_category", "coffee", "participant_ids", invitees, "send", true, "proposed_slots",
					List.of(Map.of("starts_at", Instant.now().plusSeconds(86_400).toString()))))
			.send()
			.status();
		assertThat(status).isEqualTo(201);
	}

	private void waitForKeys(String uid, int count) {
		waitFor("published keys of " + uid, () -> jdbc
			.sql("SELECT count(*) FROM user_keys k JOIN app_users u ON u.id = k.user_id WHERE u.firebase_uid = ?")
			.param(uid)
			.query(Long.class)
			.single() == count);
	}

	private void waitForWrappings(String planId, int count) {
		waitFor(count + " wrapped keys",
				() -> jdbc.sql("SELECT count(*) FROM negotiation_wrapped_keys WHERE negotiation_id = ?")
					.param(UUID.fromString(planId))
					.query(Long.class)
					.single() == count);
	}

	private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	/** Every row of every table, as PostgreSQL prints it (bytea as hex, arrays, JSON). */
	private List<String> allRows() {
		List<String> tables = jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				 WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name""")
			.query(String.class)
			.list();
		assertThat(tables).contains("user_keys", "negotiation_wrapped_keys", "negotiations");
		List<String> rows = new ArrayList<>();
		for (String table : tables) {
			rows.addAll(jdbc.sql("SELECT t::text FROM \"" + table + "\" t").query(String.class).list());
		}
		return rows;
	}

}
