package com.amiqo.kairos.negotiation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /negotiate/finalize}: the organizer's pick, who attends it, their events
 * (tentative ones included, in JSON and iCalendar), and every refusal with its field.
 */
class FinalizeTest extends GroupDecisionTest {

	@Test
	void finalizeWhenOrganizerPicksConfirmsForThoseWhoCanComeOnly() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		TestUser cat = signIn("Cat");
		String id = start(olga, List.of(ann, ben, cat), Map.of("auto_confirm", false));
		List<String> slots = slotIds(olga, id);
		List<String> venues = venueIds(olga, id);
		replyOk(ann, id, "accept", Map.of());
		replyOk(ben, id, "accept", Map.of("slot_ids", List.of(slots.get(0)), "maybe_slot_ids", List.of(slots.get(1))));
		replyOk(cat, id, "accept", Map.of("slot_ids", List.of(slots.get(0))));
		clearNotices(id);

		ApiResponse finalized = finalize(olga, id, slots.get(1), venues.get(0));

		assertThat(finalized.status()).as(finalized.toString()).isEqualTo(200);
		JsonNode confirmed = finalized.data();
		assertThat(confirmed.path("state").asString()).isEqualTo("confirmed");
		assertThat(confirmed.path("final_slot_id").asString()).isEqualTo(slots.get(1));
		assertThat(confirmed.path("final_venue_id").asString()).isEqualTo(venues.get(0));
		assertThat(confirmed.path("attendee_count").asInt()).isEqualTo(3);
		assertThat(confirmed.path("last_message_preview").asString()).isEqualTo("Olga confirmed the plan");
		assertThat(participant(confirmed, olga).path("attending").asBoolean()).isTrue();
		assertThat(participant(confirmed, ann).path("attending").asBoolean()).isTrue();
		assertThat(participant(confirmed, ben).path("attending").asBoolean()).isTrue();
		assertThat(participant(confirmed, cat).path("attending").asBoolean()).isFalse();
		assertThat(events(id)).containsExactlyInAnyOrder("Olga:confirmed:accepted", "Ann:confirmed:accepted",
				"Ben:confirmed:tentative");
		assertThat(notices(id)).containsExactlyInAnyOrder("confirmed:Ann", "confirmed:Ben", "confirmed:Cat");
		assertThat(confirmations(id)).containsExactlyInAnyOrder("Ann:true:Olga confirmed the plan",
				"Ben:true:Olga confirmed the plan", "Cat:false:Olga confirmed the plan (you're not attending)");
		assertThat(get(cat, id).path("my_event_id").isNull()).isTrue();

