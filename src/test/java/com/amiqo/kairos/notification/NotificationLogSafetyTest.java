package com.amiqo.kairos.notification;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.MockPushService;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Device tokens reach the logs as a short prefix at most; preference blobs, Web Push
 * endpoints and keys never.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationLogSafetyTest extends ApiTest {

	@Test
	void registeringPushingAndDeletingNeverLogsTheWholeToken(CapturedOutput output) {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String token = DeliveryTest.deviceToken();
		String blob = Base64.getEncoder().encodeToString("ann likes quiet places".getBytes());
		api.put("/me/devices/" + token).token(ann.token()).json(Map.of("platform", "ios")).send();
		api.put("/me/agent-preferences")
			.token(ann.token())
			.json(Map.of("encrypted_payload", blob, "encrypted_blob_version", 1))
			.send();
		String id = api.post("/negotiate/start")
			.token(olga.token())
			.json(Map.of("intent_category", "walk", "participant_ids", List.of(ann.uid()), "proposed_slots",
					List.of(Map.of("starts_at",
							java.time.Instant.now()
								.plus(Duration.ofDays(1))
								.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
								.toString()))))
			.send()
			.data()
			.path("id")
			.asString();

		await().atMost(Duration.ofSeconds(15))
			.until(() -> output.getAll().contains("Push (logging sender) invited for negotiation " + id));
		api.delete("/me/devices/" + token).token(ann.token()).send();

		assertThat(output.getAll()).contains(token.substring(0, 8) + "…")
			.doesNotContain(token.substring(0, 20))
			.doesNotContain(blob);
	}

	@Test
	void subscribingPushingAndLosingABrowserNeverLogsItsEndpointOrKeys(CapturedOutput output) {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		MockPushService.Subscriber browser = MockPushService.get().subscriber();
		api.put("/me/web-push-subscriptions").token(ann.token()).json(browser.json()).send();
		MockPushService.get().gone(browser);
		api.post("/negotiate/start")
			.token(olga.token())
			.json(Map.of("intent_category", "walk", "participant_ids", List.of(ann.uid()), "proposed_slots",
					List.of(Map.of("starts_at",
							java.time.Instant.now()
								.plus(Duration.ofDays(1))
								.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
								.toString()))))
			.send();

		await().atMost(Duration.ofSeconds(15))
			.until(() -> output.getAll().contains("Web Push subscriptions their push service reported gone"));
		api.delete("/me/web-push-subscriptions?endpoint=" + WebPushSubscriptionApiTest.encode(browser.endpoint()))
			.token(ann.token())
			.send();

		assertThat(output.getAll()).doesNotContain(browser.id())
			.doesNotContain(browser.p256dh().substring(0, 20))
			.doesNotContain(browser.auth());
	}

}
