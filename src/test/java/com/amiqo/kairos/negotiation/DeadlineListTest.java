package com.amiqo.kairos.negotiation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list agrees with a read about a negotiation whose deadline passed before the sweep
 * got to it: a {@code pick_best} one reads as what its deadline makes of it (confirmed on
 * the best option, or expired) in the rows and in the {@code state} filter, and is
 * settled exactly once.
 */
class DeadlineListTest extends GroupDecisionTest {

	@Autowired
	DeadlineSweeps sweeps;

	@Test
	void listWhenPickBestDeadlinePassedBeforeTheSweepFiltersOnWhatAReadShows() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		// Two of three can come: enough for the default minimum of two.
		String confirms = start(olga, List.of(ann, ben), Map.of("auto_confirm", false, "on_deadline", "pick_best"));
		replyOk(ann, confirms, "accept", Map.of());
		// Nobody but the organizer can come: below the minimum of three.
		String expires = start(olga, List.of(ann, ben),
				Map.of("auto_confirm", false, "on_deadline", "pick_best", "min_attendees", 3));
		String plain = start(olga, List.of(ann, ben), Map.of());
		for (String id : List.of(confirms, expires, plain)) {
			makeOverdue(id);
			clearNotices(id);
		}

		Map<String, JsonNode> confirmed = rows(ann, "confirmed");
		Map<String, JsonNode> expired = rows(ann, "expired");
		Map<String, JsonNode> open = rows(ann, "awaiting_replies");

		assertThat(confirmed).containsOnlyKeys(confirms);
		assertThat(expired).containsOnlyKeys(expires, plain);
		assertThat(open).isEmpty();
		JsonNode read = get(ann, confirms);
		JsonNode row = confirmed.get(confirms);
		assertThat(read.path("state").asString()).isEqualTo("confirmed");
		for (String field : List.of("state", "final_slot_id", "final_venue_id", "attendee_count", "revision",
				"last_message_preview", "updated_at")) {
			assertThat(row.path(field)).as(field).isEqualTo(read.path(field));
		}
		assertThat(get(ann, expires).path("state").asString()).isEqualTo("expired");
		// Settled once, as the sweep would have: one confirmation, one expiry.
		assertThat(notices(confirms)).containsExactlyInAnyOrder("confirmed:Olga", "confirmed:Ann", "confirmed:Ben");
		assertThat(notices(expires)).containsExactlyInAnyOrder("expired:Olga", "expired:Ann", "expired:Ben");
		assertThat(events(confirms)).hasSize(2);
		// The sweep (which may meet other tests' negotiations too) finds nothing left of
		// these two, and expires the plain one.
		sweeps.expireOverdue(10);
		assertThat(notices(confirms)).hasSize(3);
		assertThat(notices(expires)).hasSize(3);
		assertThat(notices(plain)).hasSize(3);
	}

	@Test
	void listWhenPickBestDeadlinePassedShowsEachRowAsAReadShowsIt() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of("auto_confirm", false, "on_deadline", "pick_best"));
		replyOk(ann, id, "accept", Map.of());
		makeOverdue(id);

		JsonNode row = rows(olga, null).get(id);

		assertThat(row.path("state").asString()).isEqualTo("confirmed");
		assertThat(row.path("final_slot_id").asString()).isEqualTo(slotIds(olga, id).get(0));
		assertThat(row.path("revision")).isEqualTo(get(olga, id).path("revision"));
		sweeps.expireOverdue(10);
		assertThat(notices(id).stream().filter(notice -> notice.startsWith("confirmed:"))).hasSize(2);
	}

	private Map<String, JsonNode> rows(TestUser user, @org.jspecify.annotations.Nullable String state) {
		ApiResponse response = api.get("/negotiations?limit=100" + (state == null ? "" : "&state=" + state))
			.token(user.token())
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		Map<String, JsonNode> rows = new HashMap<>();
		response.data().forEach(row -> rows.put(row.path("id").asString(), row));
		return rows;
	}

}
