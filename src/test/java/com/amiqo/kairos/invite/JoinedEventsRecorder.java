package com.amiqo.kairos.invite;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.amiqo.kairos.negotiation.NegotiationEvents.ParticipantJoined;

/**
 * A server-side hook as integrations write them: records each {@link ParticipantJoined}
 * and whether it arrived inside the joining transaction. Picked up by component scanning,
 * so it is part of the shared test context without changing it per class.
 */
@Component
class JoinedEventsRecorder {

	record Seen(ParticipantJoined event, boolean inTransaction) {
	}

	static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

	@EventListener
	void on(ParticipantJoined event) {
		SEEN.add(new Seen(event, TransactionSynchronizationManager.isActualTransactionActive()));
	}

}
