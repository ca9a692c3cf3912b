package com.amiqo.kairos.calendar;

import java.util.HexFormat;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.ETagged;
import com.amiqo.kairos.api.Envelope;
import com.amiqo.kairos.api.error.ApiErrors;
import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.ratelimit.RateLimiter;
import com.amiqo.kairos.secret.SecretTokens;
import com.amiqo.kairos.user.AppUser;

/**
 * The calendar subscription feed (docs/reference.md#calendar-feed): the owner manages its
 * URL; calendar apps read it.
 */
@Tag(name = "calendar")
@RestController
class CalendarFeedController {

	/**
	 * Calendar apps revalidate with the ETag each time; shared caches must never keep
	 * someone's calendar.
	 */
	private static final CacheControl CACHE = CacheControl.noCache().cachePrivate();

	private final CalendarFeedService feeds;

	private final RateLimiter rateLimiter;

	CalendarFeedController(CalendarFeedService feeds, RateLimiter rateLimiter) {
		this.feeds = feeds;
		this.rateLimiter = rateLimiter;
	}

	/** Creates the caller's secret feed URL or rotates it. */
	@Operation(operationId = "rotateCalendarFeed", summary = "Create or rotate the caller's secret feed URL")
	@PutMapping("/me/calendar-feed")
	Envelope<CalendarFeedService.FeedUrl> rotate(AppUser user) {
		return Envelope.of(feeds.rotate(user));
	}

	@Operation(operationId = "revokeCalendarFeed", summary = "Revoke the caller's feed URL",
			responses = @ApiResponse(responseCode = "204", description = "Revoked"))
	@DeleteMapping("/me/calendar-feed")
	ResponseEntity<Void> revoke(AppUser user) {
		feeds.revoke(user);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Public: the secret in the path is the credential. Rate limited per feed (keyed by
	 * the secret's hash) before the database is asked; {@code If-None-Match} is answered
	 * without rendering.
	 */
	@Operation(operationId = "readCalendarFeed",
			summary = "The feed as an iCalendar file (public: the secret is the credential)",
			responses = @ApiResponse(responseCode = "200", description = "The calendar",
					content = @Content(mediaType = IcsCalendar.MEDIA_TYPE, schema = @Schema(type = "string"))))
	@SecurityRequirements
	@ETagged
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.RATE_LIMIT_EXCEEDED, ErrorCode.SERVICE_UNAVAILABLE })
	@GetMapping("/calendar/{secret}.ics")
	ResponseEntity<String> read(@PathVariable String secret,
			// documented by @ETagged
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_NONE_MATCH,
					required = false) @Nullable String ifNoneMatch) {
		if (!CalendarFeedService.SECRETS.isWellFormed(secret)) {
			throw ApiException.invalidField("secret", "is not a calendar feed secret");
		}
		byte[] hash = SecretTokens.hash(secret);
		rateLimiter.acquireCalendarFeed(HexFormat.of().formatHex(hash));
		CalendarFeedService.Feed feed = feeds.read(hash);
		ETag current = ETag.create(feed.etag());
		if (ifNoneMatch != null && matches(ifNoneMatch, current)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.eTag(current.formattedTag())
				.lastModified(feed.lastModified())
				.cacheControl(CACHE)
				.build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(IcsCalendar.MEDIA_TYPE))
			.eTag(current.formattedTag())
			.lastModified(feed.lastModified())
			.cacheControl(CACHE)
			.body(feeds.body(feed));
	}

	private static boolean matches(String ifNoneMatch, ETag current) {
		List<ETag> requested = ETag.parse(ifNoneMatch);
		return requested.stream().anyMatch(tag -> tag.isWildcard() || tag.compare(current, false));
	}

}
