package com.amiqo.kairos.notification;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

/**
 * Base of the delivery tests: one shared context whose sender is the real APNs sender
 * pointed at {@link MockApns}, with the background dispatch loop off so each test drives
 * dispatch rounds itself, deterministically. Retries are due after a millisecond or so.
 */
@TestPropertySource(
		properties = { "kairos.notifications.dispatcher-enabled=false", "kairos.notifications.batch-size=50",
				"kairos.notifications.retry-base=1ms", "kairos.notifications.retry-max=4ms",
				"kairos.notifications.max-attempts=3", "kairos.apns.key-id=" + MockApns.KEY_ID,
				"kairos.apns.team-id=" + MockApns.TEAM_ID, "kairos.apns.topic=" + MockApns.TOPIC })
abstract class DeliveryTest extends ApiTest {

	@Autowired
	NotificationOutbox notifications;

	@Autowired
	OutboxRepository outbox;

	@Autowired
	DeviceRepository devices;

	@Autowired
	TransactionTemplate transactions;

	@DynamicPropertySource
	static void mockApns(DynamicPropertyRegistry registry) {
		registry.add("kairos.apns.key-path", () -> MockApns.get().keyPath());
		registry.add("kairos.apns.trusted-certificate", () -> MockApns.get().caPath());
		registry.add("kairos.apns.production-host", () -> "localhost:" + MockApns.get().productionPort());
		registry.add("kairos.apns.sandbox-host", () -> "localhost:" + MockApns.get().sandboxPort());
	}

	@BeforeEach
	void emptyOutbox() {
		jdbc.sql("DELETE FROM notification_outbox").update();
	}

	UUID userId(TestUser user) {
		return jdbc.sql("SELECT id FROM app_users WHERE firebase_uid = :uid")
			.param("uid", user.uid())
			.query(UUID.class)
			.single();
	}

	/**
	 * Enqueues through the public outbox API, inside a transaction like a feature would.
	 */
	void enqueue(List<Notification> rows) {
		transactions.executeWithoutResult(status -> notifications.enqueue(rows));
	}

	String status(long id) {
		return jdbc.sql("SELECT status FROM notification_outbox WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	List<Long> rowIds() {
		return jdbc.sql("SELECT id FROM notification_outbox ORDER BY id").query(Long.class).list();
	}

	static String deviceToken() {
		return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
	}

}
