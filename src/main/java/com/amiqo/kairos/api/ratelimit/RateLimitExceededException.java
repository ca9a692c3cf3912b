package com.amiqo.kairos.api.ratelimit;

import java.util.Map;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;

/**
 * 429 with the wait in {@code details.retry_after_seconds}; the writer mirrors it into
 * {@code Retry-After}.
 */
public class RateLimitExceededException extends ApiException {

	public static final String RETRY_AFTER_DETAIL = "retry_after_seconds";

	public RateLimitExceededException(long retryAfterSeconds, String scope) {
		super(ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests; retry after " + retryAfterSeconds + " s",
				Map.of(RETRY_AFTER_DETAIL, retryAfterSeconds, "scope", scope));
	}

}
