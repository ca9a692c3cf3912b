package com.amiqo.kairos.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.amiqo.kairos.web.BrowserPage.Screen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four people plan a dinner in the web client: Ada organizes on a desktop in Berlin, Ben
 * answers on a phone in New York, Cleo on a phone in London, Dev (a friend from an
 * earlier plan, invited by name) on a desktop. If-need-be answers, a counter-proposal,
 * Ada's pick with Dev not coming, Dev's RSVP. Every main screen is checked with axe-core
 * and photographed at both sizes.
 */
class WebClientBrowserTest extends BrowserTestBase {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String NOTE = "Ring twice, 3rd floor. Bring dessert!";

	@Test
	void planWhenFourPeopleAnswerCounterAndTheOrganizerPicksEndsConfirmedWithAnRsvp() throws Exception {
		// Dev planned something with Ada before, so Ada can invite him by name.
		String adaToken = person("Ada");
		person("Dev");
		Map<String, Object> earlier = com.amiqo.kairos.negotiation.NegotiationFixtures
			.start(List.of(new com.amiqo.kairos.support.TestUser(uidOf("Dev"), "Dev", "")));
		assertThat(api.post("/negotiate/start").token(adaToken).json(earlier).send().status()).isEqualTo(201);

		BrowserPage ada = desktop.as(Screen.DESKTOP, "Europe/Berlin");
		ada.freshTab();
		ada.screens("01-sign-in");
		ada.signIn("Ada");
		ada.waitFor(By.id("all-plans"));
		ada.click(By.id("nav-new"));
		ada.type(By.id("plan-title"), "Dinner at Ada's");
		ada.select(By.id("plan-category"), "dinner");
		fillSlot(ada, "#new-plan-form", 0, day(2) + "T19:00", "Europe/Berlin");
		ada.click(By.cssSelector("#new-plan-form .add-slot"));
		fillSlot(ada, "#new-plan-form", 1, day(3) + "T19:00", "Europe/Berlin");
		ada.click(By.xpath("//ul[@id='people-pick']//label[starts-with(normalize-space(.), 'Dev')]"));
		assertThat(ada.find(By.id("decide-auto")).isSelected()).as("naming a friend lets the plan settle itself")
			.isTrue();
		ada.click(By.cssSelector("label[for='decide-organizer']"));
		ada.type(By.id("plan-note"), NOTE);
		ada.screens("02-new-plan");
		assertThat(ada.unlabelledControls()).isEmpty();
		ada.click(By.id("plan-send"));

		// Sharing comes first: the link is ready on the plan's page.
		String planId = ada.planId();
		ada.waitUntil("the invite link", () -> !ada.value(By.id("invite-url")).isEmpty());
		String link = ada.value(By.id("invite-url"));
		assertThat(link).matches("http://localhost:" + port() + "/i/[A-Za-z0-9_-]{22,}#k=[A-Za-z0-9_-]{43}");
		ada.waitForText(By.cssSelector("#invite-links li.link-row"), "Active");
		ada.waitForText(By.id("next-step"), "Waiting for Dev");
		ada.screens("03-plan-shared");

		// Ben, on a phone in New York, opens the link and joins; the note opens with its
		// key.
		BrowserPage ben = phone.as(Screen.PHONE, "America/New_York");
		ben.freshTab();
		ben.driver().get(link);
		ben.waitFor(By.id("open-web"));
		assertThat(ben.text(By.id("main"))).doesNotContain("Dinner");
		ben.screens("04-invite-landing");
		ben.click(By.id("open-web"));
		ben.signIn("Ben");
		ben.waitForText(By.id("invite-title"), "Dinner at Ada's");
		ben.screens("05-join");
		ben.click(By.id("join"));
		ben.waitForText(By.id("note-text"), NOTE);
		ben.waitForText(By.id("next-step"), "Ada invited you");
		// Nothing is chosen for him, and times read in his zone with Berlin's beside
		// them.
		assertThat(ben.driver().findElements(By.cssSelector("#grid-slot input.answer:checked"))).isEmpty();
		ben.waitForText(By.cssSelector("#grid-slot thead"), "1:00 PM");
		ben.waitForText(By.cssSelector("#grid-slot thead"), "7:00 PM in Berlin");
		ben.click(By.cssSelector(labelOf(answer(0, "yes"))));
		ben.click(By.cssSelector(labelOf(answer(1, "maybe"))));
		ben.screens("06-answer-grid");
		ben.click(By.id("send-answers"));
		ben.waitForText(By.id("next-step"), "Thanks, you answered");

		// Cleo, in London, answers with the keyboard only, then suggests another time.
		BrowserPage cleo = ben.newTab().as(Screen.PHONE, "Europe/London");
		cleo.freshTab();
		cleo.driver().get(link);
		cleo.click(By.id("open-web"));
		cleo.signIn("Cleo");
		cleo.click(By.id("join"));
		cleo.waitFor(By.cssSelector("#grid-slot tr.me"));
		cleo.tabTo("#grid-slot tr.me input.answer");
		cleo.press(Keys.SPACE);
		cleo.press(Keys.TAB);
		cleo.press(Keys.ARROW_RIGHT);
		cleo.press(Keys.ARROW_RIGHT);
		cleo.tabTo("#send-answers");
		cleo.press(Keys.ENTER);
		cleo.waitForText(By.id("next-step"), "Thanks, you answered");
		assertThat(cleo.driver()
			.findElements(By.cssSelector("#grid-slot tr.me input.answer:checked"))
			.stream()
			.map(input -> input.getDomAttribute("value"))
			.toList()).containsExactly("yes", "no");
		cleo.click(By.cssSelector("#plan-counter summary"));
		cleo.click(By.cssSelector("#counter-form .add-slot"));
		fillSlot(cleo, "#counter-form", 0, day(4) + "T18:00", "Europe/London");
		cleo.screens("07-counter");
		cleo.click(By.id("counter-send"));
		cleo.waitForText(participant("Cleo"), "answered");

		// Ada is told the new time needs her answer; she says yes to it.
		ada.waitForText(By.id("next-step"), "Cleo suggested a new time");
		ada.waitUntil("Cleo's time in Ada's grid",
				() -> ada.driver().findElements(By.cssSelector("#grid-slot thead th.opt")).size() == 3);
		ada.click(By.cssSelector(labelOf(answer(2, "yes"))));
		ada.click(By.id("send-answers"));
		ben.waitForText(By.id("next-step"), "Cleo suggested a new time");
		ben.click(By.cssSelector(labelOf(answer(2, "maybe"))));
		ben.click(By.id("send-answers"));
		ben.waitForText(By.id("next-step"), "Thanks, you answered");

		// Dev, invited by name, finds it waiting for him and cannot make Ada's first
		// time.
		BrowserPage dev = ada.newTab().as(Screen.DESKTOP, "Europe/Berlin");
		dev.freshTab();
		dev.signIn("Dev");
		dev.click(By.cssSelector("#awaiting-me li.plan-row[data-id='" + planId + "'] a"));
		// Dev's browser has no key for the note until someone who holds it opens the
		// plan: Ada's page then wraps the key for Dev's, and his page shows the note.
		dev.waitForText(By.id("note-status"), "Waiting for someone who has the key");
		ada.open("/app/#/plan/" + planId);
		ada.waitForText(By.id("note-text"), NOTE);
		dev.waitForText(By.id("note-text"), NOTE);
		dev.click(By.cssSelector(labelOf(answer(0, "no"))));
		dev.click(By.cssSelector(labelOf(answer(1, "yes"))));
		dev.click(By.cssSelector(labelOf(answer(2, "no"))));
		dev.click(By.id("send-answers"));
		dev.waitForText(By.id("next-step"), "Ada picks the time");

		// Everyone answered: Ada picks the first time with the keyboard; Dev is not
		// coming.
		ada.waitForText(By.id("next-step"), "Everyone answered — pick the time");
		ada.waitForText(By.cssSelector("#grid-slot tfoot td:nth-of-type(1)"), "3 yes");
		ada.waitForText(By.cssSelector("#grid-slot tfoot td:nth-of-type(2)"), "1 if need be");
		ada.waitForText(By.id("plan-decide"), "not coming: Dev");
		ada.screens("08-organizer-decides");
		ada.tabTo("#plan-decide input.final-slot");
		ada.press(Keys.SPACE);
		String chosen = ada.find(By.cssSelector("#plan-decide input.final-slot:checked")).getDomAttribute("value");
		ada.tabTo("#finalize");
		ada.press(Keys.ENTER);
		ada.waitForText(By.id("confirmed-summary"), "7:00");
		ada.waitForText(By.id("attendance"), "Not coming: Dev");
		ada.screens("09-confirmed");

		// Dev comes after all.
		dev.waitForText(By.id("rsvp-state"), "not coming");
		dev.click(By.id("rsvp-accept"));
		dev.waitForText(By.id("rsvp-state"), "You're going");
		ada.waitForText(By.id("attendance"), "Going (4)");
		ben.waitForText(By.id("confirmed-summary"), "1:00 PM");
		ben.screens("10-confirmed-rsvp");

		// The list counts who is going; events are there for everyone.
		ada.click(By.id("nav-plans"));
		ada.waitForText(By.cssSelector("li.plan-row[data-id='" + planId + "']"), "4 going");
		ada.screens("11-plans");
		ada.click(By.id("nav-events"));
		ada.waitForText(By.cssSelector("li.event-row"), "Dinner at Ada's");
		ada.screens("12-events");

		JsonNode plan = api.get("/negotiations/" + planId).token(adaToken).send().data();
		assertThat(plan.path("state").asString()).isEqualTo("confirmed");
		assertThat(plan.path("final_slot_id").asString()).isEqualTo(chosen);
		assertThat(plan.path("attendee_count").asInt()).isEqualTo(4);
		String payload = plan.path("encrypted_payload").asString();
		String key = link.substring(link.indexOf("#k=") + 3);
		assertThat(JSON.readTree(decrypt(payload, key, planId)).path("note").asString()).isEqualTo(NOTE);
		for (BrowserPage page : List.of(ada, ben, cleo, dev)) {
			assertNoDeveloperWords(page);
		}
		cleo.driver().close();
		dev.driver().close();
	}

	/** The visible label of a visually hidden radio (what a finger taps). */
	private static String labelOf(By radio) {
		String css = radio.toString().replaceFirst("^By\\.cssSelector: ", "");
		return css.replaceFirst("input\\.answer-(\\w+)$", "label[for\\$='-$1']");
	}

	/**
	 * What a participant's browser does with the link's key (docs/encryption.md), in
	 * Java.
	 */
	static String decrypt(String payload, String base64UrlKey, String negotiationId) throws Exception {
		byte[] blob = Base64.getDecoder().decode(payload);
		byte[] key = Base64.getUrlDecoder().decode(base64UrlKey);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, blob, 0, 12));
		cipher.updateAAD(("kairos-note-v1:" + negotiationId).getBytes(StandardCharsets.UTF_8));
		return new String(cipher.doFinal(blob, 12, blob.length - 12), StandardCharsets.UTF_8);
	}

}
