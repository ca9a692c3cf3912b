package com.amiqo.kairos.negotiation.expiry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.negotiation.DeadlineSweeps;
import com.amiqo.kairos.negotiation.NegotiationFixtures;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** The expiry sweep, including several sweepers at once (as on several instances). */
class ExpirySweepTest extends ApiTest {

	@Autowired
	DeadlineSweeps deadlineSweeps;

	@Test
	void sweepMarksOverdueNegotiationsExpiredAndLeavesOthers() {
		TestUser organizer = signIn("Olga");
		TestUser guest = signIn("Gus");
		String overdue = start(organizer, guest);
		String current = start(organizer, guest);
		makeOverdue(overdue);

		deadlineSweeps.expireOverdue(500);

		ApiResponse expired = api.get("/negotiations/" + overdue).token(guest.token()).send();
		assertThat(expired.data().path("state").asString()).isEqualTo("expired");
		assertThat(expired.data().path("revision").asInt()).isEqualTo(1);
		assertThat(storedState(overdue)).isEqualTo("expired");
		assertThat(storedState(current)).isEqualTo("awaiting_replies");
		ApiResponse list = api.get("/negotiations?state=expired").token(guest.token()).send();
		assertThat(list.data().findValuesAsString("id")).contains(overdue).doesNotContain(current);
	}

	@Test
	void overdueNegotiationReadsAsExpiredBeforeTheSweep() {
		TestUser organizer = signIn("Olga");
		TestUser guest = signIn("Gus");
		String id = start(organizer, guest);
		makeOverdue(id);

		assertThat(api.get("/negotiations/" + id).token(guest.token()).send().data().path("state").asString())
			.isEqualTo("expired");
		assertThat(api.get("/negotiations?state=expired").token(guest.token()).send().data().findValuesAsString("id"))
			.contains(id);
		assertThat(
				api.get("/negotiations?awaiting_me=true").token(guest.token()).send().data().findValuesAsString("id"))
			.doesNotContain(id);
		assertThat(storedState(id)).isEqualTo("awaiting_replies");
	}

	@Test
	void concurrentSweepsExpireEachNegotiationExactlyOnce() throws Exception {
		TestUser organizer = signIn("Olga");
		TestUser guest = signIn("Gus");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String id = start(organizer, guest);
			makeOverdue(id);
			ids.add(id);
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> sweeps = List.of(() -> deadlineSweeps.expireOverdue(7),
					() -> deadlineSweeps.expireOverdue(7), () -> deadlineSweeps.expireOverdue(7),
					() -> deadlineSweeps.expireOverdue(7));
			int total = 0;
			for (Future<Integer> swept : pool.invokeAll(sweeps, 60, TimeUnit.SECONDS)) {
				total += swept.get(60, TimeUnit.SECONDS);
			}
			assertThat(total).isGreaterThanOrEqualTo(30);
		}
		finally {
			pool.shutdownNow();
		}
		for (String id : ids) {
			assertThat(storedState(id)).isEqualTo("expired");
			assertThat(jdbc.sql("SELECT revision FROM negotiations WHERE id = CAST(:id AS uuid)")
				.param("id", id)
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

	private String start(TestUser organizer, TestUser guest) {
		ApiResponse started = api.post("/negotiate/start")
			.token(organizer.token())
			.json(NegotiationFixtures.start(List.of(guest)))
			.send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.data().path("id").asString();
	}

	private void makeOverdue(String id) {
		jdbc.sql("UPDATE negotiations SET expires_at = now() - interval '1 second' WHERE id = CAST(:id AS uuid)")
			.param("id", id)
			.update();
	}

	private String storedState(String id) {
		return jdbc.sql("SELECT state FROM negotiations WHERE id = CAST(:id AS uuid)")
			.param("id", id)
			.query(String.class)
			.single();
	}

}
