package com.amiqo.kairos.negotiation.expiry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.amiqo.kairos.negotiation.DeadlineSweeps;

/**
 * Settles overdue negotiations (expired, or confirmed when their deadline picks an
 * option) and sends due reminders on a schedule ({@code KAIROS_EXPIRY_SWEEP_INTERVAL},
 * default 30 s). Every instance runs it; row locks with {@code SKIP LOCKED} keep them
 * from colliding. Reads and writes treat overdue negotiations as expired anyway, so the
 * sweep only makes it durable.
 */
@Component
class ExpirySweep {

	private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

	private final DeadlineSweeps sweeps;

	private final int batchSize;

	ExpirySweep(DeadlineSweeps sweeps, ExpiryProperties properties) {
		this.sweeps = sweeps;
		this.batchSize = properties.batchSize();
	}

	private volatile boolean closing;

	/**
	 * From SIGTERM on, claim nothing new: a batch already running finishes, nothing else
	 * starts.
	 */
	@EventListener(ContextClosedEvent.class)
	void stopClaiming() {
		closing = true;
	}

	@Scheduled(fixedDelayString = "${kairos.expiry.sweep-interval}",
			initialDelayString = "${kairos.expiry.sweep-interval}")
	void sweep() {
		if (closing) {
			return;
		}
		try {
			int expired = sweeps.expireOverdue(batchSize);
			if (expired > 0) {
				log.info("Settled {} overdue negotiations", expired);
			}
			int reminded = sweeps.remindDue(batchSize);
			if (reminded > 0) {
				log.info("Sent the reminders of {} negotiations", reminded);
			}
		}
		catch (RuntimeException e) {
			// A failed sweep (e.g. database away) is retried on the next tick.
			log.warn("Expiry sweep failed: {}", e.getClass().getSimpleName());
		}
	}

}
