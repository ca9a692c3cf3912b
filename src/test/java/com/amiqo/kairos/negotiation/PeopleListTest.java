package com.amiqo.kairos.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /me/people}: the address book made of the plans people share. */
class PeopleListTest extends ApiTest {

	@Test
	void listWhenPlansAreSharedNamesEachPersonOnceMostRecentFirst() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		TestUser dan = signIn("Dan");
		start(alice, List.of(bob, carol), true);
		start(alice, List.of(bob), true);
		start(alice, List.of(dan), true);

		JsonNode people = people(alice, "").data();

		assertThat(uids(people)).containsExactly(dan.uid(), bob.uid(), carol.uid());
		assertThat(people.get(0).path("display_name").asString()).isEqualTo("Dan");
		assertThat(people.get(0).path("last_planned_at").asString()).isNotEmpty();
		// Carol shares one plan with both: a tie on the time, ordered by internal id.
		assertThat(uids(people(carol, "").data())).containsExactlyInAnyOrder(alice.uid(), bob.uid());
	}

	@Test
	void listWhenADraftNamesPeopleShowsThemToItsOrganizerOnly() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser stranger = signIn("Mallory");
		start(alice, List.of(bob), false);

		assertThat(uids(people(alice, "").data())).containsExactly(bob.uid());
		assertThat(uids(people(bob, "").data())).isEmpty();
		assertThat(uids(people(stranger, "").data())).isEmpty();
	}

	@Test
	void listWhenPagedWithACursorReturnsEveryPersonOnce() {
		TestUser alice = signIn("Alice");
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			TestUser friend = signIn("Friend " + i);
			start(alice, List.of(friend), true);
			expected.add(0, friend.uid());
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			ApiResponse page = people(alice, "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
			assertThat(page.data().size()).isLessThanOrEqualTo(2);
			seen.addAll(uids(page.data()));
			JsonNode pagination = page.body().path("meta").path("pagination");
			cursor = pagination.path("next_cursor").isNull() ? null : pagination.path("next_cursor").asString();
		}
		while (cursor != null);

		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@Test
	void listWhenCursorOrLimitIsBadRefusesWithTheField() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		start(alice, List.of(bob), true);
		String negotiationsCursor = api.post("/negotiate/start")
			.token(alice.token())
			.json(NegotiationFixtures.start(List.of(bob)))
			.send()
			.status() == 201
					? api.get("/negotiations?limit=1")
						.token(alice.token())
						.send()
						.body()
						.path("meta")
						.path("pagination")
						.path("next_cursor")
						.asString()
					: null;

		assertErrorEnvelope(people(alice, "?cursor=" + negotiationsCursor), 400, "INVALID_CURSOR");
		assertErrorEnvelope(people(alice, "?cursor=garbage"), 400, "INVALID_CURSOR");
		ApiResponse tooMany = people(alice, "?limit=101");
		assertErrorEnvelope(tooMany, 400, "VALIDATION_ERROR");
		assertThat(tooMany.error().path("details").path("field").asString()).isEqualTo("limit");
	}

	private ApiResponse people(TestUser user, String query) {
		return api.get("/me/people" + query).token(user.token()).send();
	}

	private void start(TestUser organizer, List<TestUser> invitees, boolean send) {
		Map<String, Object> body = NegotiationFixtures.start(invitees);
		body.put("send", send);
		ApiResponse started = api.post("/negotiate/start").token(organizer.token()).json(body).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
	}

	private static List<String> uids(JsonNode people) {
		List<String> uids = new ArrayList<>();
		people.forEach(person -> uids.add(person.path("user_id").asString()));
		return uids;
	}

}
