package com.amiqo.kairos.invite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.calendar.IcsFiles;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invite-link scenario of docs/reference.md#invite-links end to end, and what a link
 * is made of.
 */
class InviteFlowTest extends InviteApiTest {

	@Test
	void inviteFlowWhenOrganizerKnowsNobodyEndsWithThreeEventsOfOneMeeting() throws Exception {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		JsonNode plan = startPlan(alice, List.of(), true);
		String id = plan.path("id").asString();

		ApiResponse created = createLink(alice, id, Map.of());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String token = created.data().path("token").asString();
		assertThat(created.data().path("url").asString()).isEqualTo("http://localhost:8080/i/" + token);
		assertThat(created.data().path("expires_at").asString()).isEqualTo(plan.path("expires_at").asString());
		assertThat(created.data().path("max_uses").isNull()).isTrue();
		assertThat(created.data().path("uses").asInt()).isZero();

		JsonNode bobsPreview = preview(bob, token).data();
		assertThat(bobsPreview.path("negotiation_id").asString()).isEqualTo(id);
		assertThat(bobsPreview.path("title").asString()).isEqualTo("Dinner at Größenwahn");
		assertThat(bobsPreview.path("intent_category").asString()).isEqualTo("dinner");
		assertThat(bobsPreview.path("organizer").path("user_id").asString()).isEqualTo(alice.uid());
		assertThat(bobsPreview.path("organizer").path("display_name").asString()).isEqualTo("Alice");
		assertThat(bobsPreview.path("participant_count").asInt()).isEqualTo(1);
		assertThat(bobsPreview.path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(bobsPreview.path("already_participant").asBoolean()).isFalse();

		ApiResponse bobJoined = join(bob, token);
		assertThat(bobJoined.status()).as(bobJoined.toString()).isEqualTo(200);
		assertThat(bobJoined.data().path("my_status").asString()).isEqualTo("invited");
		assertThat(bobJoined.data().path("participant_count").asInt()).isEqualTo(2);
		assertThat(bobJoined.data().path("revision").asInt()).isEqualTo(1);
		assertThat(bobJoined.header("ETag")).isEqualTo("\"1\"");
		assertThat(bobJoined.data().path("last_message_preview").asString()).isEqualTo("Bob joined");
		assertThat(preview(bob, token).data().path("already_participant").asBoolean()).isTrue();
		assertThat(preview(carol, token).data().path("participant_count").asInt()).isEqualTo(2);
		assertThat(join(carol, token).status()).isEqualTo(200);
		assertThat(api.get("/negotiations?awaiting_me=true").token(carol.token()).send().data().toString())
			.contains(id);

		assertThat(reply(bob, id, "accept").data().path("state").asString()).isEqualTo("awaiting_replies");
		JsonNode confirmed = reply(carol, id, "accept").data();

		assertThat(confirmed.path("state").asString()).isEqualTo("confirmed");
		assertThat(confirmed.path("participants")).extracting(p -> p.path("user_id").asString())
			.containsExactly(alice.uid(), bob.uid(), carol.uid());
		Set<String> uids = new java.util.HashSet<>();
		for (TestUser user : List.of(alice, bob, carol)) {
			JsonNode upcoming = api.get("/events/upcoming").token(user.token()).send().data();
			assertThat(upcoming).hasSize(1);
			assertThat(upcoming.get(0).path("negotiation_id").asString()).isEqualTo(id);
			assertThat(upcoming.get(0).path("participants")).hasSize(3);
			ApiResponse ics = api.get(upcoming.get(0).path("ics_url").asString()).token(user.token()).send();
			assertThat(ics.status()).as(ics.toString()).isEqualTo(200);
			VEvent event = IcsFiles.events(IcsFiles.parseValid(ics.raw())).get(0);
			assertThat(IcsFiles.value(event, "LOCATION")).isEqualTo("Café Kränzler");
			uids.add(IcsFiles.value(event, "UID"));
		}
		assertThat(uids).hasSize(1);
		JsonNode links = api.get("/negotiations/" + id + "/invite-links").token(alice.token()).send().data();
		assertThat(links).hasSize(1);
		assertThat(links.get(0).path("uses").asInt()).isEqualTo(2);
		assertThat(links.get(0).has("token")).isFalse();
		// Closed negotiations take nobody new: the link is now as dead as an unknown one.
		assertThat(preview(signIn("Dave"), token).errorCode()).isEqualTo("INVITE_NOT_FOUND");
	}

	@Test
	void joinWhenSomeoneNewJoinsPublishesParticipantJoinedInsideTheTransactionOnlyOnce() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = openPlan(alice);
		String token = linkToken(alice, id, Map.of());

		join(bob, token);
		join(bob, token);
		join(alice, token);

		List<JoinedEventsRecorder.Seen> seen = JoinedEventsRecorder.SEEN.stream()
			.filter(s -> s.event().negotiationId().toString().equals(id))
			.toList();
		assertThat(seen).hasSize(1);
		assertThat(seen.get(0).inTransaction()).isTrue();
		assertThat(seen.get(0).event().revision()).isEqualTo(1);
		assertThat(seen.get(0).event().preview()).isEqualTo("Bob joined");
		assertThat(seen.get(0).event().organizerId()).isEqualTo(userId(alice));
		assertThat(seen.get(0).event().joinedUserId()).isEqualTo(userId(bob));
	}

