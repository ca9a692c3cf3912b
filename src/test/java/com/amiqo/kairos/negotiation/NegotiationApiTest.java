package com.amiqo.kairos.negotiation;

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

}
