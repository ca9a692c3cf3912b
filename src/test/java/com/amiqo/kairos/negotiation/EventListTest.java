package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /events} pages by keyset with every filter combined, the filters in use
 * being the only conditions of the statement.
 */
class EventListTest extends ApiTest {

	/** Confirms a one-slot plan between the two and returns its start. */
	private Instant confirmedPlan(TestUser organizer, TestUser invitee, int inDays) {
		Map<String, Object> body = NegotiationFixtures.start(List.of(invitee));
		Instant startsAt = NegotiationFixtures.inDays(inDays);
		body.put("proposed_slots", new ArrayList<>(List.of(NegotiationFixtures.slot(startsAt))));
		String id = api.post("/negotiate/start")
			.token(organizer.token())
			.json(body)
			.send()
			.data()
			.path("id")
			.asString();
		ApiResponse accepted = api.post("/negotiate/reply")
			.token(invitee.token())
			.json(NegotiationFixtures.reply(id, "accept"))
			.send();
		assertThat(accepted.data().path("state").asString()).as(accepted.toString()).isEqualTo("confirmed");
		return startsAt;
	}

	/** Every page of the query, following next_cursor; checks has_more on the way. */
	private List<JsonNode> allPages(TestUser user, String query) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		do {
			ApiResponse page = api.get(query + (cursor == null ? "" : "&cursor=" + cursor)).token(user.token()).send();
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.data().forEach(items::add);
			JsonNode pagination = page.body().path("meta").path("pagination");
			cursor = pagination.path("next_cursor").isNull() ? null : pagination.path("next_cursor").asString();
			assertThat(pagination.path("has_more").asBoolean()).isEqualTo(cursor != null);
		}
		while (cursor != null);
		return items;
	}

	@Test
	void listWhenPagingWithFiltersReturnsEachMatchingEventOnceNewestChangeFirst() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		List<Instant> starts = new ArrayList<>();
		for (int day = 2; day <= 6; day++) {
			starts.add(confirmedPlan(alice, bob, day));
		}

		List<JsonNode> all = allPages(bob, "/events?limit=2");
		List<JsonNode> later = allPages(bob, "/events?limit=1&status=confirmed&starts_after=" + starts.get(1)
				+ "&starts_before=" + starts.get(4) + "&updated_after=2020-01-01T00:00:00Z");

		assertThat(all).hasSize(5);
		assertThat(all.stream().map(event -> event.path("id").asString())).doesNotHaveDuplicates();
		List<Instant> newestFirst = new ArrayList<>(starts);
		Collections.reverse(newestFirst);
		assertThat(all.stream().map(event -> Instant.parse(event.path("starts_at").asString())))
			.containsExactlyElementsOf(newestFirst);
		assertThat(later.stream().map(event -> Instant.parse(event.path("starts_at").asString())))
			.containsExactly(starts.get(3), starts.get(2));
		assertThat(allPages(bob, "/events?limit=3&status=cancelled")).isEmpty();
	}

}
