package com.amiqo.kairos.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.StatementCounter;
import com.amiqo.kairos.support.TestUser;
import com.amiqo.kairos.user.AppUser;
import com.amiqo.kairos.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL statements per request, counted at the JDBC layer: reads are a fixed handful, and a
 * reply costs the same whether the group has two people or twenty (no per-participant
 * queries). Writes are pinned to their exact count, and a reply or cancel gives each row
 * it changes exactly one new version.
 */
class QueryBudgetTest extends ApiTest {

	@Autowired
	private NegotiationService service;

	@Autowired
	private NegotiationMembership membership;

	@Autowired
	private UserService users;

	@Autowired
	private TransactionTemplate transactions;

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

		// Lock, load, the one write, the events, the outbox, the read-back of the events.
		assertThat(large).hasSize(6).isEqualTo(small);
	}

	/**
	 * The organizer's pick writes like a confirming reply: lock, load, the one write, the
	 * events, the outbox, the read-back; at most one statement more than that reply.
	 */
	@Test
	void finalizeCostsAtMostOneStatementMoreThanAConfirmingReply() {
		List<String> confirmingReply = lastReplyStatements(3);
		TestUser organizer = signIn("Olga");
		List<TestUser> guests = invitees(3);
		Map<String, Object> body = NegotiationFixtures.start(guests);
		body.put("auto_confirm", false);
		String id = api.post("/negotiate/start")
			.token(organizer.token())
			.json(body)
			.send()
			.data()
			.path("id")
			.asString();
		for (TestUser guest : guests) {
			api.post("/negotiate/reply").token(guest.token()).json(NegotiationFixtures.reply(id, "accept")).send();
		}
		com.amiqo.kairos.support.ApiClient.ApiResponse read = api.get("/negotiations/" + id)
			.token(organizer.token())
			.send();
		String slot = read.data().path("proposed_slots").get(0).path("id").asString();
		String venue = read.data().path("proposed_venues").get(0).path("id").asString();

		List<String> statements = statementsOf(api.post("/negotiate/finalize")
			.token(organizer.token())
			.json(Map.of("negotiation_id", id, "slot_id", slot, "venue_id", venue)));

		assertThat(statements).hasSizeLessThanOrEqualTo(confirmingReply.size() + 1);
		assertThat(writesOf(statements, "negotiations ")).hasSize(1);
		assertThat(outboxWrites(statements)).hasSize(1);
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
		// Lock, load, one write for the negotiation and all its participant rows, outbox.
		assertThat(statements).hasSize(4);
		assertThat(writesOf(statements, "negotiation_participants")).singleElement()
			.satisfies(sql -> assertThat(sql).startsWith("WITH negotiation AS ( UPDATE negotiations"));
		assertThat(writesOf(statements, "negotiations ")).hasSize(1);
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

		// Lock, load, added slots, added venues, the one write, outbox, read-back.
		assertThat(statements).hasSize(7);
	}

	@Test
	void sendingADraftIsOneWrite() {
		TestUser organizer = signIn("Olga");
		Map<String, Object> draft = NegotiationFixtures.start(invitees(3));
		draft.put("send", false);
		String id = api.post("/negotiate/start")
			.token(organizer.token())
			.json(draft)
			.send()
			.data()
			.path("id")
			.asString();

		List<String> statements = statementsOf(
				api.post("/negotiate/reply").token(organizer.token()).json(NegotiationFixtures.reply(id, "accept")));

		// Lock, load, the one write, outbox.
		assertThat(statements).hasSize(4);
	}

	@Test
	void cancelWithReasonWritesTheNegotiationOnce() {
		TestUser organizer = signIn("Olga");
		String id = start(organizer, invitees(3));

		List<String> statements = statementsOf(api.post("/negotiate/cancel")
			.token(organizer.token())
			.json(Map.of("negotiation_id", id, "reason", "Rain")));

		// Lock, load, the one write (reason included), outbox, read-back.
		assertThat(statements).hasSize(5);
		assertThat(writesOf(statements, "negotiations ")).hasSize(1);
		assertThat(jdbc.sql("SELECT cancel_reason FROM negotiations WHERE id = CAST(:id AS uuid)")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("Rain");
	}

	/**
	 * One new version per row and reply: counted by PostgreSQL itself for the current
	 * transaction ({@code pg_stat_xact_user_tables}), so the reply runs inside a test
	 * transaction that is rolled back.
	 */
	@Test
	void replyWritesEachRowOnce() {
		TestUser organizer = signIn("Olga");
		List<TestUser> guests = invitees(3);
		UUID id = UUID.fromString(start(organizer, guests));
		AppUser guest = users.provision(guests.get(0).uid(), null, null);
		NegotiationRequests.ReplyInput accept = new NegotiationRequests.ReplyInput(id, "accept", null, null, null, null,
				null, null, "YWJj", 1);

		Map<String, Long> updated = updatedRowsWithin(() -> service.reply(guest, accept, null));

		assertThat(updated).containsExactlyInAnyOrderEntriesOf(
				Map.of("negotiations", 1L, "negotiation_participants", (long) guests.size() + 1));
	}

	@Test
	void cancelWithReasonWritesEachRowOnce() {
		TestUser olga = signIn("Olga");
		List<TestUser> guests = invitees(2);
		UUID id = UUID.fromString(start(olga, guests));
		AppUser organizer = users.provision(olga.uid(), null, null);

		Map<String, Long> updated = updatedRowsWithin(
				() -> service.cancel(organizer, new NegotiationRequests.Cancel(id, "Rain")));

		assertThat(updated).containsExactlyInAnyOrderEntriesOf(
				Map.of("negotiations", 1L, "negotiation_participants", (long) guests.size() + 1));
	}

	@Test
	void joinWritesEachRowOnce() {
		TestUser olga = signIn("Olga");
		List<TestUser> guests = invitees(2);
		UUID id = UUID.fromString(start(olga, guests));
		AppUser joiner = users.provision(signIn("Joiner").uid(), null, null);

		Map<String, Long> updated = updatedRowsWithin(
				() -> assertThat(membership.join(joiner, id, () -> true)).isPresent());

		// The joiner's row is inserted with the mirrored values, never updated.
		assertThat(updated).containsExactlyInAnyOrderEntriesOf(
				Map.of("negotiations", 1L, "negotiation_participants", (long) guests.size() + 1));
	}

	/**
	 * Rows updated per table by {@code write}, run in a transaction that is rolled back.
	 * The view also holds the session's earlier counts not yet reported (they are
	 * reported only between transactions), so the difference across {@code write} is its
	 * own.
	 */
	private Map<String, Long> updatedRowsWithin(Runnable write) {
		return transactions.execute(status -> {
			Map<String, Long> before = updatedRows();
			write.run();
			Map<String, Long> after = updatedRows();
			status.setRollbackOnly();
			return after.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey,
						entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0L)));
		});
	}

	private Map<String, Long> updatedRows() {
		return jdbc.sql("""
				SELECT relname, n_tup_upd FROM pg_stat_xact_user_tables
				 WHERE relname IN ('negotiations', 'negotiation_participants')
				""")
			.query((row, n) -> Map.entry(row.getString("relname"), row.getLong("n_tup_upd")))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
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

		// Link, lock, load, use claimed, the one write (joined row included), outbox,
		// read-back.
		assertThat(large).hasSize(7).isEqualTo(small);
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

	/**
	 * Statements that write the table ({@code "negotiations "}, with the space, is not
	 * the participants).
	 */
	private static List<String> writesOf(List<String> statements, String table) {
		return statements.stream()
			.filter(sql -> sql.contains("UPDATE " + table) || sql.contains("INSERT INTO " + table))
			.toList();
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
