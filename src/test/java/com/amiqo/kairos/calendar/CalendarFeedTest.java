package com.amiqo.kairos.calendar;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.calendar.IcsFiles.events;
import static com.amiqo.kairos.calendar.IcsFiles.parseValid;
import static com.amiqo.kairos.calendar.IcsFiles.value;
import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/** The secret calendar subscription feed (docs/reference.md#events). */
class CalendarFeedTest extends CalendarApiTest {

	@Test
	void feedWhenSubscribedShowsExactlyTheOwnersEventsWithCachingHeaders() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String shared = confirmedMeeting(alice, List.of(bob), "Lunch", "Kantine").path("id").asString();
		String own = confirmedMeeting(alice, List.of(carol), "Movie", null).path("id").asString();
		confirmedMeeting(bob, List.of(carol), "Not Alice's", null);
		String url = feedUrl(alice);

		ApiResponse feed = read(url, null);

		assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
		assertThat(feed.header("Content-Type")).startsWith("text/calendar");
		assertThat(feed.header("Cache-Control")).contains("private");
		assertThat(feed.header("ETag")).startsWith("\"");
		assertThat(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(feed.header("Last-Modified"))))
			.isBefore(Instant.now().plusSeconds(1));
		List<VEvent> events = events(parseValid(feed.raw()));
		assertThat(events.stream().map(event -> value(event, "UID")).collect(Collectors.toSet()))
			.isEqualTo(Set.of(shared + "@kairos.amiqo", own + "@kairos.amiqo"));
		assertThat(feed.raw()).doesNotContain("Not Alice's");
	}

	@Test
	void feedWhenUnchangedAnswers304AndACancellationShowsUpOnTheNextFetch() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = confirmedMeeting(alice, List.of(bob), "Drinks", null).path("id").asString();
		String url = feedUrl(bob);
		ApiResponse first = read(url, null);

		ApiResponse unchanged = read(url, first.header("ETag"));
		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.raw()).isEmpty();
		assertThat(unchanged.header("ETag")).isEqualTo(first.header("ETag"));
		assertThat(unchanged.header("Cache-Control")).contains("private");

		cancel(alice, id);
		ApiResponse changed = read(url, first.header("ETag"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(first.header("ETag"));
		VEvent event = events(parseValid(changed.raw())).get(0);
		assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
		assertThat(value(event, "SEQUENCE")).isEqualTo("1");
	}

	@Test
	void feedWhenNoEventsIsAValidEmptyCalendar() {
		ApiResponse feed = read(feedUrl(signIn("Loner")), null);

		assertThat(feed.status()).isEqualTo(200);
		assertThat(events(parseValid(feed.raw()))).isEmpty();
	}

	@Test
	void feedWhenRotatedOrRevokedKillsTheOldUrlAtOnce() {
		TestUser alice = signIn("Alice");
		String first = feedUrl(alice);
		String second = feedUrl(alice);

		assertThat(second).isNotEqualTo(first);
		assertErrorEnvelope(read(first, null), 404, "NOT_FOUND");
		assertThat(read(second, null).status()).isEqualTo(200);

		assertThat(api.delete("/me/calendar-feed").token(alice.token()).send().status()).isEqualTo(204);
		assertErrorEnvelope(read(second, null), 404, "NOT_FOUND");
		assertThat(api.delete("/me/calendar-feed").token(alice.token()).send().status()).isEqualTo(204);
	}

	@Test
	void feedUrlWhenCreatedCarriesA256BitSecretStoredOnlyAsItsHash() {
		TestUser alice = signIn("Alice");

		String url = feedUrl(alice);

		String secret = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
		assertThat(url).isEqualTo("http://localhost:8080/calendar/" + secret + ".ics");
		assertThat(java.util.Base64.getUrlDecoder().decode(secret)).hasSize(32);
		String stored = jdbc.sql("SELECT string_agg(t::text, '|') FROM calendar_feeds t").query(String.class).single();
		assertThat(stored).doesNotContain(secret);
	}

	@Test
	void feedWhenSecretIsUnknownOrMalformedIsRefused() {
		assertErrorEnvelope(api.get("/calendar/" + CalendarFeedService.SECRETS.next() + ".ics").send(), 404,
				"NOT_FOUND");
		assertErrorEnvelope(api.get("/calendar/too-short.ics").send(), 400, "VALIDATION_ERROR");
		assertErrorEnvelope(api.get("/calendar/" + "A".repeat(42) + "!.ics").send(), 400, "VALIDATION_ERROR");
		assertErrorEnvelope(api.put("/me/calendar-feed").send(), 401, "UNAUTHORIZED");
	}

	@Test
	void feedWhenPolledTooOftenReturns429() {
		String url = feedUrl(signIn("Poller"));

		ApiResponse last = null;
		for (int i = 0; i < 31; i++) {
			last = read(url, null);
		}

		assertErrorEnvelope(last, 429, "RATE_LIMIT_EXCEEDED");
		assertThat(last.error().path("details").path("scope").asString()).isEqualTo("calendar_feed");
		assertThat(read(feedUrl(signIn("Other")), null).status()).isEqualTo(200);
	}

	@Test
	void feedWhenEventsAreOlderThan90DaysLeavesThemOut() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = confirmedMeeting(alice, List.of(bob), "Long ago", null).path("id").asString();
		String url = feedUrl(alice);
		jdbc.sql("UPDATE events SET starts_at = now() - interval '91 days', ends_at = now() - interval '91 days'"
				+ " + interval '1 hour' WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.update();

		assertThat(events(parseValid(read(url, null).raw()))).isEmpty();
	}

	private String feedUrl(TestUser user) {
		ApiResponse response = api.put("/me/calendar-feed").token(user.token()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.data().path("url").asString();
	}

	/** Reads a feed URL the way a calendar app does: no token. */
	private ApiResponse read(String url, String ifNoneMatch) {
		var call = api.get(url.substring("http://localhost:8080".length()));
		if (ifNoneMatch != null) {
			call.header("If-None-Match", ifNoneMatch);
		}
		return call.send();
	}

}
