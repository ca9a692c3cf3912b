package com.amiqo.kairos.api.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j): one global bucket per instance and one per user, plus the
 * tighter per-user limit of invite previews and joins and the per-feed limit of calendar
 * feeds.
 */
@Component
public class RateLimiter {

	private final Bucket global;

	private final KeyedRateLimiter perUser;

	private final KeyedRateLimiter invitesPerUser;

	private final KeyedRateLimiter perCalendarFeed;

	RateLimiter(RateLimitProperties properties) {
		this.global = KeyedRateLimiter.bucket(properties.globalPerSecond(), Duration.ofSeconds(1));
		this.perUser = new KeyedRateLimiter(properties.perUserPerMinute(), Duration.ofMinutes(1), "user");
		this.invitesPerUser = new KeyedRateLimiter(properties.invitesPerUserPerMinute(), Duration.ofMinutes(1),
				"invite");
		this.perCalendarFeed = new KeyedRateLimiter(properties.calendarFeedPerMinute(), Duration.ofMinutes(1),
				"calendar_feed");
	}

	/**
	 * Takes one token from the global bucket, or throws with the time until one is free.
	 */
	void acquireGlobal() {
		KeyedRateLimiter.acquire(global, "global");
	}

	/**
	 * Takes one token from the user's bucket, or throws with the time until one is free.
	 */
	void acquireForUser(String userId) {
		perUser.acquire(userId);
	}

	/** Invite previews and joins: tighter, because each one is a guess at a token. */
	public void acquireInviteLookup(String userId) {
		invitesPerUser.acquire(userId);
	}

	/** Reads of one calendar feed (keyed by the hash of its secret, never the secret). */
	public void acquireCalendarFeed(String feedKey) {
		perCalendarFeed.acquire(feedKey);
	}

}
