package com.amiqo.kairos.api.ratelimit;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Request rate limits, enforced per instance (each Cloud Run instance keeps its own
 * buckets).
 *
 * @param perUserPerMinute requests one user may make per minute
 * ({@code RATE_LIMIT_PER_USER_PER_MINUTE})
 * @param globalPerSecond requests the instance accepts per second from everyone together
 * ({@code RATE_LIMIT_GLOBAL_PER_SECOND})
 * @param invitesPerUserPerMinute invite-link previews and joins one user may make per
 * minute, on top of the per-user limit ({@code RATE_LIMIT_INVITES_PER_USER_PER_MINUTE})
 * @param calendarFeedPerMinute reads of one calendar feed URL per minute
 * ({@code RATE_LIMIT_CALENDAR_FEED_PER_MINUTE})
 */
@Validated
@ConfigurationProperties("kairos.rate-limit")
public record RateLimitProperties(@Positive long perUserPerMinute, @Positive long globalPerSecond,
		@Positive long invitesPerUserPerMinute, @Positive long calendarFeedPerMinute) {
}
