package com.amiqo.kairos.api.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One Bucket4j token bucket per key (a user, a feed), in a bounded cache so a flood of
 * distinct keys cannot grow memory without limit; a bucket evicted after ten idle minutes
 * would have refilled anyway. Over the limit: {@code 429} naming {@code scope}.
 */
final class KeyedRateLimiter {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(200_000)
		.build();

	private final long capacity;

	private final Duration period;

	private final String scope;

	public KeyedRateLimiter(long capacity, Duration period, String scope) {
		this.capacity = capacity;
		this.period = period;
		this.scope = scope;
	}

	/**
	 * Takes one token from the key's bucket, or throws with the time until one is free.
	 */
	public void acquire(String key) {
		acquire(buckets.get(key, ignored -> bucket(capacity, period)), scope);
	}

	static void acquire(Bucket bucket, String scope) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
			throw new RateLimitExceededException(seconds, scope);
		}
	}

	static Bucket bucket(long capacity, Duration period) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build();
	}

}
