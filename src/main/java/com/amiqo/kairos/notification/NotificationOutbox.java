package com.amiqo.kairos.notification;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way for a feature to send a notification: call {@link #enqueue} inside the
 * transaction of the change that causes it. The rows commit or roll back with the change,
 * and the dispatcher is woken once the transaction has committed
 * (docs/reference.md#notifications).
 */
@Component
public class NotificationOutbox {

	private final JdbcClient jdbc;

	private final DispatchSignal signal;

	NotificationOutbox(JdbcClient jdbc, DispatchSignal signal) {
		this.jdbc = jdbc;
		this.signal = signal;
	}

	public void enqueue(Notification notification) {
		enqueue(List.of(notification));
	}

	/**
	 * Writes every notification with one statement, however many there are; nothing for
	 * an empty list.
	 */
	public void enqueue(Collection<Notification> notifications) {
		if (notifications.isEmpty()) {
			return;
		}
		List<Notification> rows = List.copyOf(notifications);
		jdbc.sql(
				"""
						INSERT INTO notification_outbox (kind, recipient_id, negotiation_id, state, preview, attending, created_at, available_at)
						SELECT kind, recipient, negotiation, state, preview, attending, clock_timestamp(), clock_timestamp()
						  FROM unnest(:kinds, :recipients, :negotiations, :states, :previews, :attending)
						       AS t(kind, recipient, negotiation, state, preview, attending)
						""")
			.param("kinds", rows.stream().map(row -> row.kind().value()).toArray(String[]::new))
			.param("recipients", rows.stream().map(Notification::recipientId).toArray(UUID[]::new))
			.param("negotiations", rows.stream().map(Notification::negotiationId).toArray(UUID[]::new))
			.param("states", rows.stream().map(Notification::state).toArray(String[]::new))
			.param("previews", rows.stream().map(Notification::preview).toArray(String[]::new))
			.param("attending", rows.stream().map(Notification::attending).toArray(Boolean[]::new))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					signal.wake();
				}
			});
		}
		else {
			signal.wake();
		}
	}

}
