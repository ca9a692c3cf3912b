package com.amiqo.kairos.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;


/**
 * Benchmarks, run by {@code bench/notifications.sh} only (skipped unless
 * {@code -Dkairos.bench=true}): dispatcher throughput to the mock APNs server
 * ({@link ReplyBenchmark} measures replies). Prints figures; asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "kairos.bench", matches = "true")
class NotificationBenchmark extends DeliveryTest {

	private static final int ROWS = Integer.getInteger("kairos.bench.rows", 5000);

	@Autowired
	PushSender<Device> apns;

	@Autowired
	NotificationMetrics metrics;

	@Test
	void dispatcherThroughputToMockApns() throws Exception {
		List<UUID> users = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			UUID id = userId(signIn("Bench" + i));
			devices.register(id, deviceToken(), "ios", i % 2 == 0 ? "production" : "sandbox", java.time.Instant.now());
			users.add(id);
		}
		NotificationProperties properties = new NotificationProperties(false, Duration.ofSeconds(5), 500,
				Duration.ofSeconds(60), 10, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofDays(7));
		run("warm-up, 1 dispatcher", users, 1000, 1, properties);
		for (int round = 1; round <= 3; round++) {
			run("dispatch to mock APNs, 1 dispatcher, run " + round, users, ROWS, 1, properties);
		}
		for (int round = 1; round <= 3; round++) {
			run("dispatch to mock APNs, 2 dispatchers, run " + round, users, ROWS, 2, properties);
		}
	}

	/**
	 * Commit-to-send latency with the background loop woken by each commit: notifications
	 * committed one by one (each in its own transaction, as replies do) to the mock APNs
	 * server, once paced at 20 commits/s (a busy but normal day) and once as a
	 * back-to-back burst.
	 */
	@Test
	void commitToSendLatencyWithWakeUps() throws Exception {
		UUID user = userId(signIn("Latency"));
		devices.register(user, deviceToken(), "ios", "production", java.time.Instant.now());
		jdbc.sql("DELETE FROM notification_outbox").update();
		NotificationProperties properties = new NotificationProperties(true, Duration.ofMinutes(1), 200,
				Duration.ofSeconds(60), 10, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofDays(7));
		DispatchLoop loop = new DispatchLoop(
				new NotificationDispatcher(outbox, new PushChannel<>(devices, apns), null, properties, metrics), signal,
				properties);
		loop.start();
		try {
			// Warm-up: the first pushes open the HTTP/2 connection and warm the JIT.
			commitOneByOne(user, 200, Duration.ZERO);
			reportLatency("outbox write to delivered (commit included), 200 commits paced at 20/s",
					commitOneByOne(user, 200, Duration.ofMillis(50)));
			reportLatency("outbox write to delivered (commit included), 500 commits back to back",
					commitOneByOne(user, 500, Duration.ZERO));
		}
		finally {
			loop.stop();
		}
	}

	private void reportLatency(String label, List<Long> latencies) {
		BenchmarkSupport.report(
				BenchmarkSupport.summary(label, latencies, Duration.ofNanos(1)).replaceFirst(" in 0 ms = [^;]*;", ";"));
	}

	@Autowired
	DispatchSignal signal;

	/**
	 * Commits {@code count} notifications one per transaction and returns their
	 * commit-to-delivered times.
	 */
	private List<Long> commitOneByOne(UUID user, int count, Duration pause) {
		jdbc.sql("DELETE FROM notification_outbox").update();
		for (int i = 0; i < count; i++) {
			enqueue(List.of(new Notification(NotificationKind.REPLIED, user, UUID.randomUUID(), "awaiting_replies",
					"Someone accepted")));
			java.util.concurrent.locks.LockSupport.parkNanos(pause.toNanos());
		}
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofMinutes(2))
			.until(() -> jdbc.sql("SELECT count(*) FROM notification_outbox WHERE status = 'delivered'")
				.query(Long.class)
				.single() == count);
		return jdbc.sql("SELECT (extract(epoch FROM delivered_at - created_at) * 1e9)::bigint FROM notification_outbox")
			.query(Long.class)
			.list();
	}

	private void run(String label, List<UUID> users, int rows, int dispatchers, NotificationProperties properties)
			throws Exception {
		jdbc.sql("DELETE FROM notification_outbox").update();
		List<Notification> notifications = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			notifications.add(new Notification(NotificationKind.REPLIED, users.get(i % users.size()), UUID.randomUUID(),
					"awaiting_replies", "Someone accepted"));
		}
		for (int from = 0; from < rows; from += 1000) {
			enqueue(notifications.subList(from, Math.min(rows, from + 1000)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(dispatchers);
		long start = System.nanoTime();
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int d = 0; d < dispatchers; d++) {
				NotificationDispatcher dispatcher = new NotificationDispatcher(outbox,
						new PushChannel<>(devices, apns), null, properties, metrics);
				runs.add(pool.submit(() -> {
					while (dispatcher.dispatchOnce() > 0) {
						// keep going until nothing is due
					}
				}));
			}
			for (Future<?> run : runs) {
				run.get(10, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		List<Long> latencies = jdbc.sql("""
				SELECT (extract(epoch FROM delivered_at - created_at) * 1e9)::bigint FROM notification_outbox
				 WHERE status = 'delivered'
				""").query(Long.class).list();
		if (latencies.size() != rows) {
			throw new IllegalStateException(label + ": delivered " + latencies.size() + " of " + rows);
		}
		BenchmarkSupport.report(BenchmarkSupport
			.summary(label + " (whole backlog enqueued first; latency = enqueue to delivered)", latencies, elapsed));
	}

}
