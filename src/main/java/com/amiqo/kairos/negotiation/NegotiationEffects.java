package com.amiqo.kairos.negotiation;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.amiqo.kairos.event.EventService;
import com.amiqo.kairos.notification.Notification;
import com.amiqo.kairos.notification.NotificationOutbox;

/**
 * What a negotiation write causes beyond its own rows, all inside the write's
 * transaction: calendar events made or cancelled ({@code events}), notifications written
 * to the outbox, and domain events, which listeners receive after commit.
 */
@Component
record NegotiationEffects(EventService events, NotificationOutbox outbox, ApplicationEventPublisher domainEvents) {

	/** Writes the notifications; they are delivered once the transaction commits. */
	void enqueue(List<Notification> notifications) {
		outbox.enqueue(notifications);
	}

	/** Publishes a domain event from {@link NegotiationEvents}. */
	void publish(Object event) {
		domainEvents.publishEvent(event);
	}

}
