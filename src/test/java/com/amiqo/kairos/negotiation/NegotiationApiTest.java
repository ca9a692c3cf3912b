package com.amiqo.kairos.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP tests of negotiations: the calls they all make, as one user or another. */
abstract class NegotiationApiTest extends ApiTest {

	static Map<String, Object> replyBody(String id, String action) {
		return NegotiationFixtures.reply(id, action);
	}

	ApiResponse start(TestUser organizer, Map<String, Object> body) {
		return api.post("/negotiate/start").token(organizer.token()).json(body).send();
	}

	/** Starts a negotiation, asserting it was created. */
	JsonNode startOk(TestUser organizer, Map<String, Object> body) {
		ApiResponse started = start(organizer, body);
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.data();
	}

	ApiResponse reply(TestUser user, Map<String, Object> body) {
		return api.post("/negotiate/reply").token(user.token()).json(body).send();
	}

	ApiResponse get(TestUser user, String id) {
		return api.get("/negotiations/" + id).token(user.token()).send();
	}

	/** Moves the deadline into the past without marking the negotiation expired. */
	void expireNow(String id) {
		jdbc.sql("UPDATE negotiations SET expires_at = now() - interval '1 second' WHERE id = ?")
			.param(UUID.fromString(id))
			.update();
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

}
