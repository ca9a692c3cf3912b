package com.amiqo.kairos.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationJson.ids;
import static com.amiqo.kairos.negotiation.NegotiationJson.slotId;
import static com.amiqo.kairos.negotiation.NegotiationJson.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calls the negotiation HTTP tests make, as one user or another, and the database
 * checks they share. A test that extends {@code ApiTest} holds one, made in its
 * {@code @BeforeEach} from the test's client and database.
 */
final class NegotiationCalls {

	/**
	 * Alice invited Bob and Carol to two slots and two venues; nobody answered yet
	 * (revision 0).
	 */
	record Setup(TestUser alice, TestUser bob, TestUser carol, String id, String slot0, String slot1) {
	}

	private final ApiClient api;

	private final JdbcClient jdbc;

	NegotiationCalls(ApiClient api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
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

	/** Alice, Bob and Carol sign in; Alice invites the other two ({@link Setup}). */
	Setup threeWay() {
		TestUser alice = TestUser.signedIn(api, "Alice");
		TestUser bob = TestUser.signedIn(api, "Bob");
		TestUser carol = TestUser.signedIn(api, "Carol");
		JsonNode started = startOk(alice, NegotiationFixtures.start(List.of(bob, carol)));
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

	long negotiationsOwnedBy(TestUser user) {
		return jdbc
			.sql("SELECT count(*) FROM negotiations n JOIN app_users u ON u.id = n.owner_id WHERE u.firebase_uid = ?")
			.param(user.uid())
			.query(Long.class)
			.single();
	}

	long slotRows(String id) {
		return count("SELECT count(*) FROM proposed_slots WHERE negotiation_id = ?", UUID.fromString(id));
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

}
