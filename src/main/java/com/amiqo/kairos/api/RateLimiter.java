package com.amiqo.kairos.api;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j): one global bucket per instance and one per user. User buckets live in
 * a bounded cache so that a flood of distinct users cannot grow memory without limit; a bucket
 * evicted after ten idle minutes would have refilled anyway.
 */
@Component
class RateLimiter {

    private final Bucket global;
    private final Cache<String, Bucket> perUser;
    private final RateLimitProperties properties;

    RateLimiter(RateLimitProperties properties) {
        this.properties = properties;
        this.global = bucket(properties.globalPerSecond(), Duration.ofSeconds(1));
        this.perUser = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10))
                .maximumSize(200_000)
                .build();
    }

    /** Takes one token from the global bucket, or throws with the time until one is free. */
    void acquireGlobal() {
        acquire(global, "global");
    }

    /** Takes one token from the user's bucket, or throws with the time until one is free. */
    void acquireForUser(String userId) {
        Bucket bucket = perUser.get(userId, id -> bucket(properties.perUserPerMinute(), Duration.ofMinutes(1)));
        acquire(bucket, "user");
    }

    private static void acquire(Bucket bucket, String scope) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new RateLimitExceededException(seconds, scope);
        }
    }

    private static Bucket bucket(long capacity, Duration period) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }
}
