package com.amiqo.kairos.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox at least once (docs/reference.md#notifications). Each round claims
 * due rows (see {@link OutboxRepository#claim}), pushes them to every target of their
 * recipient concurrently (phones through the APNs or logging sender, browsers through Web
 * Push; silent kinds go to phones only), then records the outcome: delivered, retried
 * later with exponential backoff and jitter (longer when a service asked for it with
 * {@code Retry-After}), or failed after the last attempt. Nothing is held open while
 * pushing, so a dispatcher that dies mid-round only delays its rows until their lease
 * runs out; any instance then delivers them. A row with several targets is retried whole
 * when one target needs it, so a phone or browser can get a notification twice; never
 * none.
 */
class NotificationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	private final OutboxRepository outbox;

	private final PushChannel<Device> phones;

	private final @Nullable PushChannel<WebPushSubscription> browsers;

	private final NotificationProperties properties;

	private final NotificationMetrics metrics;

	/**
	 * @param browsers the Web Push channel, or null when Web Push is off (subscriptions
	 * are then not pushed to)
	 */
	NotificationDispatcher(OutboxRepository outbox, PushChannel<Device> phones,
			@Nullable PushChannel<WebPushSubscription> browsers, NotificationProperties properties,
			NotificationMetrics metrics) {
		this.outbox = outbox;
		this.phones = phones;
		this.browsers = browsers;
		this.properties = properties;
		this.metrics = metrics;
	}

	/** One round: claim, push, record. Returns how many rows it claimed. */
	int dispatchOnce() {
		List<OutboxRepository.Claimed> claimed = outbox.claim(properties.batchSize(), properties.lease());
		if (claimed.isEmpty()) {
			return 0;
		}
		Set<UUID> recipients = claimed.stream().map(row -> row.push().recipientId()).collect(Collectors.toSet());
		Map<UUID, List<PushTarget>> targetsByUser = targetsOf(claimed, recipients);

		Map<OutboxRepository.Claimed, List<Sent>> inFlight = new LinkedHashMap<>();
		for (OutboxRepository.Claimed row : claimed) {
			List<Sent> pushes = new ArrayList<>();
			for (PushTarget target : targetsByUser.getOrDefault(row.push().recipientId(), List.of())) {
				if (target instanceof Device || !row.push().kind().isSilent()) {
					pushes.add(new Sent(target, sendSafely(row.push(), target)));
				}
			}
			inFlight.put(row, pushes);
		}

		List<Long> delivered = new ArrayList<>();
		Map<Long, OutboxRepository.Retry> retries = new HashMap<>();
		Map<Long, String> failed = new HashMap<>();
		Set<String> deadTokens = new HashSet<>();
		Set<String> deadEndpoints = new HashSet<>();
		// Bounded by the lease: past it another dispatcher may take the rows anyway.
		long deadline = System.nanoTime() + properties.lease().toNanos() / 2;
		inFlight.forEach((row, pushes) -> {
			String retryReason = null;
			String rejectReason = null;
			Duration retryAfter = Duration.ZERO;
			for (Sent push : pushes) {
				PushSender.PushResult result = await(push.result(), deadline);
				metrics.pushed(row.push().kind(), result);
				switch (result.outcome()) {
					case DELIVERED -> {
					}
					case UNREGISTERED -> {
						if (push.target() instanceof Device device) {
							deadTokens.add(device.token());
						}
						else if (push.target() instanceof WebPushSubscription subscription) {
							deadEndpoints.add(subscription.endpoint());
						}
					}
					case RETRY -> {
						retryReason = result.reason();
						Duration asked = result.retryAfter();
						if (asked != null && asked.compareTo(retryAfter) > 0) {
							retryAfter = asked;
						}
					}
					case REJECTED -> rejectReason = result.reason();
				}
			}
			long id = row.push().outboxId();
			if (retryReason != null && row.attempts() < properties.maxAttempts()) {
				Duration delay = backoff(row.attempts());
				retries.put(id,
						new OutboxRepository.Retry(delay.compareTo(retryAfter) >= 0 ? delay : retryAfter, retryReason));
			}
			else if (retryReason != null || rejectReason != null) {
				failed.put(id, retryReason != null ? "gave up after " + row.attempts() + " attempts: " + retryReason
						: rejectReason);
				metrics.outcome(row.push().kind(), "failed");
			}
			else {
				delivered.add(id);
				// A recipient without a registered phone or browser is done too: there is
				// nowhere to push.
				metrics.outcome(row.push().kind(), pushes.isEmpty() ? "no_device" : "delivered");
				metrics.sentAfter(row.age());
			}
		});
		outbox.markDelivered(delivered);
		outbox.retryLater(retries);
		outbox.markFailed(failed);
		phones.targets().removeAll(deadTokens);
		if (!deadTokens.isEmpty()) {
			log.info("Removed {} device tokens APNs reported as no longer valid", deadTokens.size());
		}
		if (browsers != null && !deadEndpoints.isEmpty()) {
			browsers.targets().removeAll(deadEndpoints);
			log.info("Removed {} Web Push subscriptions their push service reported gone", deadEndpoints.size());
		}
		return claimed.size();
	}

	/**
	 * Every recipient's phones, and their browsers' subscriptions when Web Push is on and
	 * some row is not silent.
	 */
	private Map<UUID, List<PushTarget>> targetsOf(List<OutboxRepository.Claimed> claimed, Set<UUID> recipients) {
		Map<UUID, List<PushTarget>> targets = new HashMap<>();
		for (Device device : phones.targets().ownedBy(recipients)) {
			targets.computeIfAbsent(device.userId(), user -> new ArrayList<>()).add(device);
		}
		if (browsers != null && claimed.stream().anyMatch(row -> !row.push().kind().isSilent())) {
			for (WebPushSubscription subscription : browsers.targets().ownedBy(recipients)) {
				targets.computeIfAbsent(subscription.userId(), user -> new ArrayList<>()).add(subscription);
			}
		}
		return targets;
	}

	/** A push on its way to one target. */
	private record Sent(PushTarget target, CompletableFuture<PushSender.PushResult> result) {
	}

	/**
	 * What the loop does now and then between rounds: deletes delivered rows past the
	 * retention and reports the outbox's depth.
	 */
	void housekeep() {
		prune();
		metrics.depth(outbox.depth());
	}

	/** Deletes delivered rows past the retention. */
	int prune() {
		int total = 0;
		int pruned;
		do {
			pruned = outbox.pruneDelivered(properties.retention(), 1000);
			total += pruned;
		}
		while (pruned == 1000);
		return total;
	}

	/**
	 * Exponential: base × 2^(attempt−1), capped, then "equal jitter" (half fixed, half
	 * random) to spread retries.
	 */
	Duration backoff(int attempt) {
		long base = properties.retryBase().toMillis();
		long capped = Math.min(properties.retryMax().toMillis(), base << Math.min(attempt - 1, 30));
		long half = Math.max(1, capped / 2);
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

	private CompletableFuture<PushSender.PushResult> sendSafely(Push push, PushTarget target) {
		try {
			if (target instanceof WebPushSubscription subscription && browsers != null) {
				return browsers.sender().send(push, subscription);
			}
			return phones.sender().send(push, (Device) target);
		}
		catch (RuntimeException e) {
			return CompletableFuture.completedFuture(PushSender.PushResult.retry(e.getClass().getSimpleName()));
		}
	}

	private static PushSender.PushResult await(CompletableFuture<PushSender.PushResult> push, long deadline) {
		try {
			return push.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return PushSender.PushResult.retry("interrupted");
		}
		catch (Exception e) {
			return PushSender.PushResult.retry(e.getClass().getSimpleName());
		}
	}

}
