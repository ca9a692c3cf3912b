package com.amiqo.kairos.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions racing each other on real threads through real HTTP and the real sweep: a
 * finalize against the reply that would confirm on its own, an RSVP against a cancel, and
 * several sweepers (as on several instances) against one deadline and one reminder.
 */
class GroupDecisionRacesTest extends GroupDecisionTest {

	@Autowired
	DeadlineSweeps sweeps;

	@Test
	void finalizeWhenRacingTheConfirmingReplyLeavesExactlyOneOutcome() throws Exception {
		for (int round = 0; round < 6; round++) {
			TestUser olga = signIn("Olga");
			TestUser ann = signIn("Ann");
			TestUser ben = signIn("Ben");
			String id = start(olga, List.of(ann, ben), Map.of());
			List<String> slots = slotIds(olga, id);
			String venue = venueIds(olga, id).get(0);
			replyOk(ann, id, "accept", Map.of());
			clearNotices(id);

			// Ben's accept alone would confirm on the earliest slot; Olga picks the
			// later.
			List<ApiResponse> responses = concurrently(
					List.of(() -> reply(ben, id, "accept", Map.of()), () -> finalize(olga, id, slots.get(1), venue)));

			JsonNode result = get(olga, id);
			assertThat(result.path("state").asString()).isEqualTo("confirmed");
			String finalSlot = result.path("final_slot_id").asString();
			ApiResponse finalized = responses.get(1);
			if (finalized.status() == 200) {
				assertThat(finalSlot).isEqualTo(slots.get(1));
				// Ben's accept came after: an RSVP that makes him come to the pick.
				assertThat(responses.get(0).status()).isEqualTo(200);
			}
			else {
				assertThat(finalized.status()).as(finalized.toString()).isEqualTo(409);
				assertThat(finalSlot).isEqualTo(slots.get(0));
			}
			assertThat(jdbc.sql("""
					SELECT count(*) FROM events e JOIN proposed_slots s ON s.id = CAST(:slot AS uuid)
					 WHERE e.negotiation_id = CAST(:id AS uuid) AND e.status = 'confirmed' AND e.starts_at = s.starts_at
					""").param("id", id).param("slot", finalSlot).query(Long.class).single()).isEqualTo(3);
			assertThat(events(id)).hasSize(3);
			assertThat(notices(id).stream().filter(notice -> notice.startsWith("confirmed:"))).hasSize(2);
		}
	}

	@Test
	void replyWhenRsvpRacesCancelEndsCancelledWithEveryEventCancelled() throws Exception {
		for (int round = 0; round < 6; round++) {
			TestUser olga = signIn("Olga");
			TestUser ann = signIn("Ann");
			TestUser ben = signIn("Ben");
			String id = start(olga, List.of(ann, ben), Map.of("auto_confirm", false));
			List<String> slots = slotIds(olga, id);
			replyOk(ann, id, "accept", Map.of());
			replyOk(ben, id, "accept", Map.of("slot_ids", List.of(slots.get(1))));
			assertThat(finalize(olga, id, slots.get(0), venueIds(olga, id).get(0)).status()).isEqualTo(200);

			List<ApiResponse> responses = concurrently(List.of(() -> reply(ben, id, "accept", Map.of()),
					() -> api.post("/negotiate/cancel")
						.token(olga.token())
						.json(Map.of("negotiation_id", id, "reason", "Ill"))
						.send()));

			assertThat(responses.get(1).status()).as(responses.get(1).toString()).isEqualTo(200);
			ApiResponse rsvp = responses.get(0);
			assertThat(rsvp.status()).as(rsvp.toString()).isIn(200, 409);
			assertThat(get(olga, id).path("state").asString()).isEqualTo("cancelled");
			// Whichever came first, nobody keeps a confirmed event of a cancelled plan.
			assertThat(events(id)).allSatisfy(event -> assertThat(event).contains(":cancelled:"));
			assertThat(events(id)).hasSize(rsvp.status() == 200 ? 3 : 2);
		}
	}

	@Test
	void expireOverdueWhenFourSweepersMeetPickBestDeadlinesConfirmsEachOnce() throws Exception {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		List<String> confirming = new ArrayList<>();
		List<String> expiring = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String id = start(olga, List.of(ann, ben),
					Map.of("auto_confirm", false, "on_deadline", "pick_best", "min_attendees", 3));
			List<String> slots = slotIds(olga, id);
			replyOk(ann, id, "accept", Map.of("maybe_slot_ids", List.of(slots.get(1))));
			if (i % 2 == 0) {
				// Ben too: three can come to the later slot, enough.
				replyOk(ben, id, "accept", Map.of("slot_ids", List.of(slots.get(1))));
				confirming.add(id);
			}
			else {
				expiring.add(id);
			}
			makeOverdue(id);
			clearNotices(id);
		}

		List<Integer> swept = concurrently(List.of(() -> sweeps.expireOverdue(3), () -> sweeps.expireOverdue(3),
				() -> sweeps.expireOverdue(3), () -> sweeps.expireOverdue(3)));

