package com.amiqo.kairos.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The background loop delivers after each commit and stops claiming once it is stopped
 * (context closing).
 */
class DispatchLoopTest extends DeliveryTest {

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	DispatchSignal signal;

	@Autowired
	NotificationMetrics metrics;

	@Autowired
	NotificationProperties properties;

	@Test
	void stopWhenContextClosesLeavesLaterRowsForOtherInstances() throws Exception {
		TestUser ann = signIn("Ann");
		UUID annId = userId(ann);
		devices.register(annId, deviceToken(), "ios", "sandbox", java.time.Instant.now());
		DispatchLoop loop = new DispatchLoop(dispatcher, signal, properties);
		loop.start();
		try {
			enqueue(List.of(new Notification(NotificationKind.JOINED, annId, UUID.randomUUID(), "awaiting_replies",
					"Ben joined")));
			await().atMost(Duration.ofSeconds(15)).until(() -> status(rowIds().get(0)).equals("delivered"));
		}
		finally {
			loop.stop();
		}
		assertThat(loop.isRunning()).isFalse();

		enqueue(List
			.of(new Notification(NotificationKind.JOINED, annId, UUID.randomUUID(), "awaiting_replies", "Cat joined")));
		signal.wake();

		// Nothing claims it any more: still pending, never attempted.
		assertThat(jdbc.sql("SELECT attempts FROM notification_outbox WHERE preview = 'Cat joined'")
			.query(Integer.class)
			.single()).isZero();
	}

}
