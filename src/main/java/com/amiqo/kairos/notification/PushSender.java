package com.amiqo.kairos.notification;

import java.util.concurrent.CompletableFuture;

/**
 * Delivers one push to one device. Asynchronous, so the dispatcher can keep many pushes
 * in flight over one HTTP/2 connection. The future completes normally with the outcome;
 * transport failures are a {@link PushResult#retry} outcome, never an exceptional
 * completion.
 */
interface PushSender {

	CompletableFuture<PushResult> send(Push push, Device device);

	/**
	 * The outcome of one push; {@code reason} is APNs' reason text or a short local one,
	 * for metrics and logs.
	 */
	record PushResult(Outcome outcome, String reason) {

		enum Outcome {

			DELIVERED,
			/**
			 * The token is no longer valid: drop the device, the notification itself is
			 * done.
			 */
			UNREGISTERED,
			/** Worth trying again later (throttled, server error, connection trouble). */
			RETRY,
			/** Refused for good (e.g. payload or topic wrong): retrying cannot help. */
			REJECTED

		}

		static PushResult delivered() {
			return new PushResult(Outcome.DELIVERED, "success");
		}

		static PushResult retry(String reason) {
			return new PushResult(Outcome.RETRY, reason);
		}
	}

}
