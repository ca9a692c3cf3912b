package com.amiqo.kairos.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.amiqo.kairos.negotiation.NegotiationFixtures;
import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;
import com.amiqo.kairos.web.BrowserPage.Screen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a first-time user tripped over, one test each: stale pages, hidden cancel reasons,
 * link states, times in the wrong zone, one-error-at-a-time forms, the wrong-link page, a
 * signed-out second tab.
 */
class WebClientDefectsBrowserTest extends BrowserTestBase {

	@Test
	void eventsPageWhenTheOrganizerCancelsRefreshesOnItsOwnAndWhenClickedAgain() throws Exception {
		String fay = person("Fay");
		person("Gil");
		String id = confirmedPlan(fay, "Gil", "Climbing");

		BrowserPage gil = phone.as(Screen.PHONE, "Europe/Berlin");
		gil.freshTab();
		gil.signIn("Gil");
		gil.click(By.id("nav-events"));
		gil.waitForText(By.cssSelector("#events-list li.event-row"), "Confirmed");
		assertThat(api.post("/negotiate/cancel")
			.token(fay)
			.json(Map.of("negotiation_id", id, "reason", "Rain"))
			.send()
			.status()).isEqualTo(200);
		gil.waitForText(By.cssSelector("#events-list li.event-row"), "Called off");
		gil.script("document.getElementById('events-list').dataset.old = '1'");
		gil.click(By.id("nav-events"));
		gil.waitForScript("the Events page rendered afresh",
				"return document.getElementById('events-list') && !document.getElementById('events-list').dataset.old");
		gil.waitForText(By.cssSelector("#events-list li.event-row"), "Called off");
		gil.screens("13-events-called-off");
	}

	@Test
	void cancelReasonWhenGivenIsShownOnThePlanInTheListAndOnTheEvent() throws Exception {
		String hal = person("Hal");
		person("Ivy");
		String id = confirmedPlan(hal, "Ivy", "Picnic");
		assertThat(api.post("/negotiate/cancel")
			.token(hal)
			.json(Map.of("negotiation_id", id, "reason", "Storm warning"))
			.send()
			.status()).isEqualTo(200);

		BrowserPage ivy = phone.as(Screen.PHONE, "Europe/Berlin");
		ivy.freshTab();
		ivy.signIn("Ivy");
		ivy.waitForText(By.cssSelector("li.plan-row[data-id='" + id + "']"), "Storm warning");
		ivy.open("/app/#/plan/" + id);
		ivy.waitForText(By.id("next-step"), "Hal called it off: “Storm warning”");
		ivy.screens("14-called-off");
		ivy.click(By.id("nav-events"));
		ivy.waitForText(By.cssSelector("#events-list li.event-row"), "Storm warning");
	}

