package com.amiqo.kairos.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.MockApns;
import com.amiqo.kairos.support.MockPushService;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Web Push sender against {@link MockPushService} (real HTTPS on localhost; the stub
 * checks the VAPID JWT against the public key and decrypts each payload with the
 * subscription's private key), driven by the real dispatcher.
 */
class WebPushDeliveryTest extends DeliveryTest {

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	WebPushSender sender;

	private final MockPushService pushService = MockPushService.get();

	@Test
	void dispatchSendsEncryptedPayloadWithVapidTokenToEveryBrowserAndPhone() {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber laptop = subscribe(ann);
		MockPushService.Subscriber phoneBrowser = subscribe(ann);
		String phone = registerDevice(ann);
		UUID negotiation = UUID.randomUUID();
		enqueue(List.of(new Notification(NotificationKind.INVITED, userId(ann), negotiation, "awaiting_replies",
				"Olga proposed a coffee")));

		dispatcher.dispatchOnce();

		assertThat(pushService.problems()).isEmpty();
		assertThat(MockApns.get().receivedBy(phone)).hasSize(1);
		for (MockPushService.Subscriber browser : List.of(laptop, phoneBrowser)) {
			MockPushService.Received push = pushService.receivedBy(browser).get(0);
			assertThat(push.payload().propertyNames()).containsExactlyInAnyOrder("kind", "negotiation_id", "state",
					"title", "body");
			assertThat(push.payload().path("kind").asString()).isEqualTo("invited");
			assertThat(push.payload().path("negotiation_id").asString()).isEqualTo(negotiation.toString());
			assertThat(push.payload().path("state").asString()).isEqualTo("awaiting_replies");
			assertThat(push.payload().path("title").asString()).isEqualTo("New invitation");
			assertThat(push.payload().path("body").asString()).isEqualTo("Olga proposed a coffee");
			assertThat(push.headers()).containsEntry("content-encoding", "aes128gcm")
				.containsEntry("content-type", "application/octet-stream")
				.containsEntry("ttl", "86400")
				.containsEntry("urgency", "normal")
				.containsEntry("topic", WebPushSender
					.topic(new Push(0, NotificationKind.INVITED, userId(ann), negotiation, null, null)));
			assertThat(push.vapid().getAudience()).containsExactly(pushService.origin());
			assertThat(push.vapid().getSubject()).isEqualTo(MockPushService.VAPID_SUBJECT);
			assertThat(push.vapid().getExpirationTime().toInstant()).isBefore(Instant.now().plus(Duration.ofHours(24)));
		}
		assertThat(rowIds()).hasSize(1).allSatisfy(id -> assertThat(status(id)).isEqualTo("delivered"));
	}

	@Test
	void dispatchWhenEvaluateSendsNothingToBrowsers() {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber laptop = subscribe(ann);
		enqueue(List
			.of(new Notification(NotificationKind.EVALUATE, userId(ann), UUID.randomUUID(), "awaiting_replies", null)));

		dispatcher.dispatchOnce();

		assertThat(pushService.receivedBy(laptop)).isEmpty();
		assertThat(rowIds()).allSatisfy(id -> assertThat(status(id)).isEqualTo("delivered"));
	}

	@Test
	void dispatchWhenPushServiceSaysGoneRemovesTheSubscriptionAndKeepsTheOthers() {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber gone = subscribe(ann);
		MockPushService.Subscriber kept = subscribe(ann);
		pushService.gone(gone);
		enqueue(List.of(new Notification(NotificationKind.CONFIRMED, userId(ann), UUID.randomUUID(), "confirmed",
				"Ben accepted")));

		dispatcher.dispatchOnce();

		assertThat(subscriptions.ownedBy(List.of(userId(ann)))).extracting(WebPushSubscription::endpoint)
			.containsExactly(kept.endpoint());
		assertThat(pushService.receivedBy(kept)).hasSize(1);
		assertThat(rowIds()).allSatisfy(id -> assertThat(status(id)).isEqualTo("delivered"));
	}

	@Test
	void dispatchWhenThrottledWithRetryAfterWaitsAtLeastThatLongThenDelivers() {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber throttled = subscribe(ann);
		pushService.failThenAccept(throttled, 429, 1, "2");
		enqueue(List.of(new Notification(NotificationKind.REPLIED, userId(ann), UUID.randomUUID(), "awaiting_replies",
				"Ben accepted")));

		dispatcher.dispatchOnce();

		assertThat(jdbc.sql("""
				SELECT status = 'pending' AND last_error = 'push_service_429'
				       AND available_at > clock_timestamp() + interval '1 second'
				  FROM notification_outbox""").query(Boolean.class).single()).isTrue();
		// Due again once the push service's two seconds have passed (the backoff alone
		// would be milliseconds here).
		jdbc.sql("UPDATE notification_outbox SET available_at = clock_timestamp()").update();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
			dispatcher.dispatchOnce();
			return status(rowIds().get(0)).equals("delivered");
		});
		assertThat(pushService.receivedBy(throttled)).hasSize(1);
	}

	@Test
	void dispatchWhenServerErrorRetriesWithBackoffThenDelivers() {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber failing = subscribe(ann);
		pushService.failThenAccept(failing, 503, 1, null);
		enqueue(List.of(new Notification(NotificationKind.CANCELLED, userId(ann), UUID.randomUUID(), "cancelled",
				"Olga cancelled")));

		dispatcher.dispatchOnce();

		assertThat(status(rowIds().get(0))).isEqualTo("pending");
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			dispatcher.dispatchOnce();
			return status(rowIds().get(0)).equals("delivered");
		});
		assertThat(pushService.receivedBy(failing)).hasSize(1);
		assertThat(jdbc.sql("SELECT attempts FROM notification_outbox").query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void dispatchWhenStoredEndpointIsNotOnTheAllowlistNeverPostsAndFailsTheRow() {
		TestUser ann = signIn("Ann");
		// Stored before the allowlist changed, say: the send-time check still refuses it.
		subscriptions.register(userId(ann), "https://169.254.169.254/latest/meta-data",
				pushService.subscriber().p256dh(), pushService.subscriber().auth(), Instant.now());
		enqueue(List
			.of(new Notification(NotificationKind.INVITED, userId(ann), UUID.randomUUID(), "awaiting_replies", "x")));

		dispatcher.dispatchOnce();

		assertThat(jdbc.sql("SELECT status || ' ' || last_error FROM notification_outbox").query(String.class).single())
			.isEqualTo("failed endpoint_not_allowed");
	}

	@Test
	void retryAfterWhenSecondsOrDateIsThatLongAndCappedAtAnHour() {
		assertThat(sender.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
		assertThat(sender.retryAfter("86400")).isEqualTo(WebPushSender.MAX_RETRY_AFTER);
		assertThat(sender.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
		assertThat(sender.retryAfter(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
			.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(10))))
			.isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
		assertThat(sender.retryAfter("soon")).isNull();
		assertThat(sender.retryAfter(null)).isNull();
	}

	@Test
	void pushesFromRealNegotiationsCarryNoBlobNoTitleAndNoEmail() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber annsBrowser = subscribe(ann);
		String blob = "c2VjcmV0LWJsb2ItY29udGVudA==";
		Map<String, Object> start = Map.of("title", "Secret birthday plot", "intent_category", "dinner",
				"participant_ids", List.of(ann.uid()), "encrypted_payload", blob, "encrypted_blob_version", 1,
				"proposed_slots",
				List.of(Map.of("starts_at",
						Instant.now()
							.plus(Duration.ofDays(2))
							.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
							.toString())));
		ApiResponse started = api.post("/negotiate/start").token(olga.token()).json(start).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);

		dispatcher.dispatchOnce();

		assertThat(pushService.receivedBy(annsBrowser)).singleElement()
			.satisfies(push -> assertThat(push.payload().toString()).contains("invited")
				.doesNotContain(blob)
				.doesNotContain("Secret birthday")
				.doesNotContain("@"));
	}

	@Test
	void finalizeTellsEachBrowserAndPhoneWhetherItsOwnerAttends() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		MockPushService.Subscriber annsBrowser = subscribe(ann);
		MockPushService.Subscriber bensBrowser = subscribe(ben);
		String annsPhone = registerDevice(ann);
		String bensPhone = registerDevice(ben);
		Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		ApiResponse started = api.post("/negotiate/start")
			.token(olga.token())
			.json(Map.of("intent_category", "coffee", "participant_ids", List.of(ann.uid(), ben.uid()), "auto_confirm",
					false, "proposed_slots",
					List.of(Map.of("starts_at", tomorrow.toString()),
							Map.of("starts_at", tomorrow.plus(Duration.ofDays(1)).toString()))))
			.send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		String id = started.data().path("id").asString();
		List<String> slots = started.data().path("proposed_slots").findValuesAsString("id");
		for (var answer : Map.of(ann, slots.get(0), ben, slots.get(1)).entrySet()) {
			ApiResponse replied = api.post("/negotiate/reply")
				.token(answer.getKey().token())
				.json(Map.of("negotiation_id", id, "action", "accept", "slot_ids", List.of(answer.getValue())))
				.send();
			assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
		}
		jdbc.sql("DELETE FROM notification_outbox").update();
		ApiResponse finalized = api.post("/negotiate/finalize")
			.token(olga.token())
			.json(Map.of("negotiation_id", id, "slot_id", slots.get(0)))
			.send();
		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);

		dispatcher.dispatchOnce();

		assertThat(pushService.problems()).isEmpty();
		assertThat(pushService.receivedBy(annsBrowser)).singleElement().satisfies(push -> {
			assertThat(push.payload().path("kind").asString()).isEqualTo("confirmed");
			assertThat(push.payload().path("attending").isBoolean()).isTrue();
			assertThat(push.payload().path("attending").asBoolean()).isTrue();
			assertThat(push.payload().path("body").asString()).isEqualTo("Olga confirmed the plan");
		});
		assertThat(pushService.receivedBy(bensBrowser)).singleElement().satisfies(push -> {
			assertThat(push.payload().path("kind").asString()).isEqualTo("confirmed");
			assertThat(push.payload().path("attending").isBoolean()).isTrue();
			assertThat(push.payload().path("attending").asBoolean()).isFalse();
			assertThat(push.payload().path("body").asString())
				.isEqualTo("Olga confirmed the plan (you're not attending)");
		});
		assertThat(MockApns.get().receivedBy(annsPhone)).singleElement()
			.satisfies(push -> assertThat(push.payload()).contains("\"attending\":true")
				.contains("\"body\":\"Olga confirmed the plan\""));
		assertThat(MockApns.get().receivedBy(bensPhone)).singleElement()
			.satisfies(push -> assertThat(push.payload()).contains("\"attending\":false")
				.contains("Olga confirmed the plan (you're not attending)"));
	}

	@Test
	void pushesOtherThanConfirmedSayNothingAboutAttending() {
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber browser = subscribe(ann);
		String phone = registerDevice(ann);
		enqueue(List.of(new Notification(NotificationKind.REPLIED, userId(ann), UUID.randomUUID(), "awaiting_replies",
				"Ben accepted")));

		dispatcher.dispatchOnce();

		assertThat(pushService.receivedBy(browser)).singleElement()
			.satisfies(push -> assertThat(push.payload().has("attending")).isFalse());
		assertThat(MockApns.get().receivedBy(phone)).singleElement()
			.satisfies(push -> assertThat(push.payload()).doesNotContain("attending"));
	}

	private MockPushService.Subscriber subscribe(TestUser user) {
		MockPushService.Subscriber subscriber = pushService.subscriber();
		ApiResponse response = api.put("/me/web-push-subscriptions").token(user.token()).json(subscriber.json()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return subscriber;
	}

	private String registerDevice(TestUser user) {
		String token = deviceToken();
		assertThat(api.put("/me/devices/" + token).token(user.token()).json(Map.of("platform", "ios")).send().status())
			.isEqualTo(200);
		return token;
	}

}
