package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.negotiation.NegotiationCalls.Setup;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.inDays;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.slot;
import static com.amiqo.kairos.negotiation.NegotiationJson.assertTransitionDetails;
import static com.amiqo.kairos.negotiation.NegotiationJson.details;
import static com.amiqo.kairos.negotiation.NegotiationJson.statusOf;
import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals that depend on the negotiation's current state or revision: {@code CONFLICT},
 * {@code INVALID_STATE_TRANSITION}, {@code NEGOTIATION_EXPIRED} and the stale
 * {@code If-Match} ({@code 412}) (docs/reference.md#negotiation-states). Refusals of the
 * people and options a request names are {@link NegotiationOptionErrorsTest}.
 */
class NegotiationStateErrorsTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

	// ================================================================ CONFLICT

	@Test
	void startWhenSameIdWithDifferentBodyReturns409ConflictAndKeepsTheOriginal() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = UUID.randomUUID().toString();
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		body.put("id", id);
		negotiations.startOk(alice, body);
		Map<String, Object> changed = new LinkedHashMap<>(body);
		changed.put("title", "Something else");

		ApiResponse response = negotiations.start(alice, changed);

		assertErrorEnvelope(response, 409, "CONFLICT");
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(id);
		assertThat(details(response).path("field").asString()).isEqualTo("id");
		ApiResponse view = negotiations.get(alice, id);
		assertThat(view.data().path("title").asString()).isEqualTo("Coffee catch-up");
		assertThat(view.data().path("revision").asInt()).isZero();
		assertThat(negotiations.negotiationsOwnedBy(alice)).isEqualTo(1);
	}

	@Test
	void startWhenSameIdAndBodyByAnotherUserReturns409ConflictAndCreatesNothing() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = UUID.randomUUID().toString();
		Map<String, Object> body = NegotiationFixtures.start(List.of(carol));
		body.put("id", id);
		negotiations.startOk(alice, body);

		ApiResponse response = negotiations.start(bob, body);

		assertErrorEnvelope(response, 409, "CONFLICT");
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(id);
		assertThat(negotiations.negotiationsOwnedBy(bob)).isZero();
		assertThat(negotiations.get(bob, id).errorCode()).as("Bob did not become a participant")
			.isEqualTo("USER_NOT_PARTICIPANT");
		assertThat(negotiations.get(alice, id).data().path("owner_id").asString()).isEqualTo(alice.uid());
	}

	@Test
	void startWhenSameIdDiffersOnlyBelowOneSecondReturns409Conflict() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = UUID.randomUUID().toString();
		Instant start = inDays(2);
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		body.put("id", id);
		Map<String, Object> precise = slot(start.plusMillis(250));
		body.put("proposed_slots", List.of(precise));
		negotiations.startOk(alice, body);
		Map<String, Object> rounded = new LinkedHashMap<>(body);
		rounded.put("proposed_slots", List.of(slot(start)));

		ApiResponse same = negotiations.start(alice, body);
		ApiResponse different = negotiations.start(alice, rounded);

		assertThat(same.status()).as(same.toString()).isEqualTo(200);
		assertErrorEnvelope(different, 409, "CONFLICT");
		assertThat(details(different).path("negotiation_id").asString()).isEqualTo(id);
		assertThat(negotiations.slotRows(id)).isEqualTo(1);
	}

	// ================================================================
	// INVALID_STATE_TRANSITION

	@Test
	void replyWhenOrganizerDeclinesReturns409InvalidStateTransitionWithDetails() {
		Setup s = negotiations.threeWay();

		ApiResponse response = negotiations.reply(s.alice(), NegotiationFixtures.reply(s.id(), "decline"));

		assertErrorEnvelope(response, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(response, s.id(), "awaiting_replies", "decline");
		ApiResponse view = negotiations.get(s.alice(), s.id());
		assertThat(view.data().path("revision").asInt()).isZero();
		assertThat(view.data().path("my_status").asString()).isEqualTo("organizer");
	}

	@Test
	void replyWhenNegotiationConfirmedReturns409InvalidStateTransitionForCounterOrOrganizerDecline() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		JsonNode started = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob)));
		String id = started.path("id").asString();
		assertThat(negotiations.reply(bob, NegotiationFixtures.reply(id, "accept")).data().path("state").asString())
			.isEqualTo("confirmed");
		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_slots", List.of(slot(inDays(9))));

		// An invitee's accept or decline is an RSVP now (see RsvpTest); nobody counters a
		// confirmed plan and the organizer cannot decline it.
		for (Object[] attempt : List.of(new Object[] { bob, counter, "counter" },
				new Object[] { alice, NegotiationFixtures.reply(id, "decline"), "decline" })) {
			@SuppressWarnings("unchecked")
			ApiResponse response = negotiations.reply((TestUser) attempt[0], (Map<String, Object>) attempt[1]);
			assertErrorEnvelope(response, 409, "INVALID_STATE_TRANSITION");
			assertTransitionDetails(response, id, "confirmed", (String) attempt[2]);
		}
		ApiResponse view = negotiations.get(alice, id);
		assertThat(view.data().path("revision").asInt()).isEqualTo(1);
		assertThat(statusOf(view.data(), bob)).isEqualTo("accepted");
		assertThat(negotiations.slotRows(id)).isEqualTo(2);
		assertThat(jdbc.sql("SELECT count(*) FROM events WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void replyAndCancelWhenNegotiationCancelledReturn409InvalidStateTransition() {
		Setup s = negotiations.threeWay();
		ApiResponse cancelled = api.post("/negotiate/cancel")
			.token(s.alice().token())
			.json(Map.of("negotiation_id", s.id()))
			.send();
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

		ApiResponse accept = negotiations.reply(s.bob(), NegotiationFixtures.reply(s.id(), "accept"));
		ApiResponse cancelAgain = api.post("/negotiate/cancel")
			.token(s.alice().token())
			.json(Map.of("negotiation_id", s.id()))
			.send();

		assertErrorEnvelope(accept, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(accept, s.id(), "cancelled", "accept");
		assertErrorEnvelope(cancelAgain, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(cancelAgain, s.id(), "cancelled", "cancel");
		negotiations.assertUnchanged(s, 1, "invited");
	}

	@Test
	void replyWhenOrganizerDeclinesOrCountersADraftReturns409InvalidStateTransition() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = NegotiationFixtures.start(List.of(bob));
		body.put("send", false);
		String id = negotiations.startOk(alice, body).path("id").asString();
		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_slots", List.of(slot(inDays(8))));

		ApiResponse decline = negotiations.reply(alice, NegotiationFixtures.reply(id, "decline"));
		ApiResponse counterDraft = negotiations.reply(alice, counter);

		assertErrorEnvelope(decline, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(decline, id, "awaiting_invites", "decline");
		assertErrorEnvelope(counterDraft, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(counterDraft, id, "awaiting_invites", "counter");
		ApiResponse view = negotiations.get(alice, id);
		assertThat(view.data().path("state").asString()).isEqualTo("awaiting_invites");
		assertThat(view.data().path("revision").asInt()).isZero();
		assertThat(negotiations.slotRows(id)).isEqualTo(2);
	}

	@Test
	void cancelWhenOverdueReturns409InvalidStateTransitionWithCurrentStateExpired() {
		Setup s = negotiations.threeWay();
		negotiations.expireNow(s.id());

		ApiResponse response = api.post("/negotiate/cancel")
			.token(s.alice().token())
			.json(Map.of("negotiation_id", s.id()))
			.send();

		assertErrorEnvelope(response, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(response, s.id(), "expired", "cancel");
		assertThat(negotiations.get(s.alice(), s.id()).data().path("state").asString()).isEqualTo("expired");
	}

	@Test
	void replyWhenConfirmedAndOptionsUnknownReturns409BeforeCheckingOptions() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob))).path("id").asString();
		negotiations.reply(bob, NegotiationFixtures.reply(id, "accept"));
		Map<String, Object> body = NegotiationFixtures.reply(id, "accept");
		body.put("slot_ids", List.of(UUID.randomUUID().toString()));

		ApiResponse response = negotiations.reply(alice, body);

		assertErrorEnvelope(response, 409, "INVALID_STATE_TRANSITION");
		assertTransitionDetails(response, id, "confirmed", "accept");
	}

	// ================================================================
	// NEGOTIATION_EXPIRED

	@Test
	void replyWhenExpiredReturns409NegotiationExpiredWithDetailsAndLeavesAnswerUnchanged() {
		Setup s = negotiations.threeWay();
		ApiResponse before = negotiations.get(s.alice(), s.id());
		negotiations.expireNow(s.id());

		ApiResponse response = negotiations.reply(s.bob(), NegotiationFixtures.reply(s.id(), "accept"));

		assertErrorEnvelope(response, 409, "NEGOTIATION_EXPIRED");
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(s.id());
		assertThat(details(response).path("current_state").asString()).isEqualTo("expired");
		assertThat(details(response).path("expires_at").asString()).isNotBlank();
		ApiResponse view = negotiations.get(s.alice(), s.id());
		assertThat(view.data().path("state").asString()).isEqualTo("expired");
		assertThat(statusOf(view.data(), s.bob())).isEqualTo("invited");
		assertThat(view.data().path("last_message_preview").asString())
			.isEqualTo(before.data().path("last_message_preview").asString());
	}

	@Test
	void replyWhenExpiredAndActionWouldBeRefusedAnywayReturns409NegotiationExpiredFirst() {
		Setup s = negotiations.threeWay();
		negotiations.expireNow(s.id());

		ApiResponse response = negotiations.reply(s.alice(), NegotiationFixtures.reply(s.id(), "decline"));

		assertErrorEnvelope(response, 409, "NEGOTIATION_EXPIRED");
	}

	// ================================================================
	// PRECONDITION_FAILED

	@Test
	void replyWhenIfMatchIsStaleReturns412PreconditionFailedWithCurrentRevision() {
		Setup s = negotiations.threeWay();
		ApiResponse carol = negotiations.reply(s.carol(), NegotiationFixtures.reply(s.id(), "decline"));
		assertThat(carol.data().path("revision").asInt()).isEqualTo(1);

		ApiResponse response = api.post("/negotiate/reply")
			.token(s.bob().token())
			.header("If-Match", "\"0\"")
			.json(NegotiationFixtures.reply(s.id(), "accept"))
			.send();

		assertErrorEnvelope(response, 412, "PRECONDITION_FAILED");
		assertThat(details(response).path("current_revision").asInt()).isEqualTo(1);
		assertThat(details(response).path("negotiation_id").asString()).isEqualTo(s.id());
		negotiations.assertUnchanged(s, 1, "invited");
		ApiResponse current = api.post("/negotiate/reply")
			.token(s.bob().token())
			.header("If-Match", "\"1\"")
			.json(NegotiationFixtures.reply(s.id(), "accept"))
			.send();
		assertThat(current.status()).as("the current ETag is accepted: " + current).isEqualTo(200);
		assertThat(current.data().path("state").asString()).isEqualTo("confirmed");
	}

	@Test
	void replyWhenIfMatchIsWeakOrUnquotedCurrentRevisionSucceeds() {
		Setup s = negotiations.threeWay();
		ApiResponse etag = negotiations.get(s.bob(), s.id());
		assertThat(etag.header("ETag")).isEqualTo("\"0\"");

		ApiResponse weak = api.post("/negotiate/reply")
			.token(s.bob().token())
			.header("If-Match", "W/\"0\"")
			.json(NegotiationFixtures.reply(s.id(), "decline"))
			.send();
		ApiResponse bare = api.post("/negotiate/reply")
			.token(s.carol().token())
			.header("If-Match", "1")
			.json(NegotiationFixtures.reply(s.id(), "decline"))
			.send();

		assertThat(weak.status()).as(weak.toString()).isEqualTo(200);
		assertThat(bare.status()).as(bare.toString()).isEqualTo(200);
		assertThat(bare.data().path("state").asString()).isEqualTo("cancelled");
	}

	@Test
	void replyWhenIdenticalRepeatCarriesStaleIfMatchReturns200NoOp() {
		Setup s = negotiations.threeWay();
		assertThat(negotiations.reply(s.bob(), NegotiationFixtures.reply(s.id(), "decline")).status()).isEqualTo(200);
		assertThat(negotiations.reply(s.carol(), NegotiationFixtures.reply(s.id(), "accept")).status()).isEqualTo(200);
		int revision = negotiations.get(s.alice(), s.id()).data().path("revision").asInt();

		ApiResponse retry = api.post("/negotiate/reply")
			.token(s.bob().token())
			.header("If-Match", "\"0\"")
			.json(NegotiationFixtures.reply(s.id(), "decline"))
			.send();

		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.data().path("revision").asInt()).isEqualTo(revision);
	}

	@Test
	void replyWhenExpiredAndIfMatchStaleReturns412BeforeExpiry() {
		Setup s = negotiations.threeWay();
		negotiations.reply(s.carol(), NegotiationFixtures.reply(s.id(), "decline"));
		negotiations.expireNow(s.id());

		ApiResponse response = api.post("/negotiate/reply")
			.token(s.bob().token())
			.header("If-Match", "\"0\"")
			.json(NegotiationFixtures.reply(s.id(), "accept"))
			.send();

		assertErrorEnvelope(response, 412, "PRECONDITION_FAILED");
	}

}
