package com.amiqo.kairos.notification;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@code max} asynchronous operations in flight; the others wait in arrival order
 * and start as earlier ones finish. Nobody blocks: the dispatcher hands over a whole
 * batch at once and awaits the results.
 */
final class InFlightLimit {

	private final Semaphore permits;

	private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

	InFlightLimit(int max) {
		this.permits = new Semaphore(max);
	}

	<T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> operation) {
		CompletableFuture<T> result = new CompletableFuture<>();
		waiting.add(() -> {
			CompletableFuture<T> started;
			try {
				started = operation.get();
			}
			catch (RuntimeException e) {
				started = CompletableFuture.failedFuture(e);
			}
			started.whenComplete((value, failure) -> {
				permits.release();
				drain();
				if (failure != null) {
					result.completeExceptionally(failure);
				}
				else {
					result.complete(value);
				}
			});
		});
		drain();
		return result;
	}

	private void drain() {
		while (!waiting.isEmpty() && permits.tryAcquire()) {
			Runnable next = waiting.poll();
			if (next == null) {
				permits.release();
				continue;
			}
			next.run();
		}
	}

}
