package com.amiqo.kairos.notification;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the dispatcher on its own thread for as long as the application runs: a round
 * right after every commit that wrote notifications (see {@link DispatchSignal}),
 * back-to-back rounds while rows keep coming, and a round every poll interval anyway as
 * the safety net (rows written by another instance, retries coming due). Stops claiming
 * as soon as the context starts closing; rows it had claimed are finished, or left to
 * their lease.
 */
class DispatchLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

	private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofSeconds(30);

	private final NotificationDispatcher dispatcher;

	private final DispatchSignal signal;

	private final NotificationProperties properties;

	private volatile boolean running;

	private @Nullable Thread thread;

	DispatchLoop(NotificationDispatcher dispatcher, DispatchSignal signal, NotificationProperties properties) {
		this.dispatcher = dispatcher;
		this.signal = signal;
		this.properties = properties;
	}

	/** Only an instance with the dispatcher on delivers the outbox. */
	@Override
	public boolean isAutoStartup() {
		return properties.dispatcherEnabled();
	}

	@Override
	public synchronized void start() {
		running = true;
		thread = new Thread(this::run, "notification-dispatcher");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void stop() {
		running = false;
		signal.wake();
		if (thread == null) {
			return;
		}
		try {
			thread.join(properties.lease().toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		Instant nextHousekeeping = Instant.now();
		while (running) {
			try {
				int claimed = dispatcher.dispatchOnce();
				if (!Instant.now().isBefore(nextHousekeeping)) {
					dispatcher.housekeep();
					nextHousekeeping = Instant.now().plus(HOUSEKEEPING_INTERVAL);
				}
				if (claimed < properties.batchSize() && running) {
					signal.await(properties.pollInterval());
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				// Database away, most likely: the rows stay in the outbox; try again
				// after a pause.
				log.warn("Notification dispatch round failed: {}", e.getClass().getSimpleName());
				pause();
			}
		}
	}

	private void pause() {
		try {
			signal.await(properties.pollInterval());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

}
