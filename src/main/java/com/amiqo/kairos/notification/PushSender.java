package com.amiqo.kairos.notification;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Delivers one push to one target of a kind: a phone's APNs token ({@link Device}) or a
 * browser's Web Push subscription ({@link WebPushSubscription}). Asynchronous, so the
 * dispatcher can keep many pushes in flight. The future completes normally with the
 * outcome; transport failures are a {@link PushResult#retry} outcome, never an
 * exceptional completion.
 */
interface PushSender<T extends PushTarget> {

	CompletableFuture<PushResult> send(Push push, T target);

	/**
	 * The outcome of one push; {@code reason} is the service's reason text or a short
	 * local one, for metrics and logs; {@code retryAfter} is how long the service asked
	 * to wait before the next attempt, if it said.
	 */
	record PushResult(Outcome outcome, String reason, @Nullable Duration retryAfter) {

		PushResult(Outcome outcome, String reason) {
			this(outcome, reason, null);
		}

		enum Outcome {

			DELIVERED,
			/**
			 * The token or subscription is no longer valid: drop it, the notification
			 * itself is done.
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

		static PushResult retry(String reason, @Nullable Duration retryAfter) {
			return new PushResult(Outcome.RETRY, reason, retryAfter);
		}

		static PushResult rejected(String reason) {
			return new PushResult(Outcome.REJECTED, reason);
		}
	}

}
