package com.amiqo.kairos.api;

import java.util.Map;

/**
 * 429 with the wait in {@code details.retry_after_seconds}; the writer mirrors it into
 * {@code Retry-After}.
 */
class RateLimitExceededException extends ApiException {

	static final String RETRY_AFTER_DETAIL = "retry_after_seconds";

	public RateLimitExceededException(long retryAfterSeconds, String scope) {
		super(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests; retry after " + retryAfterSeconds + " s",
				Map.of(RETRY_AFTER_DETAIL, retryAfterSeconds, "scope", scope));
	}

}
