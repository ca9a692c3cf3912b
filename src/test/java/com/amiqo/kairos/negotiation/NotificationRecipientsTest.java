package com.amiqo.kairos.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly who gets which notification kind for each change
 * (docs/reference.md#notifications), read from the outbox the change wrote in its own
 * transaction. Recipients are written as "kind:name".
 */
class NotificationRecipientsTest extends ApiTest {

	@Autowired
	DeadlineSweeps sweeps;

	@Test
	void startWhenSentNotifiesEveryInviteeInvited() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");

		String id = start(olga, List.of(ann, ben), Map.of());

		assertThat(notices(id)).containsExactlyInAnyOrder("invited:Ann", "invited:Ben");
	}

	@Test
	void startWhenDraftNotifiesNobodyUntilTheOrganizerSendsIt() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of("send", false));
		assertThat(notices(id)).isEmpty();

		reply(olga, id, "accept");

		assertThat(notices(id)).containsExactly("invited:Ann");
	}

	@Test
	void replyWhenAcceptNotifiesOtherActiveParticipantsReplied() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		TestUser cat = signIn("Cat");
		String id = start(olga, List.of(ann, ben, cat), Map.of());
		reply(cat, id, "decline");
		clear(id);

		reply(ann, id, "accept");

		assertThat(notices(id)).containsExactlyInAnyOrder("replied:Olga", "replied:Ben");
	}

	@Test
	void replyWhenDeclineNotifiesOtherActiveParticipantsReplied() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann, ben), Map.of());
		clear(id);

		reply(ann, id, "decline");

		assertThat(notices(id)).containsExactlyInAnyOrder("replied:Olga", "replied:Ben");
	}

	@Test
	void replyWhenCounterNotifiesEveryoneWhoMustAnswerAgain() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		TestUser cat = signIn("Cat");
		TestUser dan = signIn("Dan");
		String id = start(olga, List.of(ann, ben, cat, dan), Map.of());
		reply(ann, id, "accept");
		reply(dan, id, "decline");
		clear(id);

		counter(ben, id);

		// Ann accepted before the new time existed, Cat has not answered, Olga is the
		// organizer; Ben countered himself and Dan has left.
		assertThat(notices(id)).containsExactlyInAnyOrder("countered:Olga", "countered:Ann", "countered:Cat");
		assertThat(awaitingMe(ann)).contains(id);
		assertThat(awaitingMe(ben)).doesNotContain(id);
		assertThat(awaitingMe(dan)).doesNotContain(id);
	}

	@Test
	void replyWhenReAnsweringAfterCounterClearsAwaitingMe() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann, ben), Map.of());
		reply(ann, id, "accept");
		counter(ben, id);
		assertThat(awaitingMe(ann)).contains(id);

		// Ann looks at the new time and keeps her earlier choice: she has answered it.
		Map<String, Object> keep = NegotiationFixtures.reply(id, "accept");
		keep.put("slot_ids", List.of(slotIds(olga, id).get(0)));
		assertThat(api.post("/negotiate/reply").token(ann.token()).json(keep).send().status()).isEqualTo(200);

		assertThat(awaitingMe(ann)).doesNotContain(id);
		assertThat(awaitingMe(olga)).contains(id);
	}

	@Test
	void replyWhenConfirmingNotifiesEveryParticipantButTheActor() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann, ben), Map.of());
		reply(ann, id, "accept");
		clear(id);

		reply(ben, id, "accept");

		assertThat(notices(id)).containsExactlyInAnyOrder("confirmed:Olga", "confirmed:Ann");
	}

	@Test
	void replyWhenConfirmingTellsEachRecipientWhetherTheyAttend() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		TestUser cat = signIn("Cat");
		String id = start(olga, List.of(ann, ben, cat), Map.of());
		reply(cat, id, "decline");
		reply(ann, id, "accept");
		clear(id);

		reply(ben, id, "accept");

		assertThat(attendance(id)).containsExactlyInAnyOrder("confirmed:Olga:true:Ben accepted",
				"confirmed:Ann:true:Ben accepted", "confirmed:Cat:false:Ben accepted (you're not attending)");
	}

	@Test
	void cancelWhenConfirmedNotifiesEveryParticipantButTheOrganizer() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann, ben), Map.of());
		reply(ann, id, "accept");
		reply(ben, id, "accept");
		clear(id);

		ApiResponse cancelled = api.post("/negotiate/cancel")
			.token(olga.token())
			.json(Map.of("negotiation_id", id))
			.send();

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(notices(id)).containsExactlyInAnyOrder("cancelled:Ann", "cancelled:Ben");
	}

	@Test
	void replyWhenEveryoneDeclinedNotifiesOthersCancelled() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann, ben), Map.of());
		reply(ann, id, "decline");
		clear(id);

		reply(ben, id, "decline");

		assertThat(notices(id)).containsExactlyInAnyOrder("cancelled:Olga", "cancelled:Ann");
	}

	@Test
	void expirySweepNotifiesEveryParticipantExpired() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann, ben), Map.of());
		String draft = start(olga, List.of(ann), Map.of("send", false));
		clear(id);
		makeOverdue(id);
		makeOverdue(draft);

		sweeps.expireOverdue(500);

		assertThat(notices(id)).containsExactlyInAnyOrder("expired:Olga", "expired:Ann", "expired:Ben");
		// Invitees never saw the draft: only its organizer hears that it expired.
		assertThat(notices(draft)).containsExactly("expired:Olga");
	}

	@Test
	void replyWhenOverdueBeforeTheSweepNotifiesExpiredOnce() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of());
		clear(id);
		makeOverdue(id);

		assertThat(api.post("/negotiate/reply")
			.token(ann.token())
			.json(NegotiationFixtures.reply(id, "accept"))
			.send()
			.errorCode()).isEqualTo("NEGOTIATION_EXPIRED");
		sweeps.expireOverdue(500);

		assertThat(notices(id)).containsExactlyInAnyOrder("expired:Olga", "expired:Ann");
	}

	@Test
	void agentModeSendsSilentEvaluateToPendingInviteesAfterStartAndCounter() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		TestUser cat = signIn("Cat");
		String id = start(olga, List.of(ann, ben, cat), Map.of("agent_mode", true));
		assertThat(notices(id)).containsExactlyInAnyOrder("invited:Ann", "invited:Ben", "invited:Cat", "evaluate:Ann",
				"evaluate:Ben", "evaluate:Cat");
		reply(ann, id, "accept");
		reply(cat, id, "decline");
		clear(id);

		counter(ben, id);

		assertThat(notices(id)).containsExactlyInAnyOrder("countered:Olga", "countered:Ann", "evaluate:Ann");
	}

	@Test
	void replyWhenRetriedAsNoOpNotifiesNobody() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		TestUser cat = signIn("Cat");
		String id = start(olga, List.of(ann, ben, cat), Map.of());
		reply(ann, id, "accept");
		clear(id);
		reply(ann, id, "accept");
		assertThat(notices(id)).isEmpty();
		reply(cat, id, "decline");
		counter(ben, id);
		clear(id);

		reply(cat, id, "decline");
		counter(ben, id);

		assertThat(notices(id)).isEmpty();
		assertThat(api.get("/negotiations/" + id).token(olga.token()).send().data().path("revision").asInt())
			.isEqualTo(3);
	}

	@Test
	void outboxRowsCarryIdsStateAndPlainPreviewOnly() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		Map<String, Object> extra = Map.of("encrypted_payload", "c2VjcmV0IHBsYW5z", "encrypted_blob_version", 1);
		String id = start(olga, List.of(ann), extra);

		Map<String, Object> row = jdbc
			.sql("SELECT kind, state, preview, negotiation_id::text AS negotiation_id"
					+ " FROM notification_outbox WHERE negotiation_id = CAST(:id AS uuid)")
			.param("id", id)
			.query()
			.singleRow();

		assertThat(row).containsEntry("kind", "invited")
			.containsEntry("state", "awaiting_replies")
			.containsEntry("preview", "Olga proposed a coffee")
			.containsEntry("negotiation_id", id);
	}

	// ---------------------------------------------------------------------------------------------

	@Test
	void joinWhenSomeoneNewJoinsByLinkNotifiesTheOrganizerJoined() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann), Map.of());
		String token = api.post("/negotiations/" + id + "/invite-links")
			.token(olga.token())
			.json(Map.of())
			.send()
			.data()
			.path("token")
			.asString();
		clear(id);

		assertThat(api.post("/invites/" + token + "/join").token(ben.token()).send().status()).isEqualTo(200);
		assertThat(notices(id)).containsExactly("joined:Olga");

		clear(id);
		assertThat(api.post("/invites/" + token + "/join").token(ben.token()).send().status()).isEqualTo(200);
		assertThat(notices(id)).as("joining again changes nothing and notifies nobody").isEmpty();
	}

	private String start(TestUser organizer, List<TestUser> invitees, Map<String, Object> extra) {
		Map<String, Object> body = NegotiationFixtures.start(invitees);
		body.putAll(extra);
		ApiResponse started = api.post("/negotiate/start").token(organizer.token()).json(body).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.data().path("id").asString();
	}

	private void reply(TestUser user, String id, String action) {
		ApiResponse response = api.post("/negotiate/reply")
			.token(user.token())
			.json(NegotiationFixtures.reply(id, action))
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	private void counter(TestUser user, String id) {
		Map<String, Object> body = NegotiationFixtures.reply(id, "counter");
		body.put("counter_slots", List.of(NegotiationFixtures.slot(NegotiationFixtures.inDays(9))));
		ApiResponse response = api.post("/negotiate/reply").token(user.token()).json(body).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	private List<String> slotIds(TestUser user, String id) {
		return api.get("/negotiations/" + id)
			.token(user.token())
			.send()
			.data()
			.path("proposed_slots")
			.findValuesAsString("id");
	}

	private List<String> awaitingMe(TestUser user) {
		return api.get("/negotiations?awaiting_me=true&limit=100")
			.token(user.token())
			.send()
			.data()
			.findValuesAsString("id");
	}

	/** "kind:display name" of every outbox row about this negotiation. */
	private List<String> notices(String id) {
		return new ArrayList<>(jdbc
			.sql("""
					SELECT o.kind || ':' || u.display_name FROM notification_outbox o JOIN app_users u ON u.id = o.recipient_id
					 WHERE o.negotiation_id = CAST(:id AS uuid)
					""")
			.param("id", id)
			.query(String.class)
			.list());
	}

	/** "kind:name:attending:preview" of every notification about this negotiation. */
	private List<String> attendance(String id) {
		return jdbc.sql("""
				SELECT o.kind || ':' || u.display_name || ':' || coalesce(o.attending::text, 'null') || ':' || o.preview
				  FROM notification_outbox o JOIN app_users u ON u.id = o.recipient_id
				 WHERE o.negotiation_id = CAST(:id AS uuid)
				""").param("id", id).query(String.class).list();
	}

	private void clear(String id) {
		jdbc.sql("DELETE FROM notification_outbox WHERE negotiation_id = CAST(:id AS uuid)").param("id", id).update();
	}

	private void makeOverdue(String id) {
		jdbc.sql("UPDATE negotiations SET expires_at = now() - interval '1 second' WHERE id = CAST(:id AS uuid)")
			.param("id", id)
			.update();
	}

}