		assertThat(swept.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(8);
		for (String id : confirming) {
			JsonNode confirmed = get(olga, id);
			assertThat(confirmed.path("state").asString()).isEqualTo("confirmed");
			assertThat(confirmed.path("final_slot_id").asString()).isEqualTo(slotIds(olga, id).get(1));
			assertThat(confirmed.path("last_message_preview").asString()).isEqualTo("Confirmed at the deadline");
			assertThat(confirmed.path("last_actor_id").isNull()).isTrue();
			assertThat(participant(confirmed, ann).path("attending").asBoolean()).isTrue();
			assertThat(revision(id)).isEqualTo(3);
			assertThat(events(id)).containsExactlyInAnyOrder("Olga:confirmed:accepted", "Ann:confirmed:tentative",
					"Ben:confirmed:accepted");
			assertThat(notices(id)).containsExactlyInAnyOrder("confirmed:Olga", "confirmed:Ann", "confirmed:Ben");
			assertThat(confirmations(id)).containsExactlyInAnyOrder("Olga:true:Confirmed at the deadline",
					"Ann:true:Confirmed at the deadline", "Ben:true:Confirmed at the deadline");
		}
		for (String id : expiring) {
			assertThat(get(olga, id).path("state").asString()).isEqualTo("expired");
			assertThat(revision(id)).isEqualTo(2);
			assertThat(events(id)).isEmpty();
			assertThat(notices(id)).containsExactlyInAnyOrder("expired:Olga", "expired:Ann", "expired:Ben");
		}
		assertThat(sweeps.expireOverdue(3)).isZero();
	}

	@Test
	void readAndReplyWhenPickBestDeadlinePassedBeforeTheSweepApplyTheSameRule() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		String id = start(olga, List.of(ann), Map.of("auto_confirm", false, "on_deadline", "pick_best"));
		replyOk(ann, id, "accept", Map.of());
		makeOverdue(id);

		JsonNode read = get(ann, id);
		assertThat(read.path("state").asString()).isEqualTo("confirmed");
		assertThat(read.path("final_slot_id").asString()).isEqualTo(slotIds(olga, id).get(0));
		// Ann's decline is an RSVP to the plan the deadline confirmed: the confirmation
		// is written first, once.
		JsonNode declined = replyOk(ann, id, "decline", Map.of());

		assertThat(declined.path("state").asString()).isEqualTo("confirmed");
		assertThat(participant(declined, ann).path("attending").asBoolean()).isFalse();
		assertThat(events(id)).containsExactlyInAnyOrder("Olga:confirmed:accepted", "Ann:cancelled:accepted");
		assertThat(sweeps.expireOverdue(10)).isZero();
		assertThat(notices(id).stream().filter(notice -> notice.startsWith("confirmed:"))).hasSize(2);
	}

	@Test
	void remindDueWhenFourSweepersRunRemindsEachAwaitedParticipantOnceEvenAfterARestart() throws Exception {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		TestUser ben = signIn("Ben");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String id = start(olga, List.of(ann, ben), Map.of());
			replyOk(ann, id, "accept", Map.of("slot_ids", List.of(slotIds(olga, id).get(0))));
			jdbc.sql("UPDATE negotiations SET remind_at = now() - interval '1 second' WHERE id = CAST(:id AS uuid)")
				.param("id", id)
				.update();
			clearNotices(id);
			ids.add(id);
		}

		List<Integer> claimed = concurrently(List.of(() -> sweeps.remindDue(2), () -> sweeps.remindDue(2),
				() -> sweeps.remindDue(2), () -> sweeps.remindDue(2)));
		// What a restarted instance finds: the claims are in the database, not in memory.
		int afterRestart = sweeps.remindDue(2);

		assertThat(claimed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
		assertThat(afterRestart).isZero();
		for (String id : ids) {
			// Ben has not answered; nobody else is awaited.
			assertThat(notices(id)).containsExactly("reminder:Ben");
			assertThat(previews(id, "reminder")).containsExactly("The invitation closes soon");
			assertThat(revision(id)).isEqualTo(1);
		}
	}

	@Test
	void startWhenSentTimesTheReminderFromTheDeadline() {
		TestUser olga = signIn("Olga");
		TestUser ann = signIn("Ann");
		java.time.Instant now = java.time.Instant.now();
		String week = start(olga, List.of(ann),
				Map.of("expires_at", now.plus(java.time.Duration.ofDays(7)).toString()));
		String day = start(olga, List.of(ann),
				Map.of("expires_at", now.plus(java.time.Duration.ofHours(20)).toString()));
		String soon = start(olga, List.of(ann),
				Map.of("expires_at", now.plus(java.time.Duration.ofMinutes(90)).toString()));

		assertThat(remindBeforeDeadline(week)).isEqualTo(java.time.Duration.ofHours(24));
		assertThat(remindBeforeDeadline(day)).isBetween(java.time.Duration.ofMinutes(599),
				java.time.Duration.ofMinutes(601));
		assertThat(jdbc.sql("SELECT remind_at IS NULL FROM negotiations WHERE id = CAST(:id AS uuid)")
			.param("id", soon)
			.query(Boolean.class)
			.single()).isTrue();
	}

	private java.time.Duration remindBeforeDeadline(String id) {
		Double seconds = jdbc.sql(
				"SELECT extract(epoch FROM expires_at - remind_at)::float8 FROM negotiations WHERE id = CAST(:id AS uuid)")
			.param("id", id)
			.query(Double.class)
			.single();
		return java.time.Duration.ofMillis(Math.round(seconds * 1000));
	}

	private static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					if (!start.await(30, TimeUnit.SECONDS)) {
						throw new IllegalStateException("the start signal never came");
					}
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
