package com.amiqo.kairos.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.inDays;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.slot;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.venue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the error-code tests share: a three-way negotiation to refuse things on, and the
 * checks that a refusal left it untouched. Every error code of
 * docs/reference.md#negotiation-states, docs/reference.md#events is produced over real
 * HTTP with its status, code and details by one of its subclasses.
 */
abstract class NegotiationErrorsTest extends NegotiationApiTest {

	/**
	 * Alice invited Bob and Carol to two slots and two venues; nobody answered yet
	 * (revision 0).
	 */
	record Setup(TestUser alice, TestUser bob, TestUser carol, String id, String slot0, String slot1) {
	}

	Setup threeWay() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		JsonNode started = startOk(alice, startBody(alice, List.of(bob, carol)));
		return new Setup(alice, bob, carol, started.path("id").asString(), slotId(started, 0), slotId(started, 1));
	}

	/**
	 * The negotiation still has this revision and Bob still this status, as the organizer
	 * reads it.
	 */
	void assertUnchanged(Setup s, int revision, String bobStatus) {
		ApiResponse view = get(s.alice(), s.id());
		assertThat(view.status()).as(view.toString()).isEqualTo(200);
		assertThat(view.data().path("revision").asInt()).as("revision").isEqualTo(revision);
		assertThat(view.header("ETag")).isEqualTo("\"" + revision + "\"");
		assertThat(statusOf(view.data(), s.bob())).as("Bob's status").isEqualTo(bobStatus);
		assertThat(jdbc.sql("SELECT revision FROM negotiations WHERE id = ?")
			.param(UUID.fromString(s.id()))
			.query(Integer.class)
			.single()).isEqualTo(revision);
	}

	static void assertTransitionDetails(ApiResponse response, String id, String state, String action) {
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(id);
		assertThat(details(response).path("current_state").asString()).isEqualTo(state);
		assertThat(details(response).path("requested_action").asString()).isEqualTo(action);
	}

	static JsonNode details(ApiResponse response) {
		return response.error().path("details");
	}

	Map<String, Object> startBody(TestUser organizer, List<TestUser> invitees) {
		Map<String, Object> body = NegotiationFixtures.start(invitees);
		body.put("participant_ids", new ArrayList<>(invitees.stream().map(TestUser::uid).toList()));
		return body;
	}

	static List<Map<String, Object>> slots(int firstDay, int count) {
		List<Map<String, Object>> slots = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			slots.add(slot(inDays(firstDay + i)));
		}
		return slots;
	}

	static List<Map<String, Object>> venues(String prefix, int count) {
		List<Map<String, Object>> venues = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			venues.add(venue(prefix + " " + i));
		}
		return venues;
	}

	long negotiationsOwnedBy(TestUser user) {
		return jdbc
			.sql("SELECT count(*) FROM negotiations n JOIN app_users u ON u.id = n.owner_id WHERE u.firebase_uid = ?")
			.param(user.uid())
			.query(Long.class)
			.single();
	}

	long slotRows(String id) {
		return jdbc.sql("SELECT count(*) FROM proposed_slots WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single();
	}

}
