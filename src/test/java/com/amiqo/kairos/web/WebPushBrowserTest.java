package com.amiqo.kairos.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.MockPushService;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Web Push end to end in a real headless Chromium: the person turns notifications on
 * after creating a plan (the real permission prompt, granted through the DevTools
 * protocol; the real service worker), the server pushes through {@link MockPushService},
 * which decrypts the message as the browser would, and the message goes into the service
 * worker through the DevTools protocol ({@code ServiceWorker.deliverPushMessage}): the
 * notification is shown, the open plan refreshes at once, and a click on the notification
 * brings the page to the plan. Chromium's own push service is out of reach here, so
 * {@code pushManager.subscribe} answers with a subscription on the stub that the test
 * made (its keys are the test's, so the stub can decrypt).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPushBrowserTest extends ApiTest {

	private BrowserPage page;

	private String base;

	@BeforeAll
	void startBrowser() throws IOException {
		Path root = Path.of("target/browser", UUID.randomUUID().toString());
		base = "http://localhost:" + port();
		page = new BrowserPage(
				Chromium.start(root.resolve("profile"), root.resolve("downloads"), new Dimension(1000, 900)),
				root.resolve("downloads"), base);
	}

	@AfterAll
	void stopBrowser() {
		if (page != null) {
			page.quit();
		}
	}

	@Test
	void pushWhenSomeoneJoinsShowsTheNotificationAndRefreshesTheOpenPlan() throws Exception {
		MockPushService.Subscriber browser = MockPushService.get().subscriber();
		page.driver()
			.executeCdpCommand("Browser.grantPermissions",
					Map.of("origin", base, "permissions", List.of("notifications")));
		page.driver()
			.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", fakeSubscribe(browser)));

		// Alice creates a plan; the plan page offers notifications, and she turns them
		// on.
		page.freshTab();
		page.signIn("Alice");
		assertThat(page.driver().findElements(By.id("push-offer"))).as("no offer before a plan exists").isEmpty();
		page.click(By.id("nav-new"));
		page.type(By.id("plan-title"), "Climbing on Sunday");
		page.setDateTime(page.waitFor(By.cssSelector("#new-plan-form .slot-start")),
				LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(3) + "T10:00");
		page.setText(page.driver().findElement(By.cssSelector("#new-plan-form .slot-zone")), "Europe/Berlin");
		page.click(By.id("plan-send"));
		String planId = page.planId();
		page.waitForText(By.id("push-offer"), "Know when this plan moves");
		page.click(By.id("push-enable"));
		page.waitUntil("the subscription stored for Alice",
				() -> jdbc.sql("""
						SELECT count(*) FROM web_push_subscriptions s JOIN app_users u ON u.id = s.user_id
						 WHERE s.endpoint = :e AND u.display_name = 'Alice'""")
					.param("e", browser.endpoint())
					.query(Long.class)
					.single() == 1);
		page.waitForText(By.id("push-toggle"), "Turn off notifications");
		page.script(
				"window.__pushes = []; window.addEventListener('kairos-push', e => window.__pushes.push(e.detail.kind))");

		// Bob joins through a link (by API): the organizer is told, through the push
		// service.
		String aliceToken = (String) page.script("return JSON.parse(sessionStorage.getItem('kairos.session')).token");
		ApiResponse link = api.post("/negotiations/" + planId + "/invite-links")
			.token(aliceToken)
			.json(Map.of())
			.send();
		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		TestUser bob = signIn("Bob");
		ApiResponse joined = api.post("/invites/" + link.data().path("token").asString() + "/join")
			.token(bob.token())
			.send();
		assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> !MockPushService.get().receivedBy(browser).isEmpty());
		JsonNode payload = MockPushService.get().receivedBy(browser).get(0).payload();
		assertThat(payload.path("kind").asString()).isEqualTo("joined");
		assertThat(payload.path("negotiation_id").asString()).isEqualTo(planId);
		assertThat(MockPushService.get().problems()).isEmpty();

		// What the push service delivers goes into the real service worker.
		try (DevToolsSession devTools = DevToolsSession.forPage(page.driver())) {
			devTools.send("ServiceWorker.enable", Map.of());
			String registration = await().atMost(DevToolsSession.timeout())
				.until(() -> devTools.events("ServiceWorker.workerRegistrationUpdated")
					.stream()
					.flatMap(event -> event.path("params").path("registrations").valueStream())
					.filter(r -> r.path("scopeURL").asString().equals(base + "/app/")
							&& !r.path("isDeleted").asBoolean())
					.map(r -> r.path("registrationId").asString())
					.findFirst()
					.orElse(null), id -> id != null);
			devTools.send("ServiceWorker.deliverPushMessage",
					Map.of("origin", base, "registrationId", registration, "data", payload.toString()));
		}

		page.waitForScript("the page heard the push", "return window.__pushes.includes('joined')");
		page.waitFor(BrowserTestBase.participant("Bob"));
		await().atMost(DevToolsSession.timeout())
			.until(() -> shownNotifications(),
					shown -> shown.contains("Someone joined|" + payload.path("body").asString()));
		assertThat(shownNotifications()).noneMatch(text -> text.contains("Climbing"));
		assertThat(page.pageErrors()).isEmpty();

		// A click on the notification (dispatched inside the service worker, as the
		// browser would) brings the open page to the plan.
		page.driver().get(base + "/app/#/");
		page.waitFor(By.id("push-toggle"));
		try (DevToolsSession worker = DevToolsSession.forServiceWorker(page.driver(), "/app/sw.js")) {
			worker.send("Runtime.evaluate", Map.of("awaitPromise", true, "expression", """
					self.registration.getNotifications().then((shown) => {
					  try {
					    self.dispatchEvent(new NotificationEvent('notificationclick', { notification: shown[0] }));
					  } catch (e) { /* a synthetic event may not extend its lifetime; the click is handled anyway */ }
					  return shown.length;
					})"""));
		}
		page.waitUntil("the plan opened from the notification",
				() -> page.driver().getCurrentUrl().endsWith("#/plan/" + planId));
		page.waitForText(By.id("plan-title-view"), "Climbing on Sunday");

		// And off again: the subscription is gone from the server.
		page.click(By.id("push-toggle"));
		page.waitForText(By.id("push-toggle"), "Turn on notifications");
		assertThat(jdbc.sql("SELECT count(*) FROM web_push_subscriptions WHERE endpoint = :e")
			.param("e", browser.endpoint())
			.query(Long.class)
			.single()).isZero();
	}

	@SuppressWarnings("unchecked")
	private List<String> shownNotifications() {
		return (List<String>) page.driver()
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "navigator.serviceWorker.getRegistration('/app/').then(r => r ? r.getNotifications() : [])"
					+ ".then(ns => done(ns.map(n => n.title + '|' + n.body)), () => done([]))");
	}

	/**
	 * Stands in for Chromium's push service at the one point the test cannot reach: the
	 * subscription {@code pushManager.subscribe} returns is on the stub, with the test's
	 * keys.
	 */
	private static String fakeSubscribe(MockPushService.Subscriber browser) {
		return """
				(() => {
				  let current = null;
				  const subscription = {
				    endpoint: '%s', expirationTime: null, options: { userVisibleOnly: true, applicationServerKey: null },
				    toJSON() { return { endpoint: this.endpoint, expirationTime: null, keys: { p256dh: '%s', auth: '%s' } }; },
				    unsubscribe() { current = null; return Promise.resolve(true); },
				  };
				  if (window.PushManager) {
				    PushManager.prototype.subscribe = function () { current = subscription; return Promise.resolve(subscription); };
				    PushManager.prototype.getSubscription = function () { return Promise.resolve(current); };
				  }
				})();
				"""
			.formatted(browser.endpoint(), browser.p256dh(), browser.auth());
	}

}
