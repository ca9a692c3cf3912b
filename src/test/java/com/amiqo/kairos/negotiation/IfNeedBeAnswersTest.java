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
 * Yes / if need be / no answers over HTTP: what a reply records, the tallies every slot
 * and venue shows, the consensus over them, {@code auto_confirm} and the organizer's
 * {@code all_answered} moment.
 */
class IfNeedBeAnswersTest extends GroupDecisionTest {

	@Test
	void replyWhenMaybeListsGivenRecordsThemAndTalliesEveryOption() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann, ben), Map.of());
		List<String> slots = slotIds(olga, id);
		List<String> venues = venueIds(olga, id);

		JsonNode answered = replyOk(ann, id, "accept", Map.of("slot_ids", List.of(slots.get(1)), "maybe_slot_ids",
				List.of(slots.get(0)), "maybe_venue_ids", List.of(venues.get(0))));

		JsonNode annRow = participant(answered, ann);
		assertThat(annRow.path("accepted_slot_ids").findValuesAsString("")).isEmpty();
		assertThat(annRow.path("accepted_slot_ids").get(0).asString()).isEqualTo(slots.get(1));
		assertThat(annRow.path("maybe_slot_ids").get(0).asString()).isEqualTo(slots.get(0));
		assertThat(annRow.path("accepted_venue_ids").size()).isZero();
		assertThat(annRow.path("maybe_venue_ids").get(0).asString()).isEqualTo(venues.get(0));
		assertThat(annRow.path("attending").isNull()).isTrue();
		// Olga yes to all; Ann as above; Ben has not answered.
		assertThat(tally(answered.path("proposed_slots").get(0))).containsExactly(1, 1, 0, 1);
		assertThat(tally(answered.path("proposed_slots").get(1))).containsExactly(2, 0, 0, 1);
		assertThat(tally(answered.path("proposed_venues").get(0))).containsExactly(1, 1, 0, 1);
		assertThat(tally(answered.path("proposed_venues").get(1))).containsExactly(1, 0, 1, 1);
		assertThat(answered.path("state").asString()).isEqualTo("awaiting_replies");
	}

	@Test
	void replyWhenAnIdIsBothYesAndMaybeReturns400OnTheMaybeField() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of());
		String slot = slotIds(olga, id).get(0);
		String venue = venueIds(olga, id).get(0);

		ApiResponse slotsBoth = reply(ann, id, "accept",
				Map.of("slot_ids", List.of(slot), "maybe_slot_ids", List.of(slot)));
		ApiResponse venuesBoth = reply(ann, id, "accept",
				Map.of("venue_ids", List.of(venue), "maybe_venue_ids", List.of(venue)));

		assertErrorEnvelope(slotsBoth, 400, "VALIDATION_ERROR");
		assertThat(slotsBoth.body().path("error").path("details").path("field").asString()).isEqualTo("maybe_slot_ids");
		assertErrorEnvelope(venuesBoth, 400, "VALIDATION_ERROR");
		assertThat(venuesBoth.body().path("error").path("details").path("field").asString())
			.isEqualTo("maybe_venue_ids");
		assertThat(revision(id)).isZero();
	}

	@Test
	void replyWhenOnlyMaybeOptionsChosenForAKindThatHasNoneReturns400() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of());

		ApiResponse noSlot = reply(ann, id, "accept", Map.of("slot_ids", List.of(), "maybe_slot_ids", List.of()));

		assertErrorEnvelope(noSlot, 400, "VALIDATION_ERROR");
		assertThat(noSlot.body().path("error").path("details").path("field").asString()).isEqualTo("slot_ids");
	}

	@Test
	void replyWhenOlderClientSendsOnlyYesListsConfirmsOnTheEarliestSharedSlotAsBefore() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of());
		List<String> slots = slotIds(olga, id);

		JsonNode confirmed = replyOk(ann, id, "accept", Map.of());

		assertThat(confirmed.path("state").asString()).isEqualTo("confirmed");
		assertThat(confirmed.path("final_slot_id").asString()).isEqualTo(slots.get(0));
		assertThat(participant(confirmed, ann).path("maybe_slot_ids").size()).isZero();
		assertThat(participant(confirmed, ann).path("attending").asBoolean()).isTrue();
		assertThat(confirmed.path("attendee_count").asInt()).isEqualTo(2);
		assertThat(events(id)).containsExactlyInAnyOrder("Olga:confirmed:accepted", "Ann:confirmed:accepted");
	}

	@Test
	void replyWhenEveryoneCanMakeAnOptionConfirmsOnTheOneWithMostYesAndTentativeForMaybe() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann, ben), Map.of());
		List<String> slots = slotIds(olga, id);
		List<String> venues = venueIds(olga, id);
		// The earlier slot works for Ann only if need be; the later one is yes for all.
		replyOk(ann, id, "accept", Map.of("slot_ids", List.of(slots.get(1)), "maybe_slot_ids", List.of(slots.get(0)),
				"venue_ids", List.of(venues.get(1)), "maybe_venue_ids", List.of(venues.get(0))));

		JsonNode confirmed = replyOk(ben, id, "accept", Map.of("slot_ids", slots, "maybe_venue_ids", venues));

		assertThat(confirmed.path("state").asString()).isEqualTo("confirmed");
		assertThat(confirmed.path("final_slot_id").asString()).isEqualTo(slots.get(1));
		// Venue 1 has two yes (Olga, Ann), venue 0 one.
		assertThat(confirmed.path("final_venue_id").asString()).isEqualTo(venues.get(1));
		assertThat(events(id)).containsExactlyInAnyOrder("Olga:confirmed:accepted", "Ann:confirmed:accepted",
				"Ben:confirmed:tentative");
	}

	@Test
	void replyWhenAutoConfirmIsOffLeavesItOpenAndTellsTheOrganizerOnce() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		String id = start(olga, List.of(ann, ben), Map.of("auto_confirm", false));
		assertThat(get(olga, id).path("auto_confirm").asBoolean()).isFalse();
		replyOk(ann, id, "accept", Map.of());
		assertThat(notices(id)).doesNotContain("all_answered:Olga");
		assertThat(awaitingMe(olga)).doesNotContain(id);

		JsonNode last = replyOk(ben, id, "accept", Map.of());
		// Still everyone answered: the same moment, no second notice.
		replyOk(ann, id, "accept", Map.of("slot_ids", List.of(slotIds(olga, id).get(0))));
		assertThat(notices(id).stream().filter("all_answered:Olga"::equals)).hasSize(1);
		// A counter opens the question again; once Olga and Ann have answered it, it is
		// Olga's call again (her own answer tells her nothing, Ann's does).
		replyOk(ben, id, "counter",
				Map.of("counter_slots", List.of(NegotiationFixtures.slot(NegotiationFixtures.inDays(6)))));
		replyOk(olga, id, "accept", Map.of());
		replyOk(ann, id, "accept", Map.of());

		assertThat(last.path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(get(olga, id).path("state").asString()).isEqualTo("awaiting_replies");
		assertThat(notices(id).stream().filter("all_answered:Olga"::equals)).hasSize(2);
		assertThat(previews(id, "all_answered")).containsOnly("Everyone has answered: your call");
		assertThat(awaitingMe(olga)).contains(id);
		assertThat(awaitingMe(ann)).doesNotContain(id);
	}

	@Test
	void replyWhenACounterIsOpenDoesNotConfirmUntilTheOthersAnswerIt() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of());
		List<String> slots = slotIds(olga, id);

		JsonNode countered = replyOk(ann, id, "counter", Map.of("counter_slots",
				List.of(NegotiationFixtures.slot(NegotiationFixtures.inDays(5))), "slot_ids", slots));

		assertThat(countered.path("state").asString()).isEqualTo("awaiting_replies");
		JsonNode newSlot = countered.path("proposed_slots").get(2);
		assertThat(tally(newSlot)).containsExactly(1, 0, 0, 1);
		assertThat(awaitingMe(olga)).contains(id);
	}

	private List<String> awaitingMe(TestUser user) {
		return api.get("/negotiations?awaiting_me=true&limit=100")
			.token(user.token())
			.send()
			.data()
			.findValuesAsString("id");
	}

	static List<Integer> tally(JsonNode option) {
		JsonNode answers = option.path("answers");
		return List.of(answers.path("yes").asInt(), answers.path("if_need_be").asInt(), answers.path("no").asInt(),
				answers.path("no_answer").asInt());
	}

}
