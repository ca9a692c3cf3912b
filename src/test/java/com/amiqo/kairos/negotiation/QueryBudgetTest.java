package com.amiqo.kairos.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.StatementCounter;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL statements per request, counted at the JDBC layer: reads are a fixed handful, and a
 * reply costs the same whether the group has two people or twenty (no per-participant
 * queries).
 */
class QueryBudgetTest extends ApiTest {

	@Test
	void getNegotiationUsesAtMostThreeStatements() {
		TestUser organizer = signIn("Olga");
		String id = start(organizer, invitees(10));

		List<String> statements = statementsOf(api.get("/negotiations/" + id).token(organizer.token()));

		assertThat(statements).hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void listPageUsesAtMostTwoStatements() {
		TestUser organizer = signIn("Olga");
		for (int i = 0; i < 5; i++) {
			start(organizer, invitees(3));
		}

		assertThat(statementsOf(api.get("/negotiations?limit=3").token(organizer.token()))).hasSizeLessThanOrEqualTo(2);
		assertThat(statementsOf(api.get("/events?limit=3").token(organizer.token()))).hasSizeLessThanOrEqualTo(2);
		assertThat(statementsOf(api.get("/events/upcoming").token(organizer.token()))).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void confirmingReplyCostsTheSameForTwoAndTwentyParticipants() {
		List<String> small = lastReplyStatements(1);
		List<String> large = lastReplyStatements(19);

		assertThat(large).hasSizeLessThanOrEqualTo(10).isEqualTo(small);
	}

	/**
	 * The negotiation is loaded once, under the lock; the response is built from what the
	 * reply wrote, not read back.
	 */
	@Test
	void plainReplyLoadsTheNegotiationOnce() {
		TestUser organizer = signIn("Olga");
		List<TestUser> guests = invitees(3);
		String id = start(organizer, guests);

		List<String> statements = statementsOf(api.post("/negotiate/reply")
			.token(guests.get(0).token())
			.json(NegotiationFixtures.reply(id, "accept")));

		assertThat(statements.stream().filter(sql -> sql.contains(" AS aggregates"))).hasSize(1);
		assertThat(statements).hasSizeLessThanOrEqualTo(7);
	}

	@Test
	void counterReplyStaysWithinBudget() {
		TestUser organizer = signIn("Olga");
		List<TestUser> guests = invitees(15);
		String id = start(organizer, guests);
		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_slots", List.of(NegotiationFixtures.slot(NegotiationFixtures.inDays(6)),
				NegotiationFixtures.slot(NegotiationFixtures.inDays(7))));
		counter.put("counter_venues", List.of(NegotiationFixtures.venue("Elsewhere")));

		List<String> statements = statementsOf(api.post("/negotiate/reply").token(guests.get(0).token()).json(counter));

		assertThat(statements).hasSizeLessThanOrEqualTo(10);
	}

	@Test
	void calendarFeedReadIsOneStatement() {
		TestUser organizer = signIn("Olga");
		for (int i = 0; i < 3; i++) {
			List<TestUser> guests = invitees(1);
			String id = start(organizer, guests);
			api.post("/negotiate/reply")
				.token(guests.get(0).token())
				.json(NegotiationFixtures.reply(id, "accept"))
				.send();
		}
		String url = api.put("/me/calendar-feed").token(organizer.token()).send().data().path("url").asString();

		List<String> statements = statementsOf(api.get(url.substring(url.indexOf("/calendar/"))));

		assertThat(statements).hasSize(1);
	}

	@Test
	void joinByLinkCostsTheSameForSmallAndLargeNegotiations() {
		List<String> small = joinStatements(1);
		List<String> large = joinStatements(20);

		assertThat(large).hasSizeLessThanOrEqualTo(10).isEqualTo(small);
	}

	private List<String> joinStatements(int inviteeCount) {
		TestUser organizer = signIn("Olga");
		String id = start(organizer, invitees(inviteeCount));
		String token = api.post("/negotiations/" + id + "/invite-links")
			.token(organizer.token())
			.json(Map.of())
			.send()
			.data()
			.path("token")
			.asString();
		TestUser joiner = signIn("Joiner");
		return statementsOf(api.post("/invites/" + token + "/join").token(joiner.token()));
	}

	@Test
	void replyWritesItsNotificationsWithOneStatementWhateverTheGroupSize() {
		assertThat(outboxWrites(lastReplyStatements(1))).hasSize(1);
		assertThat(outboxWrites(lastReplyStatements(19))).hasSize(1);
		TestUser organizer = signIn("Olga");
		List<TestUser> guests = invitees(15);
		String id = start(organizer, guests);
		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_slots", List.of(NegotiationFixtures.slot(NegotiationFixtures.inDays(6))));

		List<String> statements = statementsOf(api.post("/negotiate/reply").token(guests.get(0).token()).json(counter));

		assertThat(outboxWrites(statements)).hasSize(1);
		assertThat(jdbc
			.sql("SELECT count(*) FROM notification_outbox WHERE negotiation_id = CAST(:id AS uuid)"
					+ " AND kind = 'countered'")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(15);
	}

	private static List<String> outboxWrites(List<String> statements) {
		return statements.stream().filter(sql -> sql.contains("notification_outbox")).toList();
	}

	/**
	 * Statements of the reply that confirms a negotiation with {@code inviteeCount}
	 * invitees.
	 */
	private List<String> lastReplyStatements(int inviteeCount) {
		TestUser organizer = signIn("Olga");
		List<TestUser> guests = invitees(inviteeCount);
		String id = start(organizer, guests);
		for (TestUser guest : guests.subList(0, guests.size() - 1)) {
			api.post("/negotiate/reply").token(guest.token()).json(NegotiationFixtures.reply(id, "accept")).send();
		}
		List<String> statements = statementsOf(api.post("/negotiate/reply")
			.token(guests.get(guests.size() - 1).token())
			.json(NegotiationFixtures.reply(id, "accept")));
		assertThat(api.get("/negotiations/" + id).token(organizer.token()).send().data().path("state").asString())
			.isEqualTo("confirmed");
		return statements;
	}

	private List<String> statementsOf(com.amiqo.kairos.support.ApiClient.Call call) {
		String requestId = StatementCounter.newRequestId();
		ApiResponse response = call.header("X-Request-Id", requestId).send();
		assertThat(response.status()).as(response.toString()).isLessThan(300);
		return StatementCounter.statementsOf(requestId);
	}

	private List<TestUser> invitees(int count) {
		List<TestUser> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			users.add(signIn("Guest" + i));
		}
		return users;
	}

	private String start(TestUser organizer, List<TestUser> invitees) {
		ApiResponse started = api.post("/negotiate/start")
			.token(organizer.token())
			.json(NegotiationFixtures.start(invitees))
			.send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.data().path("id").asString();
	}

}
