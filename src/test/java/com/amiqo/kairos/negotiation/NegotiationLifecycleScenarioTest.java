package com.amiqo.kairos.negotiation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.accept;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.body;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.inDays;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.slot;
import static com.amiqo.kairos.negotiation.NegotiationJson.ids;
import static com.amiqo.kairos.negotiation.NegotiationJson.participant;
import static com.amiqo.kairos.negotiation.NegotiationJson.slotId;
import static com.amiqo.kairos.negotiation.NegotiationJson.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A negotiation's life around the answers: expiry, cancelling a confirmed plan, drafts,
 * safely retried requests and whose encrypted blob comes back
 * (docs/reference.md#creating-a-negotiation, docs/reference.md#negotiation-states,
 * docs/reference.md#expiry, docs/reference.md#encrypted-blobs,
 * docs/reference.md#reading-negotiations).
 */
class NegotiationLifecycleScenarioTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

	// ---------------------------------------------------------------- expiry

	@Test
	void replyWhenDeadlinePassedReturns409NegotiationExpiredAndMarksItExpired() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = negotiations.startOk(alice, body(List.of(bob, carol), List.of(inDays(2)), List.of()))
			.path("id")
			.asString();
		assertThat(negotiations.reply(bob, NegotiationFixtures.reply(id, "accept")).status()).isEqualTo(200);
		negotiations.expireNow(id);

		ApiResponse late = negotiations.reply(carol, NegotiationFixtures.reply(id, "accept"));

		assertThat(late.status()).as(late.toString()).isEqualTo(409);
		assertThat(late.errorCode()).isEqualTo("NEGOTIATION_EXPIRED");
		assertThat(late.error().path("details").path("negotiation_id").asString()).isEqualTo(id);
		assertThat(late.error().path("details").path("current_state").asString()).isEqualTo("expired");
		assertThat(jdbc.sql("SELECT state FROM negotiations WHERE id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("expired");
		ApiResponse view = negotiations.get(alice, id);
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.data().path("state").asString()).isEqualTo("expired");
		assertThat(statusOf(view.data(), carol)).isEqualTo("invited");
		assertThat(negotiations.eventRows(id)).isZero();
		assertThat(negotiations.listIds(carol, "/negotiations?state=expired")).containsExactly(id);
		assertThat(negotiations.listIds(carol, "/negotiations?awaiting_me=true")).doesNotContain(id);
	}

	@Test
	void replyWhenIdenticalToRecordedAnswerAfterExpiryReturns200NoOp() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = negotiations.startOk(alice, body(List.of(bob, carol), List.of(inDays(2)), List.of()))
			.path("id")
			.asString();
		assertThat(negotiations.reply(bob, NegotiationFixtures.reply(id, "decline")).status()).isEqualTo(200);
		negotiations.expireNow(id);
		// Another participant's late reply marks it expired.
		assertThat(negotiations.reply(carol, NegotiationFixtures.reply(id, "accept")).errorCode())
			.isEqualTo("NEGOTIATION_EXPIRED");
		int revision = negotiations.get(alice, id).data().path("revision").asInt();

		ApiResponse retry = negotiations.reply(bob, NegotiationFixtures.reply(id, "decline"));

		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.data().path("state").asString()).isEqualTo("expired");
		assertThat(retry.data().path("revision").asInt()).isEqualTo(revision);
	}

	@Test
	void getWhenDeadlinePassedShowsExpiredEvenBeforeAnyWrite() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = negotiations.startOk(alice, body(List.of(bob), List.of(inDays(2)), List.of()))
			.path("id")
			.asString();
		negotiations.expireNow(id);

		assertThat(negotiations.get(bob, id).data().path("state").asString()).isEqualTo("expired");
		assertThat(negotiations.listIds(alice, "/negotiations?state=expired")).containsExactly(id);
		assertThat(negotiations.listIds(alice, "/negotiations?state=awaiting_replies")).doesNotContain(id);
	}

	// ---------------------------------------------------------------- cancel confirmed

	@Test
	void cancelWhenOrganizerCancelsConfirmedPlanTurnsEveryParticipantsEventCancelled() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = negotiations.startOk(alice, body(List.of(bob, carol), List.of(inDays(2)), List.of("Alpha")))
			.path("id")
			.asString();
		negotiations.reply(bob, NegotiationFixtures.reply(id, "accept"));
		assertThat(negotiations.reply(carol, NegotiationFixtures.reply(id, "accept")).data().path("state").asString())
			.isEqualTo("confirmed");
		Map<TestUser, String> eventIds = new HashMap<>();
		for (TestUser user : List.of(alice, bob, carol)) {
			eventIds.put(user, negotiations.onlyEventFor(user, id).path("id").asString());
		}

		ApiResponse cancelled = api.post("/negotiate/cancel")
			.token(alice.token())
			.json(Map.of("negotiation_id", id, "reason", "Rain"))
			.send();

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.data().path("state").asString()).isEqualTo("cancelled");
		assertThat(cancelled.data().path("last_message_preview").asString()).isEqualTo("Alice cancelled: Rain");
		assertThat(cancelled.data().path("revision").asInt()).isEqualTo(3);
		for (TestUser user : List.of(alice, bob, carol)) {
			String eventId = eventIds.get(user);
			ApiResponse event = api.get("/events/" + eventId).token(user.token()).send();
			assertThat(event.status()).as(event.toString()).isEqualTo(200);
			assertThat(event.data().path("status").asString()).isEqualTo("cancelled");
			assertThat(negotiations.listIds(user, "/events?status=cancelled")).containsExactly(eventId);
			assertThat(negotiations.listIds(user, "/events?status=confirmed")).isEmpty();
			assertThat(negotiations.listIds(user, "/events/upcoming")).doesNotContain(eventId);
			assertThat(negotiations.get(user, id).data().path("state").asString()).isEqualTo("cancelled");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM events WHERE negotiation_id = ? AND status = 'cancelled'")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	// ---------------------------------------------------------------- drafts

	@Test
	void startWhenSendFalseKeepsDraftInvisibleToInviteesUntilOrganizerSendsIt() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = body(List.of(bob), List.of(inDays(2)), List.of());
		body.put("send", false);
		ApiResponse started = negotiations.start(alice, body);
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		assertThat(started.data().path("state").asString()).isEqualTo("awaiting_invites");
		String id = started.data().path("id").asString();

		assertThat(negotiations.get(bob, id).status()).isEqualTo(404);
		assertThat(negotiations.get(bob, id).errorCode()).isEqualTo("NOT_FOUND");
		ApiResponse earlyReply = negotiations.reply(bob, NegotiationFixtures.reply(id, "accept"));
		assertThat(earlyReply.status()).as(earlyReply.toString()).isEqualTo(404);
		assertThat(earlyReply.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(negotiations.listIds(bob, "/negotiations")).doesNotContain(id);
		assertThat(negotiations.listIds(bob, "/negotiations?state=awaiting_invites")).doesNotContain(id);
		assertThat(negotiations.get(alice, id).status()).isEqualTo(200);
		assertThat(negotiations.listIds(alice, "/negotiations?state=awaiting_invites")).containsExactly(id);
		JsonNode summary = api.get("/negotiations?state=awaiting_invites").token(alice.token()).send().data().path(0);
		assertThat(summary.path("state").asString()).isEqualTo("awaiting_invites");
		assertThat(summary.path("my_status").asString()).isEqualTo("organizer");
		assertThat(summary.has("participants") || summary.has("proposed_slots") || summary.has("proposed_venues")
				|| summary.has("encrypted_payload"))
			.as("a summary: " + summary)
			.isFalse();
		assertThat(statusOf(negotiations.get(alice, id).data(), bob)).as("the refused reply left no trace")
			.isEqualTo("invited");

		ApiResponse sent = negotiations.reply(alice, NegotiationFixtures.reply(id, "accept"));

		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(sent.data().path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(sent.data().path("revision").asInt()).isEqualTo(1);
		assertThat(sent.data().path("last_message_preview").asString()).isEqualTo("Alice proposed a coffee");
		ApiResponse visible = negotiations.get(bob, id);
		assertThat(visible.status()).as(visible.toString()).isEqualTo(200);
		assertThat(visible.data().path("my_status").asString()).isEqualTo("invited");
		assertThat(negotiations.listIds(bob, "/negotiations")).contains(id);
		assertThat(negotiations.listIds(bob, "/negotiations?awaiting_me=true")).contains(id);
		ApiResponse answer = negotiations.reply(bob, NegotiationFixtures.reply(id, "accept"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.data().path("state").asString()).isEqualTo("confirmed");
	}

	// ---------------------------------------------------------------- safe retries

	@Test
	void startWhenRetriedWithSameIdAndBodyReturns200SameResourceAndCreatesNothingTwice() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = UUID.randomUUID().toString();
		Map<String, Object> body = body(List.of(bob), List.of(inDays(2), inDays(3)), List.of("Alpha"));
		body.put("id", id);

		ApiResponse first = negotiations.start(alice, body);
		ApiResponse retry = negotiations.start(alice, body);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.header("ETag")).isEqualTo("\"0\"");
		assertThat(retry.data().path("id").asString()).isEqualTo(id);
		assertThat(retry.data().path("revision").asInt()).isZero();
		assertThat(ids(retry.data().path("proposed_slots"))).isEqualTo(ids(first.data().path("proposed_slots")));
		assertThat(retry.data().path("created_at").asString()).isEqualTo(first.data().path("created_at").asString());
		UUID uuid = UUID.fromString(id);
		assertThat(negotiations.count("SELECT count(*) FROM negotiations WHERE id = ?", uuid)).isEqualTo(1);
		assertThat(negotiations.count("SELECT count(*) FROM proposed_slots WHERE negotiation_id = ?", uuid))
			.isEqualTo(2);
		assertThat(negotiations.count("SELECT count(*) FROM proposed_venues WHERE negotiation_id = ?", uuid))
			.isEqualTo(1);
		assertThat(negotiations.count("SELECT count(*) FROM negotiation_participants WHERE negotiation_id = ?", uuid))
			.isEqualTo(2);
		assertThat(negotiations.listIds(bob, "/negotiations")).containsExactly(id);
	}

	@Test
	void replyWhenRetriedIdenticallyKeepsRevisionAndWritesNothing() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		JsonNode started = negotiations.startOk(alice,
				body(List.of(bob, carol), List.of(inDays(2), inDays(3)), List.of()));
		String id = started.path("id").asString();
		Map<String, Object> answer = accept(id, List.of(slotId(started, 1)), null);

		ApiResponse first = negotiations.reply(bob, answer);
		ApiResponse retry = negotiations.reply(bob, answer);

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.data().path("revision").asInt()).isEqualTo(1);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.data().path("revision").asInt()).isEqualTo(1);
		assertThat(retry.header("ETag")).isEqualTo("\"1\"");
		assertThat(retry.data().path("updated_at").asString()).isEqualTo(first.data().path("updated_at").asString());
		assertThat(participant(retry.data(), bob).path("responded_at").asString())
			.isEqualTo(participant(first.data(), bob).path("responded_at").asString());
		assertThat(
				negotiations.count("SELECT count(*) FROM proposed_slots WHERE negotiation_id = ?", UUID.fromString(id)))
			.isEqualTo(2);
	}

	@Test
	void replyWhenConfirmingReplyIsRetriedCreatesNoSecondSetOfEvents() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = negotiations.startOk(alice, body(List.of(bob), List.of(inDays(2)), List.of("Alpha")))
			.path("id")
			.asString();

		ApiResponse first = negotiations.reply(bob, NegotiationFixtures.reply(id, "accept"));
		ApiResponse retry = negotiations.reply(bob, NegotiationFixtures.reply(id, "accept"));

		assertThat(first.data().path("state").asString()).isEqualTo("confirmed");
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.data().path("state").asString()).isEqualTo("confirmed");
		assertThat(retry.data().path("revision").asInt()).isEqualTo(first.data().path("revision").asInt());
		assertThat(negotiations.eventRows(id)).isEqualTo(2);
		assertThat(negotiations.listIds(bob, "/events")).hasSize(1);
	}

	@Test
	void replyWhenCounterIsRetriedAddsTheNewSlotOnlyOnce() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = negotiations.startOk(alice, body(List.of(bob), List.of(inDays(2)), List.of()))
			.path("id")
			.asString();
		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_slots", List.of(slot(inDays(6))));

		ApiResponse first = negotiations.reply(bob, counter);
		ApiResponse retry = negotiations.reply(bob, counter);

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.data().path("revision").asInt()).isEqualTo(1);
		assertThat(retry.data().path("agent_round").asInt()).isEqualTo(1);
		assertThat(retry.data().path("proposed_slots").size()).isEqualTo(2);
		assertThat(
				negotiations.count("SELECT count(*) FROM proposed_slots WHERE negotiation_id = ?", UUID.fromString(id)))
			.isEqualTo(2);
	}

	@Test
	void cancelWhenDraftWasNeverSentKeepsItInvisibleToInvitees() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = body(List.of(bob), List.of(inDays(2)), List.of());
		body.put("send", false);
		String id = negotiations.startOk(alice, body).path("id").asString();

		ApiResponse cancelled = api.post("/negotiate/cancel")
			.token(alice.token())
			.json(Map.of("negotiation_id", id))
			.send();

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.data().path("state").asString()).isEqualTo("cancelled");
		assertThat(negotiations.get(bob, id).status()).isEqualTo(404);
		assertThat(negotiations.listIds(bob, "/negotiations")).doesNotContain(id);
		assertThat(negotiations.listIds(bob, "/negotiations?state=cancelled")).doesNotContain(id);
		assertThat(negotiations.listIds(alice, "/negotiations?state=cancelled")).contains(id);
	}

	@Test
	void expiryWhenDraftWasNeverSentKeepsItInvisibleToInvitees() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = body(List.of(bob), List.of(inDays(2)), List.of());
		body.put("send", false);
		String id = negotiations.startOk(alice, body).path("id").asString();
		negotiations.expireNow(id);

		ApiResponse late = negotiations.reply(alice, NegotiationFixtures.reply(id, "accept"));

		assertThat(late.errorCode()).isEqualTo("NEGOTIATION_EXPIRED");
		assertThat(jdbc.sql("SELECT state FROM negotiations WHERE id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("expired");
		assertThat(negotiations.get(bob, id).status()).isEqualTo(404);
		assertThat(negotiations.listIds(bob, "/negotiations?state=expired")).doesNotContain(id);
		assertThat(negotiations.get(alice, id).data().path("state").asString()).isEqualTo("expired");
	}

	@Test
	void replyBlobIsReturnedOnlyToTheReplier() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = negotiations.startOk(alice, body(List.of(bob, carol), List.of(inDays(2)), List.of()))
			.path("id")
			.asString();
		Map<String, Object> accept = NegotiationFixtures.reply(id, "accept");
		accept.put("encrypted_payload", "c2VjcmV0IG5vdGU=");
		accept.put("encrypted_blob_version", 2);

		ApiResponse mine = negotiations.reply(bob, accept);

		assertThat(participant(mine.data(), bob).path("encrypted_payload").asString()).isEqualTo("c2VjcmV0IG5vdGU=");
		assertThat(participant(mine.data(), bob).path("encrypted_blob_version").asInt()).isEqualTo(2);
		JsonNode seenByCarol = negotiations.get(carol, id).data();
		assertThat(participant(seenByCarol, bob).path("encrypted_payload").isNull()).isTrue();
		assertThat(negotiations.get(alice, id).raw()).doesNotContain("c2VjcmV0IG5vdGU=");
	}

}
