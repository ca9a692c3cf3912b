package com.amiqo.kairos.invite;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP tests of invite links: the calls they make. */
abstract class InviteApiTest extends ApiTest {

	static Instant inDays(int days) {
		return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
	}

	/** A plan with two slots and a venue, inviting {@code invitees} (possibly nobody). */
	JsonNode startPlan(TestUser organizer, List<TestUser> invitees, boolean send) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "Dinner at Größenwahn");
		body.put("intent_category", "dinner");
		body.put("participant_ids", invitees.stream().map(TestUser::uid).toList());
		body.put("proposed_slots", List.of(Map.of("starts_at", inDays(2).toString(), "timezone", "Europe/Berlin"),
				Map.of("starts_at", inDays(3).toString())));
		body.put("proposed_venues", List.of(Map.of("name", "Café Kränzler", "address", "Kurfürstendamm 18")));
		body.put("send", send);
		ApiResponse started = api.post("/negotiate/start").token(organizer.token()).json(body).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.data();
	}

	/**
	 * Users who have signed in once (rows only, no tokens: they are only ever named as
	 * invitees).
	 */
	List<TestUser> usersWhoSignedIn(int count) {
		List<TestUser> users = java.util.stream.IntStream.range(0, count)
			.mapToObj(i -> new TestUser(newUid("guest" + i), "Guest " + i, ""))
			.toList();
		jdbc.sql("INSERT INTO app_users (firebase_uid, display_name) SELECT unnest(CAST(? AS text[])), 'Guest'")
			.param(users.stream().map(TestUser::uid).toArray(String[]::new))
			.update();
		return users;
	}

	String openPlan(TestUser organizer) {
		return startPlan(organizer, List.of(), true).path("id").asString();
	}

	ApiResponse createLink(TestUser user, String negotiationId, Map<String, Object> body) {
		return api.post("/negotiations/" + negotiationId + "/invite-links").token(user.token()).json(body).send();
	}

	/** Creates a link, asserting it worked; returns the token. */
	String linkToken(TestUser organizer, String negotiationId, Map<String, Object> body) {
		ApiResponse created = createLink(organizer, negotiationId, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.data().path("token").asString();
	}

	ApiResponse preview(TestUser user, String token) {
		return api.get("/invites/" + token).token(user.token()).send();
	}

	ApiResponse join(TestUser user, String token) {
		return api.post("/invites/" + token + "/join").token(user.token()).send();
	}

	ApiResponse reply(TestUser user, String negotiationId, String action) {
		return api.post("/negotiate/reply")
			.token(user.token())
			.json(Map.of("negotiation_id", negotiationId, "action", action))
			.send();
	}

	ApiResponse cancel(TestUser organizer, String negotiationId) {
		return api.post("/negotiate/cancel")
			.token(organizer.token())
			.json(Map.of("negotiation_id", negotiationId))
			.send();
	}

	int linkRows(String negotiationId) {
		return jdbc.sql("SELECT count(*) FROM invite_links WHERE negotiation_id = ?")
			.param(UUID.fromString(negotiationId))
			.query(Integer.class)
			.single();
	}

	int participantRows(String negotiationId) {
		return jdbc.sql("SELECT count(*) FROM negotiation_participants WHERE negotiation_id = ?")
			.param(UUID.fromString(negotiationId))
			.query(Integer.class)
			.single();
	}

}
