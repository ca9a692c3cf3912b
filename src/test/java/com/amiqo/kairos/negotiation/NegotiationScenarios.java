package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the multi-user scenario tests share: request bodies and readers of the returned
 * resource. The scenarios (docs/reference.md#negotiation-states,
 * docs/reference.md#events) are driven over real HTTP by separate signed-in users against
 * the real database.
 */
abstract class NegotiationScenarios extends NegotiationApiTest {

	Map<String, Object> body(List<TestUser> invitees, List<Instant> slotStarts, List<String> venues) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "Coffee catch-up");
		body.put("intent_category", "coffee");
		body.put("participant_ids", new ArrayList<>(invitees.stream().map(TestUser::uid).toList()));
		body.put("proposed_slots", new ArrayList<>(slotStarts.stream().map(NegotiationFixtures::slot).toList()));
		body.put("proposed_venues", new ArrayList<>(venues.stream().map(NegotiationFixtures::venue).toList()));
		return body;
	}

	static Map<String, Object> accept(String id, List<String> slotIds, List<String> venueIds) {
		Map<String, Object> body = replyBody(id, "accept");
		if (slotIds != null) {
			body.put("slot_ids", slotIds);
		}
		if (venueIds != null) {
			body.put("venue_ids", venueIds);
		}
		return body;
	}

	long eventRows(String negotiationId) {
		return count("SELECT count(*) FROM events WHERE negotiation_id = ?", UUID.fromString(negotiationId));
	}

	long count(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}

	/** The ids in a list response, asserting it is a 200. */
	List<String> listIds(TestUser user, String path) {
		ApiResponse response = api.get(path).token(user.token()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return ids(response.data());
	}

	/** The caller's single event for a negotiation, from GET /events. */
	JsonNode onlyEventFor(TestUser user, String negotiationId) {
		ApiResponse events = api.get("/events").token(user.token()).send();
		assertThat(events.status()).as(events.toString()).isEqualTo(200);
		List<JsonNode> matching = new ArrayList<>();
		for (JsonNode event : events.data()) {
			if (event.path("negotiation_id").asString().equals(negotiationId)) {
				matching.add(event);
			}
		}
		assertThat(matching).as("events of %s for %s", user.name(), negotiationId).hasSize(1);
		return matching.get(0);
	}

	static List<String> ids(JsonNode array) {
		assertThat(array.isArray()).as("a list: " + array).isTrue();
		List<String> ids = new ArrayList<>();
		for (JsonNode item : array) {
			ids.add(item.path("id").asString());
		}
		return ids;
	}

	static List<String> startsAts(JsonNode negotiation) {
		List<String> starts = new ArrayList<>();
		for (JsonNode slot : negotiation.path("proposed_slots")) {
			starts.add(slot.path("starts_at").asString());
		}
		return starts;
	}

	static List<String> participantUids(JsonNode resource) {
		List<String> uids = new ArrayList<>();
		for (JsonNode participant : resource.path("participants")) {
			uids.add(participant.path("user_id").asString());
		}
		return uids;
	}

	static String slotIdStartingAt(JsonNode negotiation, Instant startsAt) {
		for (JsonNode slot : negotiation.path("proposed_slots")) {
			if (slot.path("starts_at").asString().equals(startsAt.toString())) {
				return slot.path("id").asString();
			}
		}
		throw new AssertionError("no slot at " + startsAt + " in " + negotiation);
	}

	static String venueId(JsonNode negotiation, int index) {
		for (JsonNode venue : negotiation.path("proposed_venues")) {
			if (venue.path("venue_index").asInt() == index) {
				return venue.path("id").asString();
			}
		}
		throw new AssertionError("no venue with index " + index + " in " + negotiation);
	}

}
