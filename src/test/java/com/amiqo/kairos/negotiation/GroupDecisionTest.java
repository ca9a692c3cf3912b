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

/**
 * What the tests of group decisions (if-need-be answers, finalize, RSVP, the deadline,
 * reminders) share: starting a negotiation with the deciding fields, answering, reading
 * back, and looking at the events and outbox rows a change wrote.
 */
abstract class GroupDecisionTest extends ApiTest {

	String start(TestUser organizer, List<TestUser> invitees, Map<String, Object> extra) {
		Map<String, Object> body = NegotiationFixtures.start(invitees);
		body.putAll(extra);
		ApiResponse started = api.post("/negotiate/start").token(organizer.token()).json(body).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.data().path("id").asString();
	}

	ApiResponse reply(TestUser user, String id, String action, Map<String, Object> extra) {
		Map<String, Object> body = NegotiationFixtures.reply(id, action);
		body.putAll(extra);
		return api.post("/negotiate/reply").token(user.token()).json(body).send();
	}

	JsonNode replyOk(TestUser user, String id, String action, Map<String, Object> extra) {
		ApiResponse response = reply(user, id, action, extra);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.data();
	}

	ApiResponse finalize(TestUser user, String id, String slotId, @org.jspecify.annotations.Nullable String venueId) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("negotiation_id", id);
		body.put("slot_id", slotId);
		if (venueId != null) {
			body.put("venue_id", venueId);
		}
		return api.post("/negotiate/finalize").token(user.token()).json(body).send();
	}

	JsonNode get(TestUser user, String id) {
		ApiResponse response = api.get("/negotiations/" + id).token(user.token()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.data();
	}

	/** Slot ids in {@code starts_at} order, as the resource lists them. */
	List<String> slotIds(TestUser user, String id) {
		return get(user, id).path("proposed_slots").findValuesAsString("id");
	}

	List<String> venueIds(TestUser user, String id) {
		List<String> ids = new ArrayList<>();
		get(user, id).path("proposed_venues").forEach(venue -> ids.add(venue.path("id").asString()));
		return ids;
	}

	static JsonNode participant(JsonNode negotiation, TestUser user) {
		for (JsonNode participant : negotiation.path("participants")) {
			if (participant.path("user_id").asString().equals(user.uid())) {
				return participant;
			}
		}
		throw new AssertionError("no participant " + user.uid());
	}

	/** "kind:display name" of every outbox row about this negotiation. */
	List<String> notices(String id) {
		return new ArrayList<>(jdbc
			.sql("""
					SELECT o.kind || ':' || u.display_name FROM notification_outbox o JOIN app_users u ON u.id = o.recipient_id
					 WHERE o.negotiation_id = CAST(:id AS uuid)
					""")
			.param("id", id)
			.query(String.class)
			.list());
	}

	List<String> previews(String id, String kind) {
		return jdbc
			.sql("SELECT preview FROM notification_outbox WHERE negotiation_id = CAST(:id AS uuid) AND kind = :kind")
			.param("id", id)
			.param("kind", kind)
			.query(String.class)
			.list();
	}

	/**
	 * "name:attending:preview" of every {@code confirmed} notification about this
	 * negotiation.
	 */
	List<String> confirmations(String id) {
		return jdbc.sql("""
				SELECT u.display_name || ':' || o.attending || ':' || o.preview
				  FROM notification_outbox o JOIN app_users u ON u.id = o.recipient_id
				 WHERE o.negotiation_id = CAST(:id AS uuid) AND o.kind = 'confirmed'
				""").param("id", id).query(String.class).list();
	}

	void clearNotices(String id) {
		jdbc.sql("DELETE FROM notification_outbox WHERE negotiation_id = CAST(:id AS uuid)").param("id", id).update();
	}

	/** "display name:status:response" of every event of this negotiation. */
	List<String> events(String id) {
		return jdbc.sql("""
				SELECT u.display_name || ':' || e.status || ':' || e.response
				  FROM events e JOIN app_users u ON u.id = e.owner_id
				 WHERE e.negotiation_id = CAST(:id AS uuid)
				""").param("id", id).query(String.class).list();
	}

	void makeOverdue(String id) {
		jdbc.sql("UPDATE negotiations SET expires_at = now() - interval '1 second' WHERE id = CAST(:id AS uuid)")
			.param("id", id)
			.update();
	}

	void startSlotInPast(String slotId) {
		jdbc.sql("UPDATE proposed_slots SET starts_at = now() - interval '1 minute' WHERE id = CAST(:id AS uuid)")
			.param("id", slotId)
			.update();
	}

	int revision(String id) {
		return jdbc.sql("SELECT revision FROM negotiations WHERE id = CAST(:id AS uuid)")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	static UUID uuid(String id) {
		return UUID.fromString(id);
	}

}
