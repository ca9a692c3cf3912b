package com.amiqo.kairos.negotiation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.api.paging.CursorProperties;
import com.amiqo.kairos.api.paging.PageCursors;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keyset paging with signed cursors while the data changes underneath
 * (docs/reference.md#reading-negotiations).
 */
class NegotiationPagingTest extends ApiTest {

	@Test
	void listWhenPagingWhileRowsChangeNeverRepeatsAndMissesNoUnchangedRow() throws Exception {
		TestUser organizer = signIn("Paula");
		TestUser invitee = signIn("Ivan");
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			created.add(api.post("/negotiate/start")
				.token(organizer.token())
				.json(NegotiationFixtures.start(List.of(invitee)))
				.send()
				.data()
				.path("id")
				.asString());
		}
		// updated_after must fall strictly between the creations and the changes made
		// while paging.
		awaitClockPast(Instant.now());
		Instant beforePaging = Instant.now();
		awaitClockPast(beforePaging);

		List<String> seen = new ArrayList<>();
		Set<String> changed = new LinkedHashSet<>();
		String cursor = null;
		int page = 0;
		do {
			ApiResponse response = api.get("/negotiations?limit=7" + (cursor == null ? "" : "&cursor=" + cursor))
				.token(organizer.token())
				.send();
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			JsonNode pagination = response.body().path("meta").path("pagination");
			assertThat(pagination.path("limit").asInt()).isEqualTo(7);
			response.data().forEach(item -> seen.add(item.path("id").asString()));
			cursor = pagination.path("next_cursor").isNull() ? null : pagination.path("next_cursor").asString();
			assertThat(pagination.path("has_more").asBoolean()).isEqualTo(cursor != null);
			if (page == 3) {
				// Change rows both behind and ahead of the cursor while paging.
				for (String id : List.of(created.get(0), created.get(10), created.get(249), created.get(245))) {
					assertThat(api.post("/negotiate/reply")
						.token(invitee.token())
						.json(NegotiationFixtures.reply(id, "decline"))
						.send()
						.status()).isEqualTo(200);
					changed.add(id);
				}
			}
			page++;
		}
		while (cursor != null);

		assertThat(seen).doesNotHaveDuplicates();
		Set<String> unchanged = new HashSet<>(created);
		unchanged.removeAll(changed);
		assertThat(seen).containsAll(unchanged);
		List<String> newestFirst = new ArrayList<>(created);
		Collections.reverse(newestFirst);
		assertThat(seen.stream().filter(unchanged::contains).toList()).as("unchanged rows come newest first")
			.isEqualTo(newestFirst.stream().filter(unchanged::contains).toList());
		ApiResponse delta = api.get("/negotiations?limit=100&updated_after=" + beforePaging)
			.token(organizer.token())
			.send();
		assertThat(delta.data().findValuesAsString("id")).containsExactlyInAnyOrderElementsOf(changed);
		assertThat(delta.data().findValuesAsString("state")).containsOnly("cancelled");
	}

	@Test
	void listWhenCursorTamperedReturns400InvalidCursor() {
		TestUser organizer = signIn("Paula");
		String cursor = firstPageCursor(organizer);
		String tampered = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);

		assertInvalidCursor(api.get("/negotiations?limit=1&cursor=" + tampered).token(organizer.token()).send());
	}

	@Test
	void listWhenCursorOfAnotherUserReturns400InvalidCursor() {
		TestUser organizer = signIn("Paula");
		String cursor = firstPageCursor(organizer);
		TestUser other = signIn("Mallory");

		assertInvalidCursor(api.get("/negotiations?limit=1&cursor=" + cursor).token(other.token()).send());
	}

	@Test
	void listWhenCursorUsedWithOtherFiltersReturns400InvalidCursor() {
		TestUser organizer = signIn("Paula");
		String cursor = firstPageCursor(organizer);

		assertInvalidCursor(
				api.get("/negotiations?limit=1&role=organizer&cursor=" + cursor).token(organizer.token()).send());
	}

	@Test
	void listWhenCursorExpiredReturns400InvalidCursor() {
		TestUser organizer = signIn("Paula");
		firstPageCursor(organizer);
		UUID userId = jdbc.sql("SELECT id FROM app_users WHERE firebase_uid = :uid")
			.param("uid", organizer.uid())
			.query(UUID.class)
			.single();
		PageCursors dayOld = new PageCursors(new CursorProperties(CURSOR_SECRET, Duration.ofHours(24)),
				Clock.offset(Clock.systemUTC(), Duration.ofHours(-25)));
		String expired = dayOld.encode(NegotiationService.LIST,
				userId + "|" + new ListQuery(null, null, false, null).scope(),
				new PageCursors.Position(Instant.now(), UUID.randomUUID()));

		assertInvalidCursor(api.get("/negotiations?limit=1&cursor=" + expired).token(organizer.token()).send());
	}

	private String firstPageCursor(TestUser organizer) {
		TestUser invitee = signIn("Ivan");
		for (int i = 0; i < 2; i++) {
			api.post("/negotiate/start")
				.token(organizer.token())
				.json(NegotiationFixtures.start(List.of(invitee)))
				.send();
		}
		ApiResponse first = api.get("/negotiations?limit=1").token(organizer.token()).send();
		return first.body().path("meta").path("pagination").path("next_cursor").asString();
	}

	private static void assertInvalidCursor(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("INVALID_CURSOR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo("cursor");
	}

	/**
	 * Waits until the clock, at the database's microsecond precision, has moved past
	 * {@code instant}.
	 */
	private static void awaitClockPast(Instant instant) {
		await().atMost(Duration.ofSeconds(1))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(1))
			.until(() -> Instant.now().truncatedTo(ChronoUnit.MICROS).isAfter(instant));
	}

}
