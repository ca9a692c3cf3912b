package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.inDays;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multi-user negotiation scenarios (SPEC §5, §6), each driven over real HTTP by separate
 * signed-in users against the real database.
 */
class NegotiationScenarioTest extends NegotiationApiTest {

	// ---------------------------------------------------------------- 1:1

	@Test
	void startWhenOneInviteeReturns201WithFullResourceAndRevisionZeroEtag() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Instant first = inDays(2);
		Instant second = inDays(3);

		ApiResponse started = start(alice,
				body(List.of(bob), List.of(first, second), List.of("Blue Bottle", "Five Elephant")));

		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		assertThat(started.header("ETag")).isEqualTo("\"0\"");
		JsonNode n = started.data();
		assertThat(n.path("revision").asInt()).isZero();
		assertThat(n.path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(n.path("owner_id").asString()).isEqualTo(alice.uid());
		assertThat(n.path("my_status").asString()).isEqualTo("organizer");
		assertThat(n.path("participant_count").asInt()).isEqualTo(2);
		assertThat(n.path("accepted_count").asInt()).isZero();
		assertThat(n.path("agent_round").asInt()).isZero();
		assertThat(n.path("last_actor_id").asString()).isEqualTo(alice.uid());
		assertThat(n.path("last_message_preview").asString()).isEqualTo("Alice proposed a coffee");
		assertThat(n.path("final_slot_id").isNull()).isTrue();
		assertThat(n.path("participants").size()).isEqualTo(2);
		JsonNode organizer = n.path("participants").path(0);
		assertThat(organizer.path("user_id").asString()).isEqualTo(alice.uid());
		assertThat(organizer.path("status").asString()).isEqualTo("organizer");
		assertThat(texts(organizer.path("accepted_slot_ids")))
			.containsExactlyInAnyOrderElementsOf(ids(n.path("proposed_slots")));
		assertThat(texts(organizer.path("accepted_venue_ids")))
			.containsExactlyInAnyOrderElementsOf(ids(n.path("proposed_venues")));
		JsonNode invitee = n.path("participants").path(1);
		assertThat(invitee.path("user_id").asString()).isEqualTo(bob.uid());
		assertThat(invitee.path("status").asString()).isEqualTo("invited");
		assertThat(invitee.path("accepted_slot_ids").size()).isZero();
		assertThat(invitee.path("responded_at").isNull()).isTrue();
		assertThat(startsAts(n)).containsExactly(first.toString(), second.toString());
		assertThat(n.path("proposed_venues").path(0).path("name").asString()).isEqualTo("Blue Bottle");
		assertThat(n.path("proposed_venues").path(1).path("venue_index").asInt()).isEqualTo(1);
	}

	@Test
	void replyWhenSoleInviteeAcceptsConfirmsOnEarliestSlotAndCreatesAnEventForBoth() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Instant early = inDays(2);
		Instant late = inDays(3);
		JsonNode started = startOk(alice,
				body(List.of(bob), List.of(late, early), List.of("Blue Bottle", "Five Elephant")));
		String id = started.path("id").asString();

		ApiResponse replied = reply(bob, replyBody(id, "accept"));

		assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
		assertThat(replied.header("ETag")).isEqualTo("\"1\"");
		JsonNode n = replied.data();
		assertThat(n.path("state").asString()).isEqualTo("confirmed");
		assertThat(n.path("revision").asInt()).isEqualTo(1);
		assertThat(n.path("my_status").asString()).isEqualTo("accepted");
		assertThat(n.path("accepted_count").asInt()).isEqualTo(1);
		assertThat(n.path("last_actor_id").asString()).isEqualTo(bob.uid());
		assertThat(n.path("last_message_preview").asString()).isEqualTo("Bob accepted");
		assertThat(n.path("final_slot_id").asString()).isEqualTo(slotIdStartingAt(started, early));
		assertThat(n.path("final_venue_id").asString()).isEqualTo(venueId(started, 0));
		assertThat(eventRows(id)).isEqualTo(2);
		for (TestUser user : List.of(alice, bob)) {
			JsonNode event = onlyEventFor(user, id);
			assertThat(event.path("owner_id").asString()).isEqualTo(user.uid());
			assertThat(event.path("status").asString()).isEqualTo("confirmed");
			assertThat(event.path("source").asString()).isEqualTo("negotiation");
			assertThat(event.path("title").asString()).isEqualTo("Coffee catch-up");
			assertThat(event.path("starts_at").asString()).isEqualTo(early.toString());
			assertThat(event.path("ends_at").asString()).isEqualTo(early.plusSeconds(3600).toString());
			assertThat(event.path("venue").path("name").asString()).isEqualTo("Blue Bottle");
			assertThat(participantUids(event)).containsExactlyInAnyOrder(alice.uid(), bob.uid());
			ApiResponse upcoming = api.get("/events/upcoming").token(user.token()).send();
			assertThat(upcoming.status()).as(upcoming.toString()).isEqualTo(200);
			assertThat(ids(upcoming.data())).contains(event.path("id").asString());
			ApiResponse one = api.get("/events/" + event.path("id").asString()).token(user.token()).send();
			assertThat(one.status()).as(one.toString()).isEqualTo(200);
			assertThat(one.data().path("negotiation_id").asString()).isEqualTo(id);
		}
	}

	@Test
	void startWhenParticipantIdsRepeatOrganizerAndDuplicatesDropsThem() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = body(List.of(bob), List.of(inDays(2)), List.of());
		body.put("participant_ids", List.of(bob.uid(), alice.uid(), bob.uid()));

		JsonNode n = startOk(alice, body);

		assertThat(n.path("participant_count").asInt()).isEqualTo(2);
		assertThat(participantUids(n)).containsExactly(alice.uid(), bob.uid());
		assertThat(jdbc.sql("SELECT count(*) FROM negotiation_participants WHERE negotiation_id = ?")
			.param(UUID.fromString(n.path("id").asString()))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	// ---------------------------------------------------------------- group

	@Test
	void replyWhenGroupOfFiveHasTwoDeclinesAndThreePartialAcceptsConfirmsOnEarliestSharedSlotAndLowestSharedVenue() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		TestUser dave = signIn("Dave");
		TestUser erin = signIn("Erin");
		TestUser frank = signIn("Frank");
		// Index order differs from time order: slot 0 is the latest, slot 1 the earliest.
		Instant day4 = inDays(4);
		Instant day2 = inDays(2);
		Instant day3 = inDays(3);
		JsonNode started = startOk(alice, body(List.of(bob, carol, dave, erin, frank), List.of(day4, day2, day3),
				List.of("Alpha", "Beta", "Gamma")));
		String id = started.path("id").asString();
		String s0 = slotId(started, 0);
		String s1 = slotId(started, 1);
		String s2 = slotId(started, 2);
		String v0 = venueId(started, 0);
		String v1 = venueId(started, 1);
		String v2 = venueId(started, 2);

		ApiResponse daveDeclines = reply(dave, replyBody(id, "decline"));
		assertThat(daveDeclines.status()).as(daveDeclines.toString()).isEqualTo(200);
		assertThat(daveDeclines.data().path("last_message_preview").asString()).isEqualTo("Dave declined");
		assertThat(daveDeclines.data().path("my_status").asString()).isEqualTo("declined");
		ApiResponse bobAccepts = reply(bob, accept(id, List.of(s0, s2), List.of(v1, v2)));
		assertThat(bobAccepts.status()).as(bobAccepts.toString()).isEqualTo(200);
		ApiResponse carolAccepts = reply(carol, accept(id, List.of(s1, s2, s0), List.of(v2, v1)));
		assertThat(carolAccepts.status()).as(carolAccepts.toString()).isEqualTo(200);
		ApiResponse erinDeclines = reply(erin, replyBody(id, "decline"));
		assertThat(erinDeclines.status()).as(erinDeclines.toString()).isEqualTo(200);
		assertThat(erinDeclines.data().path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(eventRows(id)).isZero();

		ApiResponse frankAccepts = reply(frank, accept(id, List.of(s2, s0), List.of(v1, v2, v0)));

		assertThat(frankAccepts.status()).as(frankAccepts.toString()).isEqualTo(200);
		JsonNode n = frankAccepts.data();
		assertThat(n.path("state").asString()).isEqualTo("confirmed");
		assertThat(n.path("final_slot_id").asString()).as("earliest shared slot (day 3), not lowest index")
			.isEqualTo(s2);
		assertThat(n.path("final_venue_id").asString()).as("shared venue with the lowest index").isEqualTo(v1);
		assertThat(n.path("accepted_count").asInt()).isEqualTo(3);
		assertThat(n.path("revision").asInt()).isEqualTo(5);
		assertThat(statusOf(n, dave)).isEqualTo("declined");
		assertThat(statusOf(n, erin)).isEqualTo("declined");
		assertThat(statusOf(n, carol)).isEqualTo("accepted");
		JsonNode carolView = participant(n, carol);
		assertThat(texts(carolView.path("accepted_venue_ids"))).containsExactlyInAnyOrder(v1, v2);

		assertThat(eventRows(id)).isEqualTo(4);
		for (TestUser attendee : List.of(alice, bob, carol, frank)) {
			JsonNode event = onlyEventFor(attendee, id);
			assertThat(event.path("starts_at").asString()).isEqualTo(day3.toString());
			assertThat(event.path("venue").path("name").asString()).isEqualTo("Beta");
			assertThat(participantUids(event)).containsExactlyInAnyOrder(alice.uid(), bob.uid(), carol.uid(),
					frank.uid());
		}
		for (TestUser decliner : List.of(dave, erin)) {
			ApiResponse events = api.get("/events").token(decliner.token()).send();
			assertThat(events.status()).as(events.toString()).isEqualTo(200);
			assertThat(ids(events.data())).isEmpty();
			assertThat(listIds(decliner, "/events/upcoming")).isEmpty();
			ApiResponse view = get(decliner, id);
			assertThat(view.status()).as("a decliner still reads the negotiation").isEqualTo(200);
			assertThat(view.data().path("state").asString()).isEqualTo("confirmed");
		}
	}

	@Test
	void replyWhenLastPendingInviteeDeclinesConfirmsForTheRemainingParticipants() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		JsonNode started = startOk(alice, body(List.of(bob, carol), List.of(inDays(2), inDays(3)), List.of()));
		String id = started.path("id").asString();
		ApiResponse bobAccepts = reply(bob, accept(id, List.of(slotId(started, 1)), null));
		assertThat(bobAccepts.data().path("state").asString()).isEqualTo("awaiting_replies");

		ApiResponse carolDeclines = reply(carol, replyBody(id, "decline"));

		assertThat(carolDeclines.status()).as(carolDeclines.toString()).isEqualTo(200);
		assertThat(carolDeclines.data().path("state").asString()).isEqualTo("confirmed");
		assertThat(carolDeclines.data().path("final_slot_id").asString()).isEqualTo(slotId(started, 1));
		assertThat(carolDeclines.data().path("final_venue_id").isNull()).isTrue();
		assertThat(carolDeclines.data().path("last_message_preview").asString()).isEqualTo("Carol declined");
		assertThat(eventRows(id)).isEqualTo(2);
		assertThat(onlyEventFor(bob, id).path("venue").isNull()).isTrue();
		assertThat(listIds(carol, "/events")).isEmpty();
	}

	@Test
	void startWhenTitleBlankAndTimesCarryOffsetsStoresDefaultTitleAndUtcTimes() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Instant day2 = inDays(2);
		Map<String, Object> body = body(List.of(bob), List.of(), List.of());
		body.put("title", "   ");
		Map<String, Object> offsetSlot = new LinkedHashMap<>();
		offsetSlot.put("starts_at", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
			.format(day2.atOffset(java.time.ZoneOffset.ofHours(2))));
		body.put("proposed_slots", List.of(offsetSlot));

		JsonNode n = startOk(alice, body);

		assertThat(n.path("title").asString()).isEqualTo("Untitled invitation");
		JsonNode slot = n.path("proposed_slots").path(0);
		assertThat(slot.path("starts_at").asString()).isEqualTo(day2.toString());
		assertThat(slot.path("duration_minutes").asInt()).isEqualTo(60);
		assertThat(slot.path("timezone").asString()).isEqualTo("UTC");
		assertThat(slot.path("ends_at").asString()).isEqualTo(day2.plusSeconds(3600).toString());
	}

	@Test
	void startWhenTitleHasSurroundingSpacesStoresItTrimmed() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = body(List.of(bob), List.of(inDays(2)), List.of());
		body.put("title", "  Brunch at noon  ");

		JsonNode n = startOk(alice, body);

		assertThat(n.path("title").asString()).isEqualTo("Brunch at noon");
	}

	// ---------------------------------------------------------------- counter

	@Test
	void replyWhenOrganizerAcceptsCounterProposedSlotConfirmsOnThatSlot() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		JsonNode started = startOk(alice, body(List.of(bob), List.of(inDays(2), inDays(3)), List.of("Alpha", "Beta")));
		String id = started.path("id").asString();
		Instant day5 = inDays(5);
		Map<String, Object> counter = replyBody(id, "counter");
		counter.put("counter_slots", List.of(slot(day5)));

		ApiResponse countered = reply(bob, counter);

		assertThat(countered.status()).as(countered.toString()).isEqualTo(200);
		JsonNode c = countered.data();
		assertThat(c.path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(c.path("my_status").asString()).isEqualTo("countered");
		assertThat(c.path("agent_round").asInt()).isEqualTo(1);
		assertThat(c.path("revision").asInt()).isEqualTo(1);
		assertThat(c.path("last_message_preview").asString()).isEqualTo("Bob suggested 1 new time");
		assertThat(c.path("proposed_slots").size()).isEqualTo(3);
		JsonNode newSlot = slotByIndex(c, 2);
		assertThat(newSlot.path("starts_at").asString()).isEqualTo(day5.toString());
		assertThat(newSlot.path("proposed_by").asString()).isEqualTo(bob.uid());
		String newSlotId = newSlot.path("id").asString();
		assertThat(texts(participant(c, bob).path("accepted_slot_ids"))).containsExactly(newSlotId);
		assertThat(listIds(alice, "/negotiations?awaiting_me=true")).contains(id);
		assertThat(listIds(bob, "/negotiations?awaiting_me=true")).doesNotContain(id);
		assertThat(eventRows(id)).isZero();

		ApiResponse accepted = reply(alice, accept(id, List.of(newSlotId), null));

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		JsonNode n = accepted.data();
		assertThat(n.path("state").asString()).isEqualTo("confirmed");
		assertThat(n.path("final_slot_id").asString()).isEqualTo(newSlotId);
		assertThat(n.path("final_venue_id").asString()).isEqualTo(venueId(started, 0));
		assertThat(n.path("my_status").asString()).isEqualTo("organizer");
		assertThat(n.path("last_message_preview").asString()).isEqualTo("Alice accepted");
		assertThat(eventRows(id)).isEqualTo(2);
		assertThat(onlyEventFor(bob, id).path("starts_at").asString()).isEqualTo(day5.toString());
		assertThat(onlyEventFor(alice, id).path("starts_at").asString()).isEqualTo(day5.toString());
	}

	@Test
	void replyWhenDeclinedInviteeCountersRejoinsWithEveryVenueAndCanReachConsensus() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		JsonNode started = startOk(alice,
				body(List.of(bob, carol), List.of(inDays(2), inDays(3)), List.of("Alpha", "Beta")));
		String id = started.path("id").asString();
		assertThat(reply(bob, replyBody(id, "decline")).data().path("my_status").asString()).isEqualTo("declined");
		Instant day5 = inDays(5);
		Map<String, Object> counter = replyBody(id, "counter");
		counter.put("counter_slots", List.of(slot(day5)));

		ApiResponse countered = reply(bob, counter);

		assertThat(countered.status()).as(countered.toString()).isEqualTo(200);
		assertThat(countered.data().path("my_status").asString()).isEqualTo("countered");
		String newSlot = slotId(countered.data(), 2);
		JsonNode bobView = participant(countered.data(), bob);
		assertThat(texts(bobView.path("accepted_slot_ids"))).containsExactly(newSlot);
		assertThat(texts(bobView.path("accepted_venue_ids"))).containsExactlyInAnyOrder(venueId(started, 0),
				venueId(started, 1));
		assertThat(reply(alice, accept(id, List.of(newSlot), null)).data().path("state").asString())
			.isEqualTo("awaiting_replies");
		ApiResponse carolAccepts = reply(carol, accept(id, List.of(newSlot), List.of(venueId(started, 1))));
		assertThat(carolAccepts.data().path("state").asString()).isEqualTo("confirmed");
		assertThat(carolAccepts.data().path("final_slot_id").asString()).isEqualTo(newSlot);
		assertThat(carolAccepts.data().path("final_venue_id").asString()).isEqualTo(venueId(started, 1));
		assertThat(eventRows(id)).isEqualTo(3);
		assertThat(onlyEventFor(bob, id).path("starts_at").asString()).isEqualTo(day5.toString());
	}

	// ---------------------------------------------------------------- everyone declines

	@Test
	void replyWhenEveryInviteeDeclinesCancelsWithoutEvents() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = startOk(alice, body(List.of(bob, carol), List.of(inDays(2)), List.of())).path("id").asString();

		ApiResponse bobDeclines = reply(bob, replyBody(id, "decline"));
		assertThat(bobDeclines.data().path("state").asString()).isEqualTo("awaiting_replies");
		ApiResponse carolDeclines = reply(carol, replyBody(id, "decline"));

		assertThat(carolDeclines.status()).as(carolDeclines.toString()).isEqualTo(200);
		assertThat(carolDeclines.data().path("state").asString()).isEqualTo("cancelled");
		assertThat(carolDeclines.data().path("final_slot_id").isNull()).isTrue();
		assertThat(carolDeclines.data().path("last_message_preview").asString()).isEqualTo("Carol declined");
		assertThat(get(alice, id).data().path("state").asString()).isEqualTo("cancelled");
		assertThat(eventRows(id)).isZero();
		assertThat(listIds(alice, "/events")).isEmpty();
		assertThat(listIds(alice, "/negotiations?state=cancelled")).containsExactly(id);
	}

	// ---------------------------------------------------------------- expiry

	@Test
	void replyWhenDeadlinePassedReturns409NegotiationExpiredAndMarksItExpired() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = startOk(alice, body(List.of(bob, carol), List.of(inDays(2)), List.of())).path("id").asString();
		assertThat(reply(bob, replyBody(id, "accept")).status()).isEqualTo(200);
		expireNow(id);

		ApiResponse late = reply(carol, replyBody(id, "accept"));

		assertThat(late.status()).as(late.toString()).isEqualTo(409);
		assertThat(late.errorCode()).isEqualTo("NEGOTIATION_EXPIRED");
		assertThat(late.error().path("details").path("negotiation_id").asString()).isEqualTo(id);
		assertThat(late.error().path("details").path("current_state").asString()).isEqualTo("expired");
		assertThat(jdbc.sql("SELECT state FROM negotiations WHERE id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("expired");
		ApiResponse view = get(alice, id);
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.data().path("state").asString()).isEqualTo("expired");
		assertThat(statusOf(view.data(), carol)).isEqualTo("invited");
		assertThat(eventRows(id)).isZero();
		assertThat(listIds(carol, "/negotiations?state=expired")).containsExactly(id);
		assertThat(listIds(carol, "/negotiations?awaiting_me=true")).doesNotContain(id);
	}

	@Test
	void replyWhenIdenticalToRecordedAnswerAfterExpiryReturns200NoOp() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = startOk(alice, body(List.of(bob, carol), List.of(inDays(2)), List.of())).path("id").asString();
		assertThat(reply(bob, replyBody(id, "decline")).status()).isEqualTo(200);
		expireNow(id);
		// Another participant's late reply marks it expired.
		assertThat(reply(carol, replyBody(id, "accept")).errorCode()).isEqualTo("NEGOTIATION_EXPIRED");
		int revision = get(alice, id).data().path("revision").asInt();

		ApiResponse retry = reply(bob, replyBody(id, "decline"));

		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.data().path("state").asString()).isEqualTo("expired");
		assertThat(retry.data().path("revision").asInt()).isEqualTo(revision);
	}

	@Test
	void getWhenDeadlinePassedShowsExpiredEvenBeforeAnyWrite() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = startOk(alice, body(List.of(bob), List.of(inDays(2)), List.of())).path("id").asString();
		expireNow(id);

		assertThat(get(bob, id).data().path("state").asString()).isEqualTo("expired");
		assertThat(listIds(alice, "/negotiations?state=expired")).containsExactly(id);
		assertThat(listIds(alice, "/negotiations?state=awaiting_replies")).doesNotContain(id);
	}

	// ---------------------------------------------------------------- cancel confirmed

	@Test
	void cancelWhenOrganizerCancelsConfirmedPlanTurnsEveryParticipantsEventCancelled() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = startOk(alice, body(List.of(bob, carol), List.of(inDays(2)), List.of("Alpha"))).path("id")
			.asString();
		reply(bob, replyBody(id, "accept"));
		assertThat(reply(carol, replyBody(id, "accept")).data().path("state").asString()).isEqualTo("confirmed");
		Map<TestUser, String> eventIds = new HashMap<>();
		for (TestUser user : List.of(alice, bob, carol)) {
			eventIds.put(user, onlyEventFor(user, id).path("id").asString());
		}

		ApiResponse cancelled = api.post("/negotiate/cancel")
			.token(alice.token())
			.json(Map.of("negotiation_id", id, "reason", "Rain"))
			.send();

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.data().path("state").asString()).isEqualTo("cancelled");
		assertThat(cancelled.data().path("last_message_preview").asString()).isEqualTo("Alice cancelled");
		assertThat(cancelled.data().path("revision").asInt()).isEqualTo(3);
		for (TestUser user : List.of(alice, bob, carol)) {
			String eventId = eventIds.get(user);
			ApiResponse event = api.get("/events/" + eventId).token(user.token()).send();
			assertThat(event.status()).as(event.toString()).isEqualTo(200);
			assertThat(event.data().path("status").asString()).isEqualTo("cancelled");
			assertThat(listIds(user, "/events?status=cancelled")).containsExactly(eventId);
			assertThat(listIds(user, "/events?status=confirmed")).isEmpty();
			assertThat(listIds(user, "/events/upcoming")).doesNotContain(eventId);
			assertThat(get(user, id).data().path("state").asString()).isEqualTo("cancelled");
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
		ApiResponse started = start(alice, body);
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		assertThat(started.data().path("state").asString()).isEqualTo("awaiting_invites");
		String id = started.data().path("id").asString();

		assertThat(get(bob, id).status()).isEqualTo(404);
		assertThat(get(bob, id).errorCode()).isEqualTo("NOT_FOUND");
		ApiResponse earlyReply = reply(bob, replyBody(id, "accept"));
		assertThat(earlyReply.status()).as(earlyReply.toString()).isEqualTo(404);
		assertThat(earlyReply.errorCode()).isEqualTo("NOT_FOUND");
		assertThat(listIds(bob, "/negotiations")).doesNotContain(id);
		assertThat(listIds(bob, "/negotiations?state=awaiting_invites")).doesNotContain(id);
		assertThat(get(alice, id).status()).isEqualTo(200);
		assertThat(listIds(alice, "/negotiations?state=awaiting_invites")).containsExactly(id);
		JsonNode summary = api.get("/negotiations?state=awaiting_invites").token(alice.token()).send().data().path(0);
		assertThat(summary.path("state").asString()).isEqualTo("awaiting_invites");
		assertThat(summary.path("my_status").asString()).isEqualTo("organizer");
		assertThat(summary.has("participants") || summary.has("proposed_slots") || summary.has("proposed_venues")
				|| summary.has("encrypted_payload"))
			.as("a summary: " + summary)
			.isFalse();
		assertThat(statusOf(get(alice, id).data(), bob)).as("the refused reply left no trace").isEqualTo("invited");

		ApiResponse sent = reply(alice, replyBody(id, "accept"));

		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(sent.data().path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(sent.data().path("revision").asInt()).isEqualTo(1);
		assertThat(sent.data().path("last_message_preview").asString()).isEqualTo("Alice proposed a coffee");
		ApiResponse visible = get(bob, id);
		assertThat(visible.status()).as(visible.toString()).isEqualTo(200);
		assertThat(visible.data().path("my_status").asString()).isEqualTo("invited");
		assertThat(listIds(bob, "/negotiations")).contains(id);
		assertThat(listIds(bob, "/negotiations?awaiting_me=true")).contains(id);
		ApiResponse answer = reply(bob, replyBody(id, "accept"));
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

		ApiResponse first = start(alice, body);
		ApiResponse retry = start(alice, body);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.header("ETag")).isEqualTo("\"0\"");
		assertThat(retry.data().path("id").asString()).isEqualTo(id);
		assertThat(retry.data().path("revision").asInt()).isZero();
		assertThat(ids(retry.data().path("proposed_slots"))).isEqualTo(ids(first.data().path("proposed_slots")));
		assertThat(retry.data().path("created_at").asString()).isEqualTo(first.data().path("created_at").asString());
		UUID uuid = UUID.fromString(id);
		assertThat(count("SELECT count(*) FROM negotiations WHERE id = ?", uuid)).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM proposed_slots WHERE negotiation_id = ?", uuid)).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM proposed_venues WHERE negotiation_id = ?", uuid)).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM negotiation_participants WHERE negotiation_id = ?", uuid)).isEqualTo(2);
		assertThat(listIds(bob, "/negotiations")).containsExactly(id);
	}

	@Test
	void replyWhenRetriedIdenticallyKeepsRevisionAndWritesNothing() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		JsonNode started = startOk(alice, body(List.of(bob, carol), List.of(inDays(2), inDays(3)), List.of()));
		String id = started.path("id").asString();
		Map<String, Object> answer = accept(id, List.of(slotId(started, 1)), null);

		ApiResponse first = reply(bob, answer);
		ApiResponse retry = reply(bob, answer);

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.data().path("revision").asInt()).isEqualTo(1);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.data().path("revision").asInt()).isEqualTo(1);
		assertThat(retry.header("ETag")).isEqualTo("\"1\"");
		assertThat(retry.data().path("updated_at").asString()).isEqualTo(first.data().path("updated_at").asString());
		assertThat(participant(retry.data(), bob).path("responded_at").asString())
			.isEqualTo(participant(first.data(), bob).path("responded_at").asString());
		assertThat(count("SELECT count(*) FROM proposed_slots WHERE negotiation_id = ?", UUID.fromString(id)))
			.isEqualTo(2);
	}

	@Test
	void replyWhenConfirmingReplyIsRetriedCreatesNoSecondSetOfEvents() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = startOk(alice, body(List.of(bob), List.of(inDays(2)), List.of("Alpha"))).path("id").asString();

		ApiResponse first = reply(bob, replyBody(id, "accept"));
		ApiResponse retry = reply(bob, replyBody(id, "accept"));

		assertThat(first.data().path("state").asString()).isEqualTo("confirmed");
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.data().path("state").asString()).isEqualTo("confirmed");
		assertThat(retry.data().path("revision").asInt()).isEqualTo(first.data().path("revision").asInt());
		assertThat(eventRows(id)).isEqualTo(2);
		assertThat(listIds(bob, "/events")).hasSize(1);
	}

	@Test
	void replyWhenCounterIsRetriedAddsTheNewSlotOnlyOnce() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = startOk(alice, body(List.of(bob), List.of(inDays(2)), List.of())).path("id").asString();
		Map<String, Object> counter = replyBody(id, "counter");
		counter.put("counter_slots", List.of(slot(inDays(6))));

		ApiResponse first = reply(bob, counter);
		ApiResponse retry = reply(bob, counter);

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.data().path("revision").asInt()).isEqualTo(1);
		assertThat(retry.data().path("agent_round").asInt()).isEqualTo(1);
		assertThat(retry.data().path("proposed_slots").size()).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM proposed_slots WHERE negotiation_id = ?", UUID.fromString(id)))
			.isEqualTo(2);
	}

	@Test
	void cancelWhenDraftWasNeverSentKeepsItInvisibleToInvitees() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = body(List.of(bob), List.of(inDays(2)), List.of());
		body.put("send", false);
		String id = startOk(alice, body).path("id").asString();

		ApiResponse cancelled = api.post("/negotiate/cancel")
			.token(alice.token())
			.json(Map.of("negotiation_id", id))
			.send();

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.data().path("state").asString()).isEqualTo("cancelled");
		assertThat(get(bob, id).status()).isEqualTo(404);
		assertThat(listIds(bob, "/negotiations")).doesNotContain(id);
		assertThat(listIds(bob, "/negotiations?state=cancelled")).doesNotContain(id);
		assertThat(listIds(alice, "/negotiations?state=cancelled")).contains(id);
	}

	@Test
	void expiryWhenDraftWasNeverSentKeepsItInvisibleToInvitees() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Map<String, Object> body = body(List.of(bob), List.of(inDays(2)), List.of());
		body.put("send", false);
		String id = startOk(alice, body).path("id").asString();
		expireNow(id);

		ApiResponse late = reply(alice, replyBody(id, "accept"));

		assertThat(late.errorCode()).isEqualTo("NEGOTIATION_EXPIRED");
		assertThat(jdbc.sql("SELECT state FROM negotiations WHERE id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("expired");
		assertThat(get(bob, id).status()).isEqualTo(404);
		assertThat(listIds(bob, "/negotiations?state=expired")).doesNotContain(id);
		assertThat(get(alice, id).data().path("state").asString()).isEqualTo("expired");
	}

	@Test
	void replyBlobIsReturnedOnlyToTheReplier() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = startOk(alice, body(List.of(bob, carol), List.of(inDays(2)), List.of())).path("id").asString();
		Map<String, Object> accept = replyBody(id, "accept");
		accept.put("encrypted_payload", "c2VjcmV0IG5vdGU=");
		accept.put("encrypted_blob_version", 2);

		ApiResponse mine = reply(bob, accept);

		assertThat(participant(mine.data(), bob).path("encrypted_payload").asString()).isEqualTo("c2VjcmV0IG5vdGU=");
		assertThat(participant(mine.data(), bob).path("encrypted_blob_version").asInt()).isEqualTo(2);
		JsonNode seenByCarol = get(carol, id).data();
		assertThat(participant(seenByCarol, bob).path("encrypted_payload").isNull()).isTrue();
		assertThat(get(alice, id).raw()).doesNotContain("c2VjcmV0IG5vdGU=");
	}

	// ---------------------------------------------------------------- helpers

	private Map<String, Object> body(List<TestUser> invitees, List<Instant> slotStarts, List<String> venues) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "Coffee catch-up");
		body.put("intent_category", "coffee");
		body.put("participant_ids", new ArrayList<>(invitees.stream().map(TestUser::uid).toList()));
		body.put("proposed_slots", new ArrayList<>(slotStarts.stream().map(NegotiationFixtures::slot).toList()));
		body.put("proposed_venues", new ArrayList<>(venues.stream().map(NegotiationFixtures::venue).toList()));
		return body;
	}

	private static Map<String, Object> accept(String id, List<String> slotIds, List<String> venueIds) {
		Map<String, Object> body = replyBody(id, "accept");
		if (slotIds != null) {
			body.put("slot_ids", slotIds);
		}
		if (venueIds != null) {
			body.put("venue_ids", venueIds);
		}
		return body;
	}

	private long eventRows(String negotiationId) {
		return count("SELECT count(*) FROM events WHERE negotiation_id = ?", UUID.fromString(negotiationId));
	}

	private long count(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}

	/** The ids in a list response, asserting it is a 200. */
	private List<String> listIds(TestUser user, String path) {
		ApiResponse response = api.get(path).token(user.token()).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return ids(response.data());
	}

	/** The caller's single event for a negotiation, from GET /events. */
	private JsonNode onlyEventFor(TestUser user, String negotiationId) {
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

	private static List<String> ids(JsonNode array) {
		assertThat(array.isArray()).as("a list: " + array).isTrue();
		List<String> ids = new ArrayList<>();
		for (JsonNode item : array) {
			ids.add(item.path("id").asString());
		}
		return ids;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		for (JsonNode item : array) {
			texts.add(item.asString());
		}
		return texts;
	}

	private static List<String> startsAts(JsonNode negotiation) {
		List<String> starts = new ArrayList<>();
		for (JsonNode slot : negotiation.path("proposed_slots")) {
			starts.add(slot.path("starts_at").asString());
		}
		return starts;
	}

	private static List<String> participantUids(JsonNode resource) {
		List<String> uids = new ArrayList<>();
		for (JsonNode participant : resource.path("participants")) {
			uids.add(participant.path("user_id").asString());
		}
		return uids;
	}

	private static JsonNode slotByIndex(JsonNode negotiation, int index) {
		for (JsonNode slot : negotiation.path("proposed_slots")) {
			if (slot.path("slot_index").asInt() == index) {
				return slot;
			}
		}
		throw new AssertionError("no slot with index " + index + " in " + negotiation);
	}

	private static String slotId(JsonNode negotiation, int index) {
		return slotByIndex(negotiation, index).path("id").asString();
	}

	private static String slotIdStartingAt(JsonNode negotiation, Instant startsAt) {
		for (JsonNode slot : negotiation.path("proposed_slots")) {
			if (slot.path("starts_at").asString().equals(startsAt.toString())) {
				return slot.path("id").asString();
			}
		}
		throw new AssertionError("no slot at " + startsAt + " in " + negotiation);
	}

	private static String venueId(JsonNode negotiation, int index) {
		for (JsonNode venue : negotiation.path("proposed_venues")) {
			if (venue.path("venue_index").asInt() == index) {
				return venue.path("id").asString();
			}
		}
		throw new AssertionError("no venue with index " + index + " in " + negotiation);
	}

	private static JsonNode participant(JsonNode negotiation, TestUser user) {
		for (JsonNode participant : negotiation.path("participants")) {
			if (participant.path("user_id").asString().equals(user.uid())) {
				return participant;
			}
		}
		throw new AssertionError(user.uid() + " is not a participant of " + negotiation);
	}

	private static String statusOf(JsonNode negotiation, TestUser user) {
		return participant(negotiation, user).path("status").asString();
	}

}
