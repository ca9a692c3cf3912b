package com.amiqo.kairos.negotiation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amiqo.kairos.negotiation.NegotiationCalls.Setup;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.inDays;
import static com.amiqo.kairos.negotiation.NegotiationJson.details;
import static com.amiqo.kairos.negotiation.NegotiationJson.statusOf;
import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may see and change what: {@code USER_NOT_PARTICIPANT}, {@code
 * ORGANIZER_ONLY_ACTION}, {@code USER_NOT_EVENT_OWNER}, {@code EVENT_CREATION_DISABLED}
 * and {@code NOT_FOUND} (docs/reference.md#authentication,
 * docs/reference.md#negotiation-states, docs/reference.md#events).
 */
class NegotiationAccessErrorsTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

	// ================================================================
	// USER_NOT_PARTICIPANT

	@Test
	void getReplyAndCancelWhenStrangerReturn403UserNotParticipant() {
		Setup s = negotiations.threeWay();
		TestUser mallory = signIn("Mallory");

		List<ApiResponse> refusals = List.of(negotiations.get(mallory, s.id()),
				negotiations.reply(mallory, NegotiationFixtures.reply(s.id(), "accept")),
				negotiations.reply(mallory, NegotiationFixtures.reply(s.id(), "decline")),
				api.post("/negotiate/cancel").token(mallory.token()).json(Map.of("negotiation_id", s.id())).send());

		for (ApiResponse refusal : refusals) {
			assertErrorEnvelope(refusal, 403, "USER_NOT_PARTICIPANT");
			assertThat(details(refusal).path("negotiation_id").asString()).isEqualTo(s.id());
		}
		negotiations.assertUnchanged(s, 0, "invited");
		assertThat(negotiations.get(s.alice(), s.id()).data().path("participant_count").asInt()).isEqualTo(3);
	}

	@Test
	void replyWhenStrangerToExpiredNegotiationReturns403BeforeExpiry() {
		Setup s = negotiations.threeWay();
		negotiations.expireNow(s.id());
		TestUser mallory = signIn("Mallory");

		ApiResponse response = negotiations.reply(mallory, NegotiationFixtures.reply(s.id(), "accept"));

		assertErrorEnvelope(response, 403, "USER_NOT_PARTICIPANT");
	}

	// ================================================================
	// ORGANIZER_ONLY_ACTION

	@Test
	void cancelWhenInviteeReturns403OrganizerOnlyActionAndNegotiationStaysOpen() {
		Setup s = negotiations.threeWay();

		ApiResponse response = api.post("/negotiate/cancel")
			.token(s.bob().token())
			.json(Map.of("negotiation_id", s.id(), "reason", "I'd rather not"))
			.send();

		assertErrorEnvelope(response, 403, "ORGANIZER_ONLY_ACTION");
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(s.id());
		assertThat(details(response).path("requested_action").asString()).isEqualTo("cancel");
		negotiations.assertUnchanged(s, 0, "invited");
		assertThat(negotiations.get(s.bob(), s.id()).data().path("state").asString()).isEqualTo("awaiting_replies");
	}

	@Test
	void cancelWhenInviteeOfConfirmedNegotiationReturns403AndEventsStayConfirmed() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob))).path("id").asString();
		assertThat(negotiations.reply(bob, NegotiationFixtures.reply(id, "accept")).data().path("state").asString())
			.isEqualTo("confirmed");

		ApiResponse response = api.post("/negotiate/cancel")
			.token(bob.token())
			.json(Map.of("negotiation_id", id))
			.send();

		assertErrorEnvelope(response, 403, "ORGANIZER_ONLY_ACTION");
		assertThat(negotiations.get(alice, id).data().path("state").asString()).isEqualTo("confirmed");
		assertThat(jdbc.sql("SELECT count(*) FROM events WHERE negotiation_id = ? AND status = 'confirmed'")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	// ================================================================
	// USER_NOT_EVENT_OWNER / EVENT_CREATION_DISABLED

	@Test
	void getEventWhenOtherParticipantsOrStrangersEventReturns403UserNotEventOwner() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser mallory = signIn("Mallory");
		String id = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob))).path("id").asString();
		negotiations.reply(bob, NegotiationFixtures.reply(id, "accept"));
		String aliceEvent = jdbc.sql("""
				SELECT e.id FROM events e JOIN app_users u ON u.id = e.owner_id
				 WHERE e.negotiation_id = ? AND u.firebase_uid = ?""")
			.param(UUID.fromString(id))
			.param(alice.uid())
			.query(UUID.class)
			.single()
			.toString();

		for (TestUser intruder : List.of(bob, mallory)) {
			ApiResponse response = api.get("/events/" + aliceEvent).token(intruder.token()).send();
			assertErrorEnvelope(response, 403, "USER_NOT_EVENT_OWNER");
			assertThat(details(response).path("event_id").asString()).isEqualTo(aliceEvent);
		}
		ApiResponse own = api.get("/events/" + aliceEvent).token(alice.token()).send();
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(own.data().path("owner_id").asString()).isEqualTo(alice.uid());
	}

	@Test
	void createEventWhenAnyBodyReturns403EventCreationDisabledAndCreatesNothing() {
		TestUser alice = signIn("Alice");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "Standalone");
		body.put("owner_id", alice.uid());
		body.put("starts_at", inDays(2).toString());
		body.put("ends_at", inDays(2).plusSeconds(3600).toString());

		for (ApiResponse response : List.of(api.post("/events").token(alice.token()).json(body).send(),
				api.post("/events").token(alice.token()).json("{}").send(),
				api.post("/events").token(alice.token()).send())) {
			assertErrorEnvelope(response, 403, "EVENT_CREATION_DISABLED");
		}
		assertThat(
				jdbc.sql("SELECT count(*) FROM events e JOIN app_users u ON u.id = e.owner_id WHERE u.firebase_uid = ?")
					.param(alice.uid())
					.query(Long.class)
					.single())
			.isZero();
	}

	// ================================================================ NOT_FOUND

	@Test
	void getReplyCancelWhenNegotiationUnknownReturn404NotFound() {
		TestUser alice = signIn("Alice");
		String unknown = UUID.randomUUID().toString();

		for (ApiResponse response : List.of(negotiations.get(alice, unknown),
				negotiations.reply(alice, NegotiationFixtures.reply(unknown, "accept")),
				api.post("/negotiate/cancel").token(alice.token()).json(Map.of("negotiation_id", unknown)).send(),
				api.get("/events/" + UUID.randomUUID()).token(alice.token()).send())) {
			assertErrorEnvelope(response, 404, "NOT_FOUND");
		}
	}

	@Test
	void getReplyCancelWhenDraftAndCallerIsNotOrganizerReturn404NotFound() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser mallory = signIn("Mallory");
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		body.put("send", false);
		String id = negotiations.startOk(alice, body).path("id").asString();

		for (TestUser caller : List.of(bob, mallory)) {
			for (ApiResponse response : List.of(negotiations.get(caller, id),
					negotiations.reply(caller, NegotiationFixtures.reply(id, "accept")),
					negotiations.reply(caller, NegotiationFixtures.reply(id, "decline")),
					api.post("/negotiate/cancel").token(caller.token()).json(Map.of("negotiation_id", id)).send())) {
				assertErrorEnvelope(response, 404, "NOT_FOUND");
			}
		}
		ApiResponse view = negotiations.get(alice, id);
		assertThat(view.data().path("state").asString()).isEqualTo("awaiting_invites");
		assertThat(view.data().path("revision").asInt()).isZero();
		assertThat(statusOf(view.data(), bob)).isEqualTo("invited");
	}

}
