package com.amiqo.kairos.calendar;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP tests of calendar files and feeds: confirmed meetings to put in calendars. */
abstract class CalendarApiTest extends ApiTest {

	/** A meeting the organizer and every guest agreed to; returns the negotiation. */
	JsonNode confirmedMeeting(TestUser organizer, List<TestUser> guests, String title, String venue) {
		List<Map<String, Object>> venues = venue == null ? List.of() : List.of(Map.of("name", venue));
		ApiResponse started = api.post("/negotiate/start")
			.token(organizer.token())
			.json(Map.of("title", title, "intent_category", "other", "participant_ids",
					guests.stream().map(TestUser::uid).toList(), "proposed_slots",
					List.of(Map.of("starts_at",
							Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString())),
					"proposed_venues", venues))
			.send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		String id = started.data().path("id").asString();
		JsonNode last = started.data();
		for (TestUser guest : guests) {
			last = api.post("/negotiate/reply")
				.token(guest.token())
				.json(Map.of("negotiation_id", id, "action", "accept"))
				.send()
				.data();
		}
		assertThat(last.path("state").asString()).isEqualTo("confirmed");
		return last;
	}

	String eventIdOf(TestUser user, String negotiationId) {
		return api.get("/negotiations/" + negotiationId)
			.token(user.token())
			.send()
			.data()
			.path("my_event_id")
			.asString();
	}

	void cancel(TestUser organizer, String negotiationId) {
		assertThat(api.post("/negotiate/cancel")
			.token(organizer.token())
			.json(Map.of("negotiation_id", negotiationId))
			.send()
			.status()).isEqualTo(200);
	}

}
