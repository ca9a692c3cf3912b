package com.amiqo.kairos.api;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Request rate limits, enforced per instance (each Cloud Run instance keeps its own buckets).
 *
 * @param perUserPerMinute requests one user may make per minute ({@code RATE_LIMIT_PER_USER_PER_MINUTE})
 * @param globalPerSecond  requests the instance accepts per second from everyone together
 *                         ({@code RATE_LIMIT_GLOBAL_PER_SECOND})
 */
@Validated
@ConfigurationProperties("kairos.rate-limit")
public record RateLimitProperties(@Positive long perUserPerMinute, @Positive long globalPerSecond) {
}
