package com.amiqo.kairos.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.ops.PublicUrlProperties;
import com.amiqo.kairos.secret.SecretTokens;
import com.amiqo.kairos.secret.Sha256;
import com.amiqo.kairos.user.AppUser;

/**
 * The secret calendar subscription feed (docs/reference.md#calendar-feed): the owner's
 * events that end from 90 days ago on, confirmed or cancelled (a cancelled one stays so
 * calendar apps remove it). The URL's secret is the only credential, since calendar apps
 * cannot send bearer tokens.
 */
@Service
class CalendarFeedService {

	/** 256 random bits: 43 base64url characters. */
	static final SecretTokens SECRETS = new SecretTokens(32);
	static final Duration HISTORY = Duration.ofDays(90);
	static final String CALENDAR_NAME = "Kairos";

	private final CalendarFeedRepository feeds;

	private final PublicUrlProperties publicUrl;

	private final Clock clock;

	private final Cache<String, String> rendered = Caffeine.newBuilder()
		.maximumWeight(32L * 1024 * 1024)
		.<String, String>weigher((key, body) -> 2 * (key.length() + body.length()))
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	CalendarFeedService(CalendarFeedRepository feeds, PublicUrlProperties publicUrl, Clock clock) {
		this.feeds = feeds;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	record FeedUrl(String url) {
	}

	/**
	 * What a feed request answers: an entity tag and date to compare, and the body made
	 * only when needed.
	 */
	record Feed(String etag, Instant lastModified, CalendarFeedRepository.Snapshot snapshot) {
	}

	/**
	 * The body of a feed version. The ETag is a digest of everything the body is made of,
	 * so a body rendered for one (feed, ETag) pair stays right for it; calendar apps that
	 * re-download without {@code If-None-Match} then cost a query but no rendering.
	 * Bounded by size, not count.
	 */
	String body(Feed feed) {
		String key = HexFormat.of().formatHex(feed.snapshot().secretHash()) + "/" + feed.etag();
		return rendered.get(key,
				ignored -> IcsCalendar.render(
						feed.snapshot().events().stream().map(CalendarFeedRepository.FeedEvent::entry).toList(),
						CALENDAR_NAME));
	}

	/**
	 * A new secret URL; any earlier one of this user stops working in the same statement.
	 */
	FeedUrl rotate(AppUser user) {
		String secret = SECRETS.next();
		feeds.upsert(user.id(), SecretTokens.hash(secret), now());
		return new FeedUrl(publicUrl.link("/calendar/" + secret + ".ics"));
	}

	void revoke(AppUser user) {
		feeds.delete(user.id());
	}

	/** Unknown (or revoked, or rotated away) secrets are a plain 404. */
	Feed read(byte[] secretHash) {
		Optional<CalendarFeedRepository.Snapshot> loaded = feeds.load(secretHash, now().minus(HISTORY));
		CalendarFeedRepository.Snapshot snapshot = loaded
			.filter(found -> SecretTokens.matches(found.secretHash(), secretHash))
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such calendar feed"));
		return new Feed(etag(snapshot), lastModified(snapshot), snapshot);
	}

	/**
	 * A digest of what the feed shows: each event's id and last change, in order. An
	 * event that changes, appears or leaves the 90-day window changes it; nothing else
	 * can change the body.
	 */
	private static String etag(CalendarFeedRepository.Snapshot snapshot) {
		MessageDigest digest = Sha256.newDigest();
		digest.update(snapshot.feedCreatedAt().toString().getBytes(StandardCharsets.UTF_8));
		for (CalendarFeedRepository.FeedEvent event : snapshot.events()) {
			digest.update((event.id() + "@" + event.entry().changedAt()).getBytes(StandardCharsets.UTF_8));
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 27);
	}

	private static Instant lastModified(CalendarFeedRepository.Snapshot snapshot) {
		return snapshot.events()
			.stream()
			.map(event -> event.entry().changedAt())
			.reduce(snapshot.feedCreatedAt(), (a, b) -> a.isAfter(b) ? a : b);
	}

	private Instant now() {
		return clock.instant();
	}

}
