package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.LinkedHashMap;
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
import static com.amiqo.kairos.negotiation.NegotiationJson.participantUids;
import static com.amiqo.kairos.negotiation.NegotiationJson.slotByIndex;
import static com.amiqo.kairos.negotiation.NegotiationJson.slotId;
import static com.amiqo.kairos.negotiation.NegotiationJson.slotIdStartingAt;
import static com.amiqo.kairos.negotiation.NegotiationJson.startsAts;
import static com.amiqo.kairos.negotiation.NegotiationJson.statusOf;
import static com.amiqo.kairos.negotiation.NegotiationJson.texts;
import static com.amiqo.kairos.negotiation.NegotiationJson.venueId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How answers reach consensus, or miss it: one invitee, a group with declines and partial
 * accepts, counter-proposals, everyone declining (docs/reference.md#replies,
 * docs/reference.md#events).
 */
class NegotiationConsensusScenarioTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

	// ---------------------------------------------------------------- 1:1

	@Test
	void startWhenOneInviteeReturns201WithFullResourceAndRevisionZeroEtag() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		Instant first = inDays(2);
		Instant second = inDays(3);

		ApiResponse started = negotiations.start(alice,
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
		JsonNode started = negotiations.startOk(alice,
				body(List.of(bob), List.of(late, early), List.of("Blue Bottle", "Five Elephant")));
		String id = started.path("id").asString();

		ApiResponse replied = negotiations.reply(bob, NegotiationFixtures.reply(id, "accept"));

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
		assertThat(negotiations.eventRows(id)).isEqualTo(2);
		for (TestUser user : List.of(alice, bob)) {
			JsonNode event = negotiations.onlyEventFor(user, id);
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

		JsonNode n = negotiations.startOk(alice, body);

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
		JsonNode started = negotiations.startOk(alice, body(List.of(bob, carol, dave, erin, frank),
				List.of(day4, day2, day3), List.of("Alpha", "Beta", "Gamma")));
		String id = started.path("id").asString();
		String s0 = slotId(started, 0);
		String s1 = slotId(started, 1);
		String s2 = slotId(started, 2);
		String v0 = venueId(started, 0);
		String v1 = venueId(started, 1);
		String v2 = venueId(started, 2);

		ApiResponse daveDeclines = negotiations.reply(dave, NegotiationFixtures.reply(id, "decline"));
		assertThat(daveDeclines.status()).as(daveDeclines.toString()).isEqualTo(200);
		assertThat(daveDeclines.data().path("last_message_preview").asString()).isEqualTo("Dave declined");
		assertThat(daveDeclines.data().path("my_status").asString()).isEqualTo("declined");
		ApiResponse bobAccepts = negotiations.reply(bob, accept(id, List.of(s0, s2), List.of(v1, v2)));
		assertThat(bobAccepts.status()).as(bobAccepts.toString()).isEqualTo(200);
		ApiResponse carolAccepts = negotiations.reply(carol, accept(id, List.of(s1, s2, s0), List.of(v2, v1)));
		assertThat(carolAccepts.status()).as(carolAccepts.toString()).isEqualTo(200);
		ApiResponse erinDeclines = negotiations.reply(erin, NegotiationFixtures.reply(id, "decline"));
		assertThat(erinDeclines.status()).as(erinDeclines.toString()).isEqualTo(200);
		assertThat(erinDeclines.data().path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(negotiations.eventRows(id)).isZero();

		ApiResponse frankAccepts = negotiations.reply(frank, accept(id, List.of(s2, s0), List.of(v1, v2, v0)));

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

		assertThat(negotiations.eventRows(id)).isEqualTo(4);
		for (TestUser attendee : List.of(alice, bob, carol, frank)) {
			JsonNode event = negotiations.onlyEventFor(attendee, id);
			assertThat(event.path("starts_at").asString()).isEqualTo(day3.toString());
			assertThat(event.path("venue").path("name").asString()).isEqualTo("Beta");
			assertThat(participantUids(event)).containsExactlyInAnyOrder(alice.uid(), bob.uid(), carol.uid(),
					frank.uid());
		}
		for (TestUser decliner : List.of(dave, erin)) {
			ApiResponse events = api.get("/events").token(decliner.token()).send();
			assertThat(events.status()).as(events.toString()).isEqualTo(200);
			assertThat(ids(events.data())).isEmpty();
			assertThat(negotiations.listIds(decliner, "/events/upcoming")).isEmpty();
			ApiResponse view = negotiations.get(decliner, id);
			assertThat(view.status()).as("a decliner still reads the negotiation").isEqualTo(200);
			assertThat(view.data().path("state").asString()).isEqualTo("confirmed");
		}
	}

	@Test
	void replyWhenLastPendingInviteeDeclinesConfirmsForTheRemainingParticipants() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		JsonNode started = negotiations.startOk(alice,
				body(List.of(bob, carol), List.of(inDays(2), inDays(3)), List.of()));
		String id = started.path("id").asString();
		ApiResponse bobAccepts = negotiations.reply(bob, accept(id, List.of(slotId(started, 1)), null));
		assertThat(bobAccepts.data().path("state").asString()).isEqualTo("awaiting_replies");

		ApiResponse carolDeclines = negotiations.reply(carol, NegotiationFixtures.reply(id, "decline"));

		assertThat(carolDeclines.status()).as(carolDeclines.toString()).isEqualTo(200);
		assertThat(carolDeclines.data().path("state").asString()).isEqualTo("confirmed");
		assertThat(carolDeclines.data().path("final_slot_id").asString()).isEqualTo(slotId(started, 1));
		assertThat(carolDeclines.data().path("final_venue_id").isNull()).isTrue();
		assertThat(carolDeclines.data().path("last_message_preview").asString()).isEqualTo("Carol declined");
		assertThat(negotiations.eventRows(id)).isEqualTo(2);
		assertThat(negotiations.onlyEventFor(bob, id).path("venue").isNull()).isTrue();
		assertThat(negotiations.listIds(carol, "/events")).isEmpty();
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

		JsonNode n = negotiations.startOk(alice, body);

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

		JsonNode n = negotiations.startOk(alice, body);

		assertThat(n.path("title").asString()).isEqualTo("Brunch at noon");
	}

	// ---------------------------------------------------------------- counter

	@Test
	void replyWhenOrganizerAcceptsCounterProposedSlotConfirmsOnThatSlot() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		JsonNode started = negotiations.startOk(alice,
				body(List.of(bob), List.of(inDays(2), inDays(3)), List.of("Alpha", "Beta")));
		String id = started.path("id").asString();
		Instant day5 = inDays(5);
		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_slots", List.of(slot(day5)));

		ApiResponse countered = negotiations.reply(bob, counter);

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
		assertThat(negotiations.listIds(alice, "/negotiations?awaiting_me=true")).contains(id);
		assertThat(negotiations.listIds(bob, "/negotiations?awaiting_me=true")).doesNotContain(id);
		assertThat(negotiations.eventRows(id)).isZero();

		ApiResponse accepted = negotiations.reply(alice, accept(id, List.of(newSlotId), null));

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		JsonNode n = accepted.data();
		assertThat(n.path("state").asString()).isEqualTo("confirmed");
		assertThat(n.path("final_slot_id").asString()).isEqualTo(newSlotId);
		assertThat(n.path("final_venue_id").asString()).isEqualTo(venueId(started, 0));
		assertThat(n.path("my_status").asString()).isEqualTo("organizer");
		assertThat(n.path("last_message_preview").asString()).isEqualTo("Alice accepted");
		assertThat(negotiations.eventRows(id)).isEqualTo(2);
		assertThat(negotiations.onlyEventFor(bob, id).path("starts_at").asString()).isEqualTo(day5.toString());
		assertThat(negotiations.onlyEventFor(alice, id).path("starts_at").asString()).isEqualTo(day5.toString());
	}

	@Test
	void replyWhenDeclinedInviteeCountersRejoinsWithEveryVenueAndCanReachConsensus() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		JsonNode started = negotiations.startOk(alice,
				body(List.of(bob, carol), List.of(inDays(2), inDays(3)), List.of("Alpha", "Beta")));
		String id = started.path("id").asString();
		assertThat(
				negotiations.reply(bob, NegotiationFixtures.reply(id, "decline")).data().path("my_status").asString())
			.isEqualTo("declined");
		Instant day5 = inDays(5);
		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_slots", List.of(slot(day5)));

		ApiResponse countered = negotiations.reply(bob, counter);

		assertThat(countered.status()).as(countered.toString()).isEqualTo(200);
		assertThat(countered.data().path("my_status").asString()).isEqualTo("countered");
		String newSlot = slotId(countered.data(), 2);
		JsonNode bobView = participant(countered.data(), bob);
		assertThat(texts(bobView.path("accepted_slot_ids"))).containsExactly(newSlot);
		assertThat(texts(bobView.path("accepted_venue_ids"))).containsExactlyInAnyOrder(venueId(started, 0),
				venueId(started, 1));
		assertThat(negotiations.reply(alice, accept(id, List.of(newSlot), null)).data().path("state").asString())
			.isEqualTo("awaiting_replies");
		ApiResponse carolAccepts = negotiations.reply(carol,
				accept(id, List.of(newSlot), List.of(venueId(started, 1))));
		assertThat(carolAccepts.data().path("state").asString()).isEqualTo("confirmed");
		assertThat(carolAccepts.data().path("final_slot_id").asString()).isEqualTo(newSlot);
		assertThat(carolAccepts.data().path("final_venue_id").asString()).isEqualTo(venueId(started, 1));
		assertThat(negotiations.eventRows(id)).isEqualTo(3);
		assertThat(negotiations.onlyEventFor(bob, id).path("starts_at").asString()).isEqualTo(day5.toString());
	}

	// ---------------------------------------------------------------- everyone declines

	@Test
	void replyWhenEveryInviteeDeclinesCancelsWithoutEvents() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser carol = signIn("Carol");
		String id = negotiations.startOk(alice, body(List.of(bob, carol), List.of(inDays(2)), List.of()))
			.path("id")
			.asString();

		ApiResponse bobDeclines = negotiations.reply(bob, NegotiationFixtures.reply(id, "decline"));
		assertThat(bobDeclines.data().path("state").asString()).isEqualTo("awaiting_replies");
		ApiResponse carolDeclines = negotiations.reply(carol, NegotiationFixtures.reply(id, "decline"));

		assertThat(carolDeclines.status()).as(carolDeclines.toString()).isEqualTo(200);
		assertThat(carolDeclines.data().path("state").asString()).isEqualTo("cancelled");
		assertThat(carolDeclines.data().path("final_slot_id").isNull()).isTrue();
		assertThat(carolDeclines.data().path("last_message_preview").asString()).isEqualTo("Carol declined");
		assertThat(negotiations.get(alice, id).data().path("state").asString()).isEqualTo("cancelled");
		assertThat(negotiations.eventRows(id)).isZero();
		assertThat(negotiations.listIds(alice, "/events")).isEmpty();
		assertThat(negotiations.listIds(alice, "/negotiations?state=cancelled")).containsExactly(id);
	}

}