	@Test
	void feedUrlWhenNoPublicUrlIsConfiguredIsOnThePagesOrigin() throws Exception {
		BrowserPage jo = phone.as(Screen.PHONE, "Europe/Berlin");
		jo.freshTab();
		jo.signIn("Jo");
		jo.click(By.id("nav-events"));
		jo.click(By.id("feed-create"));
		jo.waitUntil("a feed URL", () -> !jo.value(By.id("feed-url")).isEmpty());
		String url = jo.value(By.id("feed-url"));
		assertThat(url).startsWith("http://localhost:" + port() + "/calendar/").endsWith(".ics");
		jo.screens("15-calendar-feed");
		ApiResponse feed = new ApiClient("http://localhost:" + port()).get(url.substring(url.indexOf("/calendar/")))
			.send();
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.raw()).startsWith("BEGIN:VCALENDAR");
	}

	@Test
	void formsWhenInputIsBadNameEveryProblemAtOnceInProductWords() throws Exception {
		BrowserPage kim = desktop.as(Screen.DESKTOP, "Europe/Berlin");
		kim.freshTab();
		kim.signIn("Kim");
		kim.open("/app/#/new");

		// The title stops at 120 characters as it is typed.
		kim.type(By.id("plan-title"), "x".repeat(130));
		assertThat(kim.value(By.id("plan-title"))).hasSize(120);

		// A zone without a region and zero minutes: both named at once.
		kim.setText(kim.find(By.cssSelector("#new-plan-form .slot-zone")), "Berlin");
		kim.setText(kim.find(By.cssSelector("#new-plan-form .slot-duration")), "0");
		kim.click(By.cssSelector("#new-plan-form .add-venue"));
		kim.click(By.id("plan-send"));
		kim.waitForText(fieldError("proposed_slots[0].timezone"), "Pick a time zone from the list");
		kim.waitForText(fieldError("proposed_slots[0].duration_minutes"), "between 5 and 1440 minutes");
		kim.waitForText(fieldError("proposed_venues[0].name"), "Name the place, or remove it.");
		kim.waitForText(By.cssSelector("#new-plan-form > .form-error"), "3 details need fixing");
		assertThat(kim.find(fieldError("proposed_slots[0].starts_at")).getText()).as("a valid time is not marked")
			.isEmpty();
		assertThat(kim.find(By.cssSelector("fieldset[data-field='proposed_slots'] > .error")).getText()).isEmpty();
		kim.screens("16-form-errors");
		assertNoDeveloperWords(kim);

		// "Add a time" stops at ten.
		for (int i = 1; i < 10; i++) {
			kim.click(By.cssSelector("#new-plan-form .add-slot"));
		}
		assertThat(kim.driver().findElements(By.cssSelector("#new-plan-form .slot-start"))).hasSize(10);
		assertThat(kim.find(By.cssSelector("#new-plan-form .add-slot")).isDisplayed()).isFalse();
		kim.waitForText(By.cssSelector("#new-plan-form .limit-note"), "up to 10 times");

		// Place labels follow the rows after one is removed.
		kim.click(By.cssSelector("#new-plan-form .add-venue"));
		kim.click(By.cssSelector("#new-plan-form .add-venue"));
		kim.click(By.xpath("//button[normalize-space(.)='Remove place 1']"));
		List<String> labels = kim.driver()
			.findElements(By.cssSelector("#new-plan-form .venue-row .field:first-child label"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(labels).containsExactly("Place 1", "Place 2");

		// Markup in a title is shown as text, never run.
		String probe = "<img src=x onerror=\"window.__xss=1\">";
		kim.open("/app/#/");
		kim.open("/app/#/new");
		kim.type(By.id("plan-title"), probe);
		kim.click(By.id("plan-send"));
		kim.waitForText(By.id("plan-title-view"), probe);
		assertThat(kim.driver().findElements(By.cssSelector("#main img"))).isEmpty();
		assertThat(kim.script("return window.__xss === undefined")).isEqualTo(true);
	}

	@Test
	void inviteLinkWhenBrokenSaysWhatToDoNext() throws Exception {
		BrowserPage lea = phone.as(Screen.PHONE, "Europe/Berlin");
		lea.freshTab();
		lea.signIn("Lea");
		lea.open("/i/AAAAAAAAAAAAAAAAAAAAAA#k=" + "A".repeat(43));
		lea.click(By.id("open-web"));
		lea.waitForText(By.id("broken-link-title"), "This invite link doesn't work");
		lea.waitForText(By.id("join-box"), "Ask the person who sent it for a new link");
		assertThat(lea.text(By.id("main"))).doesNotContain("Is not an invite token").doesNotContain("key");
		lea.screens("17-broken-link");
		lea.click(By.id("broken-link-home"));
		lea.waitFor(By.id("all-plans"));
	}

	@Test
	void secondTabWhenOpenedStaysSignedInAndSigningOutSignsOutEveryTab() throws Exception {
		BrowserPage max = desktop.as(Screen.DESKTOP, "Europe/Berlin");
		max.freshTab();
		max.signIn("Max");
		BrowserPage second = max.newTab().as(Screen.DESKTOP, "Europe/Berlin");
		second.open("/app/#/events");
		second.waitForText(By.id("signed-in-as"), "Max");
		second.waitFor(By.id("feed-create"));
		assertThat(second.driver().getCurrentUrl()).doesNotContain("token");
		assertThat(second.script("return Object.keys(localStorage).length")).isEqualTo(0L);
		second.signOut();
		max.waitFor(By.id("signin-form"));
		second.driver().close();
	}

	@Test
	void linksWhenMadeRevokedAndUsedUpShowTheirStateAndTheNoteKeyStaysInThisBrowser() throws Exception {
		BrowserPage nia = desktop.as(Screen.DESKTOP, "Europe/Berlin");
		nia.freshTab();
		nia.signIn("Nia");
		nia.open("/app/#/new");
		nia.type(By.id("plan-title"), "Book club");
		nia.type(By.id("plan-note"), "Chapter 4");
		nia.click(By.id("plan-send"));
		String id = nia.planId();
		nia.waitForText(By.cssSelector("#invite-links li.link-active"), "Active");

		// A second link for one person; the first one revoked.
		nia.click(By.cssSelector("#plan-share details.more summary"));
		nia.type(By.id("invite-max-uses"), "1");
		nia.click(By.id("invite-create"));
		nia.waitUntil("two links", () -> nia.driver().findElements(By.cssSelector("#invite-links li")).size() == 2);
		String second = nia.value(By.id("invite-url"));
		assertThat(second).contains("#k=");
		List<WebElement> rows = nia.driver().findElements(By.cssSelector("#invite-links li"));
		String oldest = rows.stream()
			.filter(row -> !row.getText().contains("of 1"))
			.findFirst()
			.orElseThrow()
			.getDomAttribute("data-id");
		nia.click(By.cssSelector("#invite-links li[data-id='" + oldest + "'] .revoke"));
		nia.waitForText(By.cssSelector("#invite-links li[data-id='" + oldest + "']"), "Revoked");
		assertThat(nia.driver().findElements(By.cssSelector("#invite-links li[data-id='" + oldest + "'] .revoke")))
			.isEmpty();

		// Someone joins with the one-person link: it is used up, and cannot be revoked.
		BrowserPage oli = phone.as(Screen.PHONE, "Europe/Berlin");
		oli.freshTab();
		oli.signIn("Oli");
		oli.driver().get(second);
		oli.click(By.id("open-web"));
		oli.click(By.id("join"));
		oli.waitForText(By.id("note-text"), "Chapter 4");
		nia.waitForText(By.cssSelector("#invite-links"), "Used up");
		assertThat(nia.driver().findElements(By.cssSelector("#invite-links .revoke"))).isEmpty();
		nia.screens("18-link-states");

		// After signing out and in again, the note still opens and new links carry its
		// key.
		nia.signOut();
		nia.signIn("Nia");
		nia.open("/app/#/plan/" + id);
		nia.waitForText(By.id("note-text"), "Chapter 4");
		nia.click(By.cssSelector("#plan-share details.more summary"));
		nia.click(By.id("invite-create"));
		nia.waitUntil("a new link",
				() -> !nia.value(By.id("invite-url")).equals(second) && !nia.value(By.id("invite-url")).isEmpty());
		assertThat(nia.value(By.id("invite-url"))).contains("#k=" + second.substring(second.indexOf("#k=") + 3));
	}

	@Test
	void timesWhenViewedFromAnotherZoneReadInTheViewersZoneInListAndDetails() throws Exception {
		String pia = person("Pia");
		person("Quinn");
		Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(18, ChronoUnit.HOURS);
		Map<String, Object> body = NegotiationFixtures.start(List.of(new TestUser(uidOf("Quinn"), "Quinn", "")));
		body.put("title", "Zones");
		body.put("proposed_slots",
				List.of(Map.of("starts_at", start.toString(), "duration_minutes", 60, "timezone", "Europe/Berlin")));
		ApiResponse created = api.post("/negotiate/start").token(pia).json(body).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.data().path("id").asString();

		BrowserPage quinn = phone.as(Screen.PHONE, "Europe/London");
		quinn.freshTab();
		quinn.signIn("Quinn");
		quinn.waitForText(By.cssSelector("li.plan-row[data-id='" + id + "']"), "6:00 PM GMT");
		quinn.open("/app/#/plan/" + id);
		quinn.waitForText(By.cssSelector("#grid-slot thead"), "6:00 PM – 7:00 PM");
		quinn.waitForText(By.cssSelector("#grid-slot thead"), "7:00 PM in Berlin");
		quinn.waitForText(By.id("plan-head"), "GMT");
		quinn.screens("19-times-in-my-zone");

		BrowserPage piaPage = desktop.as(Screen.DESKTOP, "Europe/Berlin");
		piaPage.freshTab();
		piaPage.signIn("Pia");
		piaPage.open("/app/#/plan/" + id);
		piaPage.waitForText(By.cssSelector("#grid-slot thead"), "7:00 PM – 8:00 PM");
		assertThat(piaPage.text(By.cssSelector("#grid-slot thead"))).doesNotContain("in Berlin")
			.doesNotContain("07:00");
	}

	@Test
	void draftWhenSentAndCancelledMovesThroughItsStates() throws Exception {
		BrowserPage rob = desktop.as(Screen.DESKTOP, "Europe/Berlin");
		rob.freshTab();
		rob.signIn("Rob");
		rob.open("/app/#/new");
		rob.type(By.id("plan-title"), "Lunch draft");
		rob.select(By.id("plan-category"), "lunch");
		rob.click(By.id("plan-draft"));
		rob.waitForText(By.id("plan-head"), "Draft");
		rob.screens("20-draft");
		rob.click(By.id("send-draft"));
		rob.waitForText(By.id("plan-head"), "Open");

		// A token the server refuses asks for sign-in again and comes back to the plan.
		rob.script("const s = JSON.parse(sessionStorage.getItem('kairos.session'));"
				+ " s.token = 'not.a.token'; sessionStorage.setItem('kairos.session', JSON.stringify(s));");
		rob.waitFor(By.id("signin-name"));
		rob.signIn("Rob");
		rob.waitForText(By.id("plan-head"), "Open");
		rob.click(By.id("cancel-plan"));
		rob.type(By.id("cancel-reason"), "Rain");
		rob.click(By.id("cancel-confirm"));
		rob.waitForText(By.id("plan-head"), "Called off");
		assertThat(rob.driver().findElements(By.id("cancel-plan"))).isEmpty();
	}

	/** A plan the invitee accepted through the API: confirmed, one event each. */
	private String confirmedPlan(String organizerToken, String invitee, String title) {
		Map<String, Object> body = NegotiationFixtures.start(List.of(new TestUser(uidOf(invitee), invitee, "")));
		body.put("title", title);
		ApiResponse created = api.post("/negotiate/start").token(organizerToken).json(body).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.data().path("id").asString();
		ApiResponse accepted = api.post("/negotiate/reply")
			.token(com.amiqo.kairos.support.TestTokens.valid(uidOf(invitee)))
			.json(Map.of("negotiation_id", id, "action", "accept"))
			.send();
		assertThat(accepted.data().path("state").asString()).as(accepted.toString()).isEqualTo("confirmed");
		return id;
	}

}
