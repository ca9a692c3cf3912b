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

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent replies through real HTTP on real threads: the row lock serialises them. */
class NegotiationConcurrencyTest extends ApiTest {

	@Test
	void replyWhenTwentyInviteesAcceptAtOnceConfirmsExactlyOnce() throws Exception {
		TestUser organizer = signIn("Olga");
		List<TestUser> invitees = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			invitees.add(signIn("Guest" + i));
		}
		String id = start(organizer, invitees);

		List<ApiResponse> responses = concurrently(invitees.stream()
			.<Callable<ApiResponse>>map(invitee -> () -> api.post("/negotiate/reply")
				.token(invitee.token())
				.json(NegotiationFixtures.reply(id, "accept"))
				.send())
			.toList());

		assertThat(responses)
			.allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(200));
		assertThat(responses).filteredOn(response -> response.data().path("state").asString().equals("confirmed"))
			.hasSize(1);
		ApiResponse negotiation = api.get("/negotiations/" + id).token(organizer.token()).send();
		assertThat(negotiation.data().path("state").asString()).isEqualTo("confirmed");
		assertThat(negotiation.data().path("revision").asInt()).isEqualTo(20);
		assertThat(negotiation.data().path("accepted_count").asInt()).isEqualTo(20);
		assertThat(count("SELECT count(*) FROM events WHERE negotiation_id = CAST(:id AS uuid)", id)).isEqualTo(21);
		assertThat(count("SELECT count(DISTINCT owner_id) FROM events WHERE negotiation_id = CAST(:id AS uuid)", id))
			.isEqualTo(21);
	}

	@Test
	void replyWhenCounterAndAcceptRaceLeavesBothAnswersAndOneConsistentState() throws Exception {
		for (int round = 0; round < 5; round++) {
			TestUser organizer = signIn("Olga");
			TestUser bob = signIn("Bob");
			TestUser carol = signIn("Carol");
			String id = start(organizer, List.of(bob, carol));
			Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
			counter.put("counter_slots", List.of(NegotiationFixtures.slot(NegotiationFixtures.inDays(5))));

			List<ApiResponse> responses = concurrently(
					List.of(() -> api.post("/negotiate/reply").token(bob.token()).json(counter).send(),
							() -> api.post("/negotiate/reply")
								.token(carol.token())
								.json(NegotiationFixtures.reply(id, "accept"))
								.send()));

			assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(200));
			ApiResponse negotiation = api.get("/negotiations/" + id).token(organizer.token()).send();
			assertThat(negotiation.data().path("revision").asInt()).isEqualTo(2);
			assertThat(negotiation.data().path("agent_round").asInt()).isEqualTo(1);
			assertThat(negotiation.data().path("proposed_slots").size()).isEqualTo(3);
			assertThat(negotiation.data().path("participants").findValuesAsString("status"))
				.containsExactly("organizer", "countered", "accepted");
			// The organizer has not accepted Bob's new time, so nobody can have
			// confirmed.
			assertThat(negotiation.data().path("state").asString()).isEqualTo("awaiting_replies");
			assertThat(count("SELECT count(*) FROM events WHERE negotiation_id = CAST(:id AS uuid)", id)).isZero();
		}
	}

	@Test
	void startWhenTheSameClientIdIsRetriedConcurrentlyCreatesOneNegotiation() throws Exception {
		TestUser organizer = signIn("Olga");
		TestUser guest = signIn("Gus");
		String id = java.util.UUID.randomUUID().toString();
		Map<String, Object> body = NegotiationFixtures.start(List.of(guest));
		body.put("id", id);

		List<ApiResponse> responses = concurrently(java.util.Collections.nCopies(6,
				() -> api.post("/negotiate/start").token(organizer.token()).json(body).send()));

		assertThat(responses).extracting(ApiResponse::status).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(responses).allSatisfy(response -> assertThat(response.data().path("id").asString()).isEqualTo(id));
		assertThat(count("SELECT count(*) FROM negotiations WHERE id = CAST(:id AS uuid)", id)).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM negotiation_participants WHERE negotiation_id = CAST(:id AS uuid)", id))
			.isEqualTo(2);
	}

	private String start(TestUser organizer, List<TestUser> invitees) {
		Map<String, Object> body = NegotiationFixtures.start(invitees);
		body.remove("proposed_venues");
		ApiResponse started = api.post("/negotiate/start").token(organizer.token()).json(body).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.data().path("id").asString();
	}

	private long count(String sql, String id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	private static List<ApiResponse> concurrently(List<Callable<ApiResponse>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ApiResponse>> futures = new ArrayList<>();
			for (Callable<ApiResponse> call : calls) {
				futures.add(pool.submit(() -> {
					if (!start.await(30, TimeUnit.SECONDS)) {
						throw new IllegalStateException("the start signal never came");
					}
					return call.call();
				}));
			}
			start.countDown();
			List<ApiResponse> responses = new ArrayList<>();
			for (Future<ApiResponse> future : futures) {
				responses.add(future.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
