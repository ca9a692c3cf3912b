package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers of the negotiation resource and of error responses, as the HTTP tests use them.
 */
final class NegotiationJson {

	private NegotiationJson() {
	}

	static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		for (JsonNode item : array) {
			texts.add(item.asString());
		}
		return texts;
	}

	static JsonNode slotByIndex(JsonNode negotiation, int index) {
		for (JsonNode slot : negotiation.path("proposed_slots")) {
			if (slot.path("slot_index").asInt() == index) {
				return slot;
			}
		}
		throw new AssertionError("no slot with index " + index + " in " + negotiation);
	}

	static String slotId(JsonNode negotiation, int index) {
		return slotByIndex(negotiation, index).path("id").asString();
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

	static JsonNode participant(JsonNode negotiation, TestUser user) {
		for (JsonNode participant : negotiation.path("participants")) {
			if (participant.path("user_id").asString().equals(user.uid())) {
				return participant;
			}
		}
		throw new AssertionError(user.uid() + " is not a participant of " + negotiation);
	}

	static String statusOf(JsonNode negotiation, TestUser user) {
		return participant(negotiation, user).path("status").asString();
	}

	static List<String> participantUids(JsonNode resource) {
		List<String> uids = new ArrayList<>();
		for (JsonNode participant : resource.path("participants")) {
			uids.add(participant.path("user_id").asString());
		}
		return uids;
	}

	static List<String> startsAts(JsonNode negotiation) {
		List<String> starts = new ArrayList<>();
		for (JsonNode slot : negotiation.path("proposed_slots")) {
			starts.add(slot.path("starts_at").asString());
		}
		return starts;
	}

	static List<String> ids(JsonNode array) {
		assertThat(array.isArray()).as("a list: " + array).isTrue();
		List<String> ids = new ArrayList<>();
		for (JsonNode item : array) {
			ids.add(item.path("id").asString());
		}
		return ids;
	}

	static JsonNode details(ApiResponse response) {
		return response.error().path("details");
	}

	static void assertTransitionDetails(ApiResponse response, String id, String state, String action) {
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(id);
		assertThat(details(response).path("current_state").asString()).isEqualTo(state);
		assertThat(details(response).path("requested_action").asString()).isEqualTo(action);
	}

}
