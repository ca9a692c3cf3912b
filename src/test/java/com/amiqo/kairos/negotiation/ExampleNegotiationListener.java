package com.amiqo.kairos.negotiation;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An example server-side integration: a Spring bean with
 * {@code @TransactionalEventListener} methods, called after the change has committed (the
 * default phase). A plain {@code @Component} in the test sources, so every test context
 * has it; {@link DomainEventsTest} checks what it gets.
 */
@Component
class ExampleNegotiationListener {

	final List<Object> received = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(NegotiationEvents.NegotiationStarted event) {
		received.add(event);
	}

	@TransactionalEventListener
	void on(NegotiationEvents.ReplyRecorded event) {
		received.add(event);
	}

	@TransactionalEventListener
	void on(NegotiationEvents.NegotiationConfirmed event) {
		received.add(event);
	}

	@TransactionalEventListener
	void on(NegotiationEvents.NegotiationCancelled event) {
		received.add(event);
	}

	@TransactionalEventListener
	void on(NegotiationEvents.NegotiationExpired event) {
		received.add(event);
	}

	List<Object> about(UUID negotiationId) {
		return received.stream().filter(event -> event.toString().contains(negotiationId.toString())).toList();
	}

}
