package com.amiqo.kairos.negotiation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers to a confirmed plan: coming after all, dropping out, what is refused, and the
 * organizer's cancel reason shown everywhere.
 */
class RsvpTest extends GroupDecisionTest {

	@Test
	void replyWhenConfirmedAcceptMakesANonAttendeeComeWithAnEvent() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann, ben), Map.of("auto_confirm", false));
		List<String> slots = slotIds(olga, id);
		replyOk(ann, id, "accept", Map.of());
		replyOk(ben, id, "accept", Map.of("slot_ids", List.of(slots.get(1))));
		JsonNode confirmed = finalize(olga, id, slots.get(0), venueIds(olga, id).get(0)).data();
		assertThat(participant(confirmed, ben).path("attending").asBoolean()).isFalse();
		clearNotices(id);

		JsonNode coming = replyOk(ben, id, "accept", Map.of());

		assertThat(coming.path("state").asString()).isEqualTo("confirmed");
		assertThat(coming.path("revision").asInt()).isEqualTo(confirmed.path("revision").asInt() + 1);
		assertThat(participant(coming, ben).path("attending").asBoolean()).isTrue();
		assertThat(participant(coming, ben).path("accepted_slot_ids").get(0).asString()).isEqualTo(slots.get(0));
		assertThat(coming.path("attendee_count").asInt()).isEqualTo(3);
		assertThat(coming.path("my_event_id").isNull()).isFalse();
		assertThat(coming.path("last_message_preview").asString()).isEqualTo("Ben is coming");
		assertThat(events(id)).containsExactlyInAnyOrder("Olga:confirmed:accepted", "Ann:confirmed:accepted",
				"Ben:confirmed:accepted");
		assertThat(notices(id)).containsExactlyInAnyOrder("replied:Olga", "replied:Ann");
		// Repeating it changes nothing.
		assertThat(replyOk(ben, id, "accept", Map.of()).path("revision").asInt())
			.isEqualTo(coming.path("revision").asInt());
	}

	@Test
	void replyWhenConfirmedDeclineDropsOutAndCancelsTheirEventOnly() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann, ben), Map.of());
		replyOk(ann, id, "accept", Map.of());
		JsonNode confirmed = replyOk(ben, id, "accept", Map.of());
		assertThat(confirmed.path("state").asString()).isEqualTo("confirmed");
		clearNotices(id);

		JsonNode dropped = replyOk(ann, id, "decline", Map.of());

		assertThat(dropped.path("state").asString()).isEqualTo("confirmed");
		assertThat(participant(dropped, ann).path("status").asString()).isEqualTo("declined");
		assertThat(participant(dropped, ann).path("attending").asBoolean()).isFalse();
		assertThat(dropped.path("attendee_count").asInt()).isEqualTo(2);
		assertThat(events(id)).containsExactlyInAnyOrder("Olga:confirmed:accepted", "Ann:cancelled:accepted",
				"Ben:confirmed:accepted");
		assertThat(notices(id)).containsExactlyInAnyOrder("replied:Olga", "replied:Ben");

		// Coming after all brings the same event back.
		replyOk(ann, id, "accept", Map.of());
		assertThat(events(id)).containsExactlyInAnyOrder("Olga:confirmed:accepted", "Ann:confirmed:accepted",
				"Ben:confirmed:accepted");
	}

	@Test
	void replyWhenConfirmedCounterOrOrganizerDeclineReturns409() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of());
		replyOk(ann, id, "accept", Map.of());

		ApiResponse counter = reply(ann, id, "counter",
				Map.of("counter_slots", List.of(NegotiationFixtures.slot(NegotiationFixtures.inDays(8)))));
		ApiResponse organizerDecline = reply(olga, id, "decline", Map.of());

		assertErrorEnvelope(counter, 409, "INVALID_STATE_TRANSITION");
		assertErrorEnvelope(organizerDecline, 409, "INVALID_STATE_TRANSITION");
		assertThat(revision(id)).isEqualTo(1);
	}

	@Test
	void cancelWithReasonTrimsItAndShowsItInResourceListNoticeAndEvents() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of());
		replyOk(ann, id, "accept", Map.of());
		clearNotices(id);

		ApiResponse cancelled = api.post("/negotiate/cancel")
			.token(olga.token())
			.json(Map.of("negotiation_id", id, "reason", "  Rain all day  "))
			.send();

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.data().path("cancel_reason").asString()).isEqualTo("Rain all day");
		assertThat(get(ann, id).path("cancel_reason").asString()).isEqualTo("Rain all day");
		JsonNode row = api.get("/negotiations?limit=100").token(ann.token()).send().data();
		JsonNode mine = null;
		for (JsonNode summary : row) {
			if (summary.path("id").asString().equals(id)) {
				mine = summary;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.path("cancel_reason").asString()).isEqualTo("Rain all day");
		assertThat(previews(id, "cancelled")).containsExactly("Olga cancelled: Rain all day");
		String eventId = get(ann, id).path("my_event_id").asString();
		JsonNode event = api.get("/events/" + eventId).token(ann.token()).send().data();
		assertThat(event.path("status").asString()).isEqualTo("cancelled");
		assertThat(event.path("cancel_reason").asString()).isEqualTo("Rain all day");
	}

	@Test
	void cancelWhenReasonIsOver200CharactersReturns400OnReason() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of());

		ApiResponse tooLong = api.post("/negotiate/cancel")
			.token(olga.token())
			.json(Map.of("negotiation_id", id, "reason", "x".repeat(201)))
			.send();
		ApiResponse padded = api.post("/negotiate/cancel")
			.token(olga.token())
			.json(Map.of("negotiation_id", id, "reason", " " + "x".repeat(200) + " "))
			.send();

		assertErrorEnvelope(tooLong, 400, "VALIDATION_ERROR");
		assertThat(tooLong.body().path("error").path("details").path("field").asString()).isEqualTo("reason");
		assertThat(padded.status()).as(padded.toString()).isEqualTo(200);
	}

}
