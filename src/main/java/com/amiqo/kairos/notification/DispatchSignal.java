package com.amiqo.kairos.notification;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Wakes the dispatcher when a transaction that wrote notifications commits, so delivery
 * does not wait for the next poll. Wake-ups coalesce: many commits while the dispatcher
 * is busy make one extra round, not one per commit.
 */
@Component
class DispatchSignal {

	private final Semaphore permits = new Semaphore(0);

	void wake() {
		if (permits.availablePermits() == 0) {
			permits.release();
		}
	}

	/** Waits for a wake-up or the timeout (the poll safety net); true when woken. */
	boolean await(Duration timeout) throws InterruptedException {
		boolean woken = permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
		permits.drainPermits();
		return woken;
	}

}