		String benEvent = get(ben, id).path("my_event_id").asString();
		ApiResponse event = api.get("/events/" + benEvent).token(ben.token()).send();
		assertThat(event.data().path("response").asString()).isEqualTo("tentative");
		assertThat(event.data().path("participants").findValuesAsString("display_name")).containsExactly("Olga", "Ann",
				"Ben");
		ApiResponse ics = api.get("/events/" + benEvent + "/ics").token(ben.token()).send();
		assertThat(ics.raw()).contains("STATUS:TENTATIVE");
		String annEvent = get(ann, id).path("my_event_id").asString();
		assertThat(api.get("/events/" + annEvent + "/ics").token(ann.token()).send().raw())
			.contains("STATUS:CONFIRMED");
	}

	@Test
	void finalizeWhenRetriedIsANoOpAndADifferentPickIsRefused() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of("auto_confirm", false));
		List<String> slots = slotIds(olga, id);
		List<String> venues = venueIds(olga, id);
		JsonNode first = finalize(olga, id, slots.get(0), venues.get(0)).data();

		ApiResponse again = finalize(olga, id, slots.get(0), venues.get(0));
		ApiResponse other = finalize(olga, id, slots.get(1), venues.get(0));

		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.data().path("revision").asInt()).isEqualTo(first.path("revision").asInt());
		assertErrorEnvelope(other, 409, "INVALID_STATE_TRANSITION");
		assertThat(other.body().path("error").path("details").path("requested_action").asString())
			.isEqualTo("finalize");
		// Ann never answered: only Olga comes.
		assertThat(events(id)).containsExactly("Olga:confirmed:accepted");
		assertThat(notices(id).stream().filter(notice -> notice.startsWith("confirmed:"))).hasSize(1);
	}

	@Test
	void finalizeWhenRefusedSaysWhyWithTheFieldAndChangesNothing() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of());
		List<String> slots = slotIds(olga, id);
		List<String> venues = venueIds(olga, id);
		String unknown = UUID.randomUUID().toString();

		ApiResponse byInvitee = finalize(ann, id, slots.get(0), venues.get(0));
		ApiResponse noVenue = finalize(olga, id, slots.get(0), null);
		ApiResponse unknownSlot = finalize(olga, id, unknown, venues.get(0));
		ApiResponse unknownVenue = finalize(olga, id, slots.get(0), unknown);
		ApiResponse stale = api.post("/negotiate/finalize")
			.token(olga.token())
			.header("If-Match", "\"7\"")
			.json(Map.of("negotiation_id", id, "slot_id", slots.get(0), "venue_id", venues.get(0)))
			.send();
		ApiResponse noSlot = api.post("/negotiate/finalize")
			.token(olga.token())
			.json(Map.of("negotiation_id", id, "venue_id", venues.get(0)))
			.send();
		startSlotInPast(slots.get(0));
		ApiResponse past = finalize(olga, id, slots.get(0), venues.get(0));

		assertErrorEnvelope(byInvitee, 403, "ORGANIZER_ONLY_ACTION");
		assertErrorEnvelope(noVenue, 400, "VALIDATION_ERROR");
		assertThat(field(noVenue)).isEqualTo("venue_id");
		assertErrorEnvelope(unknownSlot, 422, "UNKNOWN_OPTION");
		assertThat(field(unknownSlot)).isEqualTo("slot_id");
		assertErrorEnvelope(unknownVenue, 422, "UNKNOWN_OPTION");
		assertThat(field(unknownVenue)).isEqualTo("venue_id");
		assertErrorEnvelope(stale, 412, "PRECONDITION_FAILED");
		assertErrorEnvelope(noSlot, 400, "VALIDATION_ERROR");
		assertThat(field(noSlot)).isEqualTo("slot_id");
		assertErrorEnvelope(past, 422, "SLOT_IN_PAST");
		assertThat(field(past)).isEqualTo("slot_id");
		assertThat(revision(id)).isZero();
		assertThat(events(id)).isEmpty();
	}

	@Test
	void finalizeWhenNoVenuesWereProposedRefusesAVenue() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of("proposed_venues", List.of()));
		String slot = slotIds(olga, id).get(0);

		ApiResponse withVenue = finalize(olga, id, slot, UUID.randomUUID().toString());
		ApiResponse without = finalize(olga, id, slot, null);

		assertErrorEnvelope(withVenue, 400, "VALIDATION_ERROR");
		assertThat(field(withVenue)).isEqualTo("venue_id");
		assertThat(without.status()).as(without.toString()).isEqualTo(200);
		assertThat(without.data().path("final_venue_id").isNull()).isTrue();
		// Ann never answered: she is not coming.
		assertThat(participant(without.data(), ann).path("attending").asBoolean()).isFalse();
		assertThat(without.data().path("attendee_count").asInt()).isEqualTo(1);
	}

	@Test
	void finalizeWhenDraftOrOverdueReturns409() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String draft = start(olga, List.of(ann), Map.of("send", false));
		String overdue = start(olga, List.of(ann), Map.of());
		makeOverdue(overdue);

		ApiResponse fromDraft = finalize(olga, draft, slotIds(olga, draft).get(0), venueIds(olga, draft).get(0));
		ApiResponse late = finalize(olga, overdue, slotIds(olga, overdue).get(0), venueIds(olga, overdue).get(0));

		assertErrorEnvelope(fromDraft, 409, "INVALID_STATE_TRANSITION");
		assertThat(fromDraft.body().path("error").path("details").path("current_state").asString())
			.isEqualTo("awaiting_invites");
		assertErrorEnvelope(late, 409, "NEGOTIATION_EXPIRED");
		assertThat(jdbc.sql("SELECT state FROM negotiations WHERE id = CAST(:id AS uuid)")
			.param("id", overdue)
			.query(String.class)
			.single()).isEqualTo("expired");
	}

	private static String field(ApiResponse response) {
		return response.body().path("error").path("details").path("field").asString();
	}

}
