package com.amiqo.kairos.notification;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once delivery when dispatchers die, and exactly-once in practice when they do
 * not: dispatchers here are separate instances over the same database, as on separate
 * servers.
 */
class DispatcherCrashSafetyTest extends DeliveryTest {

	@Autowired
	NotificationProperties properties;

	@Autowired
	NotificationMetrics metrics;

	@Autowired
	DataSource dataSource;

	/** Counts pushes per outbox row, as a phone would see them. */
	static final class RecordingSender implements PushSender<Device> {

		final Map<Long, AtomicInteger> sends = new ConcurrentHashMap<>();

		@Override
		public CompletableFuture<PushResult> send(Push push, Device device) {
			sends.computeIfAbsent(push.outboxId(), id -> new AtomicInteger()).incrementAndGet();
			return CompletableFuture.completedFuture(PushResult.delivered());
		}

	}

	@Test
	void dispatchWhenAnotherDispatcherDiedAfterClaimingDeliversEveryRowOnceItsLeaseRunsOut() {
		List<UUID> users = usersWithDevices(5);
		enqueue(notifications(users, 60));
		// A dispatcher claims everything, then dies before it sends or records anything.
		assertThat(outbox.claim(1000, Duration.ofMillis(800))).hasSize(60);
		RecordingSender survivorPushes = new RecordingSender();
		NotificationDispatcher survivor = dispatcher(survivorPushes);

		assertThat(survivor.dispatchOnce()).isZero();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			survivor.dispatchOnce();
			return pending() == 0;
		});

		assertThat(survivorPushes.sends.keySet()).containsExactlyInAnyOrderElementsOf(rowIds());
		assertThat(survivorPushes.sends.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
		assertThat(jdbc.sql("SELECT DISTINCT attempts FROM notification_outbox").query(Integer.class).list())
			.containsExactly(2);
	}

	@Test
	void dispatchWhenAnotherDispatcherHoldsRowsInAnOpenTransactionSkipsThemUntilItsConnectionDies() throws Exception {
		List<UUID> users = usersWithDevices(2);
		enqueue(notifications(users, 20));
		RecordingSender pushes = new RecordingSender();
		NotificationDispatcher survivor = dispatcher(pushes);
		try (Connection crashing = dataSource.getConnection()) {
			crashing.setAutoCommit(false);
			try (Statement lock = crashing.createStatement()) {
				lock.execute("SELECT id FROM notification_outbox ORDER BY id LIMIT 10 FOR UPDATE");
			}

			survivor.dispatchOnce();
			assertThat(pushes.sends).hasSize(10);

			crashing.rollback();
		}
		survivor.dispatchOnce();

		assertThat(pushes.sends.keySet()).containsExactlyInAnyOrderElementsOf(rowIds());
		assertThat(pending()).isZero();
	}

	@Test
	void twoDispatchersAtOnceDeliverAThousandNotificationsNoneLostNoneTwice() throws Exception {
		List<UUID> users = usersWithDevices(10);
		enqueue(notifications(users, 1000));
		RecordingSender pushes = new RecordingSender();
		List<NotificationDispatcher> dispatchers = List.of(dispatcher(pushes), dispatcher(pushes));
		AtomicInteger[] claimedBy = { new AtomicInteger(), new AtomicInteger() };

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				int which = i;
				runs.add(pool.submit(() -> {
					while (pending() > 0) {
						claimedBy[which].addAndGet(dispatchers.get(which).dispatchOnce());
					}
				}));
			}
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		List<Long> ids = rowIds();
		assertThat(ids).hasSize(1000);
		assertThat(pushes.sends.keySet()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(pushes.sends.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
		assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE status = 'delivered' AND attempts = 1")
			.query(Long.class)
			.single()).isEqualTo(1000);
		assertThat(claimedBy[0].get() + claimedBy[1].get()).isEqualTo(1000);
	}

	@Test
	void pruneDeletesDeliveredRowsPastTheRetentionOnly() {
		List<UUID> users = usersWithDevices(1);
		enqueue(notifications(users, 3));
		NotificationDispatcher dispatcher = dispatcher(new RecordingSender());
		dispatcher.dispatchOnce();
		enqueue(notifications(users, 1));
		jdbc.sql("UPDATE notification_outbox SET delivered_at = now() - interval '8 days' WHERE id = :id")
			.param("id", rowIds().get(0))
			.update();

		assertThat(dispatcher.prune()).isEqualTo(1);

		assertThat(jdbc.sql("SELECT status FROM notification_outbox ORDER BY id").query(String.class).list())
			.containsExactly("delivered", "delivered", "pending");
	}

	@Test
	void backoffGrowsExponentiallyWithJitterUpToTheCap() {
		NotificationProperties slow = new NotificationProperties(false, Duration.ofSeconds(5), 10,
				Duration.ofSeconds(60), 10, Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofDays(7));
		NotificationDispatcher dispatcher = new NotificationDispatcher(outbox,
				new PushChannel<>(devices, new RecordingSender()), null, slow, metrics);

		for (int i = 0; i < 50; i++) {
			assertThat(dispatcher.backoff(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
			assertThat(dispatcher.backoff(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
			assertThat(dispatcher.backoff(40)).isBetween(Duration.ofMinutes(7).plusSeconds(30), Duration.ofMinutes(15));
		}
		assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> dispatcher.backoff(3)).distinct().count())
			.as("jitter spreads retries")
			.isGreaterThan(1);
	}

	private NotificationDispatcher dispatcher(PushSender<Device> sender) {
		return new NotificationDispatcher(outbox, new PushChannel<>(devices, sender), null, properties, metrics);
	}

	private List<UUID> usersWithDevices(int count) {
		List<UUID> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			TestUser user = signIn("User" + i);
			UUID id = userId(user);
			devices.register(id, deviceToken(), "ios", "production", java.time.Instant.now());
			users.add(id);
		}
		return users;
	}

	private static List<Notification> notifications(List<UUID> users, int count) {
		List<Notification> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new Notification(NotificationKind.REPLIED, users.get(i % users.size()), UUID.randomUUID(),
					"awaiting_replies", "Someone accepted"));
		}
		return rows;
	}

	private long pending() {
		return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE status = 'pending'").query(Long.class).single();
	}

}
