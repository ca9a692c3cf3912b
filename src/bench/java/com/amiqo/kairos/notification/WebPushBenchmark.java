package com.amiqo.kairos.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.support.MockPushService;

/**
 * Benchmark, run by {@code bench/notifications.sh} only (skipped unless
 * {@code -Dkairos.bench=true}): Web Push deliveries per second through the real
 * dispatcher and sender to {@link MockPushService} over HTTPS on localhost, payload
 * encryption and VAPID included. The stub only counts here (decrypting every message
 * would take the CPU being measured; the delivery tests check that). Prints figures;
 * asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "kairos.bench", matches = "true")
class WebPushBenchmark extends DeliveryTest {

	private static final int ROWS = Integer.getInteger("kairos.bench.rows", 5000);

	@Autowired
	PushSender<Device> phones;

	@Autowired
	WebPushSender webPush;

	@Autowired
	NotificationMetrics metrics;

	@AfterEach
	void verifyAgain() {
		MockPushService.get().verifying(true);
	}

	@Test
	void dispatcherThroughputToThePushServiceStub() {
		MockPushService.get().verifying(false);
		List<UUID> users = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			UUID id = userId(signIn("WebBench" + i));
			MockPushService.Subscriber browser = MockPushService.get().subscriber();
			subscriptions.register(id, browser.endpoint(), browser.p256dh(), browser.auth(), Instant.now());
			users.add(id);
		}
		NotificationProperties properties = new NotificationProperties(false, Duration.ofSeconds(5), 500,
				Duration.ofSeconds(60), 10, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofDays(7));
		NotificationDispatcher dispatcher = new NotificationDispatcher(outbox, new PushChannel<>(devices, phones),
				new PushChannel<>(subscriptions, webPush), properties, metrics);
		run("warm-up", dispatcher, users, 1000);
		for (int round = 1; round <= 3; round++) {
			run("Web Push to the stub (HTTPS, encryption and VAPID included), 1 dispatcher, run " + round, dispatcher,
					users, ROWS);
		}
	}

	private void run(String label, NotificationDispatcher dispatcher, List<UUID> users, int rows) {
		jdbc.sql("DELETE FROM notification_outbox").update();
		List<Notification> notifications = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			notifications.add(new Notification(NotificationKind.REPLIED, users.get(i % users.size()), UUID.randomUUID(),
					"awaiting_replies", "Someone accepted"));
		}
		for (int from = 0; from < rows; from += 1000) {
			enqueue(notifications.subList(from, Math.min(rows, from + 1000)));
		}
		long accepted = MockPushService.get().accepted();
		long start = System.nanoTime();
		while (dispatcher.dispatchOnce() > 0) {
			// keep going until nothing is due
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		long delivered = MockPushService.get().accepted() - accepted;
		List<Long> latencies = jdbc.sql("""
				SELECT (extract(epoch FROM delivered_at - created_at) * 1e9)::bigint FROM notification_outbox
				 WHERE status = 'delivered'
				""").query(Long.class).list();
		if (latencies.size() != rows || delivered != rows) {
			throw new IllegalStateException(
					label + ": " + latencies.size() + " rows delivered, " + delivered + " pushes accepted, of " + rows);
		}
		BenchmarkSupport.report(BenchmarkSupport.summary(
				label + " (whole backlog enqueued first; one browser per row; latency = enqueue to delivered)",
				latencies, elapsed));
	}

}