	private UUID userId(TestUser user) {
		return jdbc.sql("SELECT id FROM app_users WHERE firebase_uid = ?").param(user.uid()).query(UUID.class).single();
	}

	@Test
	void createWhenCalledStoresOnlyTheSha256OfA128BitBase64UrlToken() throws Exception {
		TestUser alice = signIn("Alice");
		String id = openPlan(alice);

		String token = linkToken(alice, id, Map.of());
		String other = linkToken(alice, id, Map.of());

		assertThat(token).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(other);
		assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(16);
		byte[] stored = jdbc.sql("SELECT token_hash FROM invite_links WHERE negotiation_id = ? ORDER BY created_at, id")
			.param(UUID.fromString(id))
			.query(byte[].class)
			.list()
			.stream()
			.filter(hash -> MessageDigest.isEqual(hash, sha256(token)))
			.findFirst()
			.orElseThrow();
		assertThat(stored).hasSize(32);
		String everything = jdbc.sql("SELECT string_agg(t::text, '|') FROM invite_links t")
			.query(String.class)
			.single();
		assertThat(everything).doesNotContain(token).doesNotContain(other);
	}

	@Test
	void createWhenNegotiationIsADraftMakesALinkThatWorksOnceSent() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = startPlan(alice, List.of(), false).path("id").asString();
		String token = linkToken(alice, id, Map.of("max_uses", 3));

		assertThat(preview(bob, token).errorCode()).isEqualTo("INVITE_NOT_FOUND");
		assertThat(join(bob, token).errorCode()).isEqualTo("INVITE_NOT_FOUND");
		assertThat(participantRows(id)).isEqualTo(1);

		assertThat(reply(alice, id, "accept").data().path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(join(bob, token).status()).isEqualTo(200);
	}

	@Test
	void joinWhenAlreadyAParticipantChangesNothing() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = startPlan(alice, List.of(bob), true).path("id").asString();
		String token = linkToken(alice, id, Map.of("max_uses", 1));

		ApiResponse organizer = join(alice, token);
		ApiResponse invitee = join(bob, token);
		ApiResponse again = join(bob, token);

		for (ApiResponse response : List.of(organizer, invitee, again)) {
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			assertThat(response.data().path("revision").asInt()).isZero();
			assertThat(response.data().path("participant_count").asInt()).isEqualTo(2);
		}
		assertThat(organizer.data().path("my_status").asString()).isEqualTo("organizer");
		assertThat(preview(alice, token).data().path("already_participant").asBoolean()).isTrue();
		assertThat(api.get("/negotiations/" + id + "/invite-links")
			.token(alice.token())
			.send()
			.data()
			.get(0)
			.path("uses")
			.asInt()).isZero();
	}

	@Test
	void joinWhenNegotiationHasFiftyParticipantsReturns409AndCountsNoUse() {
		TestUser alice = signIn("Alice");
		List<TestUser> invitees = usersWhoSignedIn(49);
		String id = startPlan(alice, invitees, true).path("id").asString();
		String token = linkToken(alice, id, Map.of());
		TestUser latecomer = signIn("Late");

		ApiResponse response = join(latecomer, token);

		assertThat(response.status()).as(response.toString()).isEqualTo(409);
		assertThat(response.errorCode()).isEqualTo("NEGOTIATION_FULL");
		assertThat(response.error().path("details").path("limit").asInt()).isEqualTo(50);
		assertThat(participantRows(id)).isEqualTo(50);
		assertThat(jdbc.sql("SELECT uses FROM invite_links WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.query(Integer.class)
			.single()).isZero();
		assertThat(api.get("/negotiations/" + id).token(alice.token()).send().data().path("revision").asInt()).isZero();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
