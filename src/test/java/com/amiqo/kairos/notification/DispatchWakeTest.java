package com.amiqo.kairos.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service delivers a notification right after the commit that wrote it: the
 * shared test context polls only once a minute, so a delivery within seconds can only
 * come from the after-commit wake-up.
 */
class DispatchWakeTest extends ApiTest {

	@LocalManagementPort
	int managementPort;

	@Test
	void startWhenCommittedIsDeliveredWithoutWaitingForThePoll() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String token = DeliveryTest.deviceToken();
		api.put("/me/devices/" + token).token(ann.token()).json(Map.of("platform", "ios")).send();
		Map<String, Object> start = Map.of("intent_category", "walk", "participant_ids", List.of(ann.uid()),
				"proposed_slots",
				List.of(Map.of("starts_at",
						java.time.Instant.now()
							.plus(Duration.ofDays(1))
							.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
							.toString())));

		ApiResponse started = api.post("/negotiate/start").token(olga.token()).json(start).send();

		assertThat(started.status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> "delivered"
				.equals(jdbc.sql("SELECT status FROM notification_outbox WHERE negotiation_id = CAST(:id AS uuid)")
					.param("id", started.data().path("id").asString())
					.query(String.class)
					.single()));
	}

	@Test
	void prometheusShowsOutboxDepthDeliveriesAndLatency() {
		startWhenCommittedIsDeliveredWithoutWaitingForThePoll();

		String metrics = new ApiClient("http://localhost:" + managementPort).get("/actuator/prometheus").send().raw();

		assertThat(metrics).contains("kairos_notifications_deliveries_total{")
			.containsPattern("kairos_notifications_deliveries_total\\{[^}]*kind=\"invited\"[^}]*outcome=\"delivered\"")
			.containsPattern("kairos_notifications_pushes_total\\{[^}]*kind=\"invited\"[^}]*outcome=\"delivered\"")
			.contains("kairos_notifications_latency_seconds_bucket{")
			.containsPattern("kairos_notifications_outbox\\{[^}]*status=\"pending\"");
	}

}
