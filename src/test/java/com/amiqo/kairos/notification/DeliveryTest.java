package com.amiqo.kairos.notification;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.amiqo.kairos.support.MockApns;
import com.amiqo.kairos.support.QuietApiTest;
import com.amiqo.kairos.support.TestUser;

/**
 * Base of the delivery tests, on the {@link QuietApiTest} context: the real APNs sender
 * pointed at {@link MockApns}, with the background dispatch loop off so each test drives
 * dispatch rounds itself, deterministically.
 */
abstract class DeliveryTest extends QuietApiTest {

	@Autowired
	NotificationOutbox notifications;

	@Autowired
	OutboxRepository outbox;

	@Autowired
	PushTargets<Device> devices;

	@Autowired
	PushTargets<WebPushSubscription> subscriptions;

	@Autowired
	TransactionTemplate transactions;

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
