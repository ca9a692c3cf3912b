package com.amiqo.kairos.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.eatthepath.pushy.apns.server.RejectionReason;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.MockApns;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The APNs sender against Pushy's mock APNs server (real HTTP/2, TLS and provider-token
 * checks), driven by the real dispatcher.
 */
class ApnsDeliveryTest extends DeliveryTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	PushSender<Device> sender;

	@Autowired
	MeterRegistry meters;

	@Test
	void senderWhenApnsConfiguredIsTheApnsSender() {
		assertThat(sender).isInstanceOf(ApnsPushSender.class);
	}

	@Test
	void dispatchSendsEachDeviceToItsOwnApnsEnvironment() {
		TestUser ann = signIn("Ann");
		String phone = register(ann, "production");
		String debugBuild = register(ann, "sandbox");
		UUID negotiation = UUID.randomUUID();
		enqueue(List.of(new Notification(NotificationKind.INVITED, userId(ann), negotiation, "awaiting_replies",
				"Olga proposed a coffee")));

		dispatcher.dispatchOnce();

		assertThat(MockApns.get().receivedBy(phone)).singleElement()
			.satisfies(push -> assertThat(push.environment()).isEqualTo("production"));
		assertThat(MockApns.get().receivedBy(debugBuild)).singleElement()
			.satisfies(push -> assertThat(push.environment()).isEqualTo("sandbox"));
		MockApns.Received push = MockApns.get().receivedBy(phone).get(0);
		assertThat(push.headers()).containsEntry("apns-topic", MockApns.TOPIC)
			.containsEntry("apns-push-type", "alert")
			.containsEntry("apns-priority", "10")
			.containsEntry("apns-collapse-id", negotiation + ":invited");
		JsonNode payload = JSON.readTree(push.payload());
		assertThat(payload.path("aps").path("alert").path("title").asString()).isEqualTo("New invitation");
		assertThat(payload.path("aps").path("alert").path("body").asString()).isEqualTo("Olga proposed a coffee");
		assertThat(payload.path("aps").path("thread-id").asString()).isEqualTo(negotiation.toString());
		assertThat(payload.path("negotiation_id").asString()).isEqualTo(negotiation.toString());
		assertThat(payload.path("kind").asString()).isEqualTo("invited");
		assertThat(payload.path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(rowIds()).hasSize(1).allSatisfy(id -> assertThat(status(id)).isEqualTo("delivered"));
	}

	@Test
	void dispatchWhenEvaluateSendsSilentBackgroundPush() {
		TestUser ann = signIn("Ann");
		String phone = register(ann, "production");
		enqueue(List
			.of(new Notification(NotificationKind.EVALUATE, userId(ann), UUID.randomUUID(), "awaiting_replies", null)));

		dispatcher.dispatchOnce();

		MockApns.Received push = MockApns.get().receivedBy(phone).get(0);
		assertThat(push.headers()).containsEntry("apns-push-type", "background").containsEntry("apns-priority", "5");
		JsonNode aps = JSON.readTree(push.payload()).path("aps");
		assertThat(aps.path("content-available").asInt()).isEqualTo(1);
		assertThat(aps.has("alert")).isFalse();
		assertThat(aps.has("sound")).isFalse();
	}

	@Test
	void dispatchWhenApnsSaysUnregisteredRemovesTheDeviceAndKeepsTheOthers() {
		TestUser ann = signIn("Ann");
		String gone = register(ann, "production");
		String kept = register(ann, "sandbox");
		MockApns.get().unregister(gone);
		enqueue(List.of(new Notification(NotificationKind.CONFIRMED, userId(ann), UUID.randomUUID(), "confirmed",
				"Ben accepted")));

		dispatcher.dispatchOnce();

		assertThat(devices.ownedBy(List.of(userId(ann)))).extracting(Device::token).containsExactly(kept);
		assertThat(rowIds()).hasSize(1).allSatisfy(id -> assertThat(status(id)).isEqualTo("delivered"));
		assertThat(meters.counter("kairos.apns.responses", "status", "410", "reason", "Unregistered").count())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void dispatchWhenThrottledOrServerErrorRetriesWithBackoffThenDelivers() {
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String throttled = register(ann, "production");
		String failing = register(ben, "sandbox");
		MockApns.get().failThenAccept(throttled, RejectionReason.TOO_MANY_REQUESTS, 1);
		MockApns.get().failThenAccept(failing, RejectionReason.INTERNAL_SERVER_ERROR, 1);
		enqueue(List.of(
				new Notification(NotificationKind.REPLIED, userId(ann), UUID.randomUUID(), "awaiting_replies", "x"),
				new Notification(NotificationKind.REPLIED, userId(ben), UUID.randomUUID(), "awaiting_replies", "y")));

		dispatcher.dispatchOnce();

		assertThat(rowIds()).hasSize(2).allSatisfy(id -> assertThat(status(id)).isEqualTo("pending"));
		assertThat(jdbc.sql("SELECT last_error FROM notification_outbox ORDER BY id").query(String.class).list())
			.containsExactly("TooManyRequests", "InternalServerError");
		deliverAll();
		assertThat(MockApns.get().receivedBy(throttled)).hasSize(1);
		assertThat(MockApns.get().receivedBy(failing)).hasSize(1);
		assertThat(jdbc.sql("SELECT attempts FROM notification_outbox").query(Integer.class).list()).containsOnly(2);
	}

	@Test
	void dispatchWhenStillFailingAfterMaxAttemptsMarksTheRowFailedAndKeepsIt() {
		TestUser ann = signIn("Ann");
		String down = register(ann, "production");
		MockApns.get().failThenAccept(down, RejectionReason.SERVICE_UNAVAILABLE, 100);
		enqueue(List.of(new Notification(NotificationKind.CANCELLED, userId(ann), UUID.randomUUID(), "cancelled",
				"Olga cancelled")));
		double failedBefore = meters
			.counter("kairos.notifications.deliveries", "kind", "cancelled", "outcome", "failed")
			.count();

		await().atMost(Duration.ofSeconds(20)).until(() -> {
			dispatcher.dispatchOnce();
			return status(rowIds().get(0)).equals("failed");
		});

		assertThat(jdbc.sql("SELECT attempts FROM notification_outbox").query(Integer.class).single()).isEqualTo(3);
		assertThat(meters.counter("kairos.notifications.deliveries", "kind", "cancelled", "outcome", "failed").count())
			.isEqualTo(failedBefore + 1);
	}

	@Test
	void pushesFromRealNegotiationsCarryNoBlobNoTitleAndNoEmail() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String phone = register(ann, "production");
		String olgasPhone = register(olga, "production");
		String blob = "c2VjcmV0LWJsb2ItY29udGVudA==";
		Map<String, Object> start = new java.util.LinkedHashMap<>(Map.of("title", "Secret birthday plot",
				"intent_category", "dinner", "participant_ids", List.of(ann.uid()), "agent_mode", true,
				"encrypted_payload", blob, "encrypted_blob_version", 1, "proposed_slots",
				List.of(Map.of("starts_at",
						java.time.Instant.now()
							.plus(Duration.ofDays(2))
							.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
							.toString()))));
		ApiResponse started = api.post("/negotiate/start").token(olga.token()).json(start).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		Map<String, Object> reply = Map.of("negotiation_id", started.data().path("id").asString(), "action", "accept",
				"encrypted_payload", blob, "encrypted_blob_version", 1);
		assertThat(api.post("/negotiate/reply").token(ann.token()).json(reply).send().status()).isEqualTo(200);

		deliverAll();

		List<MockApns.Received> pushes = new java.util.ArrayList<>(MockApns.get().receivedBy(phone));
		pushes.addAll(MockApns.get().receivedBy(olgasPhone));
		assertThat(pushes).extracting(push -> JSON.readTree(push.payload()).path("kind").asString())
			.containsExactlyInAnyOrder("invited", "evaluate", "confirmed");
		assertThat(pushes).allSatisfy(push -> assertThat(push.payload()).doesNotContain(blob)
			.doesNotContain("Secret birthday")
			.doesNotContain("@")
			.doesNotContain("encrypted"));
	}

	private void deliverAll() {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			dispatcher.dispatchOnce();
			return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE status <> 'delivered'")
				.query(Long.class)
				.single() == 0;
		});
	}

	private String register(TestUser user, String environment) {
		String token = deviceToken();
		ApiResponse response = api.put("/me/devices/" + token)
			.token(user.token())
			.json(Map.of("platform", "ios", "environment", environment))
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return token;
	}

}
