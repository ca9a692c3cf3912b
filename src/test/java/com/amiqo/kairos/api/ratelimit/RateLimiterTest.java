package com.amiqo.kairos.api.ratelimit;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.api.error.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

	@Test
	void acquireForUserWhenBucketEmptyThrowsWithRetryAfterWithinTheWindow() {
		RateLimiter limiter = new RateLimiter(new RateLimitProperties(3, 1000, 20, 30));
		for (int i = 0; i < 3; i++) {
			limiter.acquireForUser("alice");
		}

		assertThatThrownBy(() -> limiter.acquireForUser("alice"))
			.isInstanceOfSatisfying(RateLimitExceededException.class, e -> {
				assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
				assertThat((Long) e.details().get("retry_after_seconds")).isBetween(1L, 60L);
				assertThat(e.details()).containsEntry("scope", "user");
			});
	}

	@Test
	void acquireForUserKeepsSeparateBucketsPerUser() {
		RateLimiter limiter = new RateLimiter(new RateLimitProperties(1, 1000, 20, 30));
		limiter.acquireForUser("alice");

		limiter.acquireForUser("bob");

		assertThatThrownBy(() -> limiter.acquireForUser("alice")).isInstanceOf(RateLimitExceededException.class);
	}

	@Test
	void acquireGlobalWhenBucketEmptyThrowsWithGlobalScope() {
		RateLimiter limiter = new RateLimiter(new RateLimitProperties(1000, 2, 20, 30));
		limiter.acquireGlobal();
		limiter.acquireGlobal();

		assertThatThrownBy(limiter::acquireGlobal).isInstanceOfSatisfying(RateLimitExceededException.class,
				e -> assertThat(e.details()).containsEntry("scope", "global").containsEntry("retry_after_seconds", 1L));
	}

}
