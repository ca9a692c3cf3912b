package com.amiqo.kairos.invite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links that do not work, who may manage links, bad input, races and the rate limit
 * (docs/reference.md#invite-links).
 */
class InviteRefusalTest extends InviteApiTest {

	@Test
	void previewAndJoinWhenLinkIsUnusableAnswerTheSame404() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = openPlan(alice);
		String revoked = linkToken(alice, id, Map.of());
		String expired = linkToken(alice, id, Map.of());
		String usedUp = linkToken(alice, id, Map.of("max_uses", 1));
		String revokedId = api.get("/negotiations/" + id + "/invite-links")
			.token(alice.token())
			.send()
			.data()
			.get(0)
			.path("id")
			.asString();
		assertThat(
				api.delete("/negotiations/" + id + "/invite-links/" + revokedId).token(alice.token()).send().status())
			.isEqualTo(204);
		jdbc.sql("UPDATE invite_links SET expires_at = now() - interval '1 second' WHERE negotiation_id = ?"
				+ " AND revoked_at IS NULL AND max_uses IS NULL")
			.param(UUID.fromString(id))
			.update();
		assertThat(join(signIn("Carol"), usedUp).status()).isEqualTo(200);
		String unknown = InviteService.TOKENS.next();
		String cancelledPlanLink = linkToken(alice, openPlan(alice), Map.of());
		cancel(alice,
				jdbc.sql("SELECT negotiation_id::text FROM invite_links ORDER BY created_at DESC LIMIT 1")
					.query(String.class)
					.single());

		List<String> bodies = new ArrayList<>();
		for (String token : List.of(revoked, expired, usedUp, unknown, cancelledPlanLink)) {
			for (ApiResponse response : List.of(preview(bob, token), join(bob, token))) {
				assertErrorEnvelope(response, 404, "INVITE_NOT_FOUND");
				bodies.add(response.error().path("message").asString() + response.error().path("details"));
			}
		}
		assertThat(bodies).containsOnly(bodies.get(0));
		assertThat(participantRows(id)).isEqualTo(2);
	}

	@Test
	void joinWhenNegotiationIsOverdueReturns404() {
		TestUser alice = signIn("Alice");
		String id = openPlan(alice);
		String token = linkToken(alice, id, Map.of());
		jdbc.sql("UPDATE negotiations SET expires_at = now() - interval '1 second' WHERE id = ?")
			.param(UUID.fromString(id))
			.update();

		assertErrorEnvelope(join(signIn("Bob"), token), 404, "INVITE_NOT_FOUND");
		assertThat(participantRows(id)).isEqualTo(1);
	}

	@Test
	void manageLinksWhenNotTheOrganizerReturns403() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		TestUser mallory = signIn("Mallory");
		String id = startPlan(alice, List.of(bob), true).path("id").asString();
		String linkId = createLink(alice, id, Map.of()).data().path("id").asString();

		for (TestUser user : List.of(mallory, bob)) {
			String code = user == bob ? "ORGANIZER_ONLY_ACTION" : "USER_NOT_PARTICIPANT";
			assertErrorEnvelope(api.get("/negotiations/" + id + "/invite-links").token(user.token()).send(), 403, code);
			assertErrorEnvelope(
					api.delete("/negotiations/" + id + "/invite-links/" + linkId).token(user.token()).send(), 403,
					code);
			assertErrorEnvelope(createLink(user, id, Map.of()), 403, code);
		}
		assertThat(linkRows(id)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM invite_links WHERE revoked_at IS NOT NULL AND id = ?")
			.param(UUID.fromString(linkId))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void manageLinksWhenNegotiationIsSomeoneElsesDraftReturns404() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = startPlan(alice, List.of(bob), false).path("id").asString();

		assertErrorEnvelope(createLink(bob, id, Map.of()), 404, "NOT_FOUND");
		assertErrorEnvelope(api.get("/negotiations/" + UUID.randomUUID() + "/invite-links").token(alice.token()).send(),
				404, "NOT_FOUND");
	}

	@Test
	void revokeWhenLinkBelongsToAnotherNegotiationReturns404AndRevokesNothing() {
		TestUser alice = signIn("Alice");
		String first = openPlan(alice);
		String second = openPlan(alice);
		String linkOfFirst = createLink(alice, first, Map.of()).data().path("id").asString();

		assertErrorEnvelope(
				api.delete("/negotiations/" + second + "/invite-links/" + linkOfFirst).token(alice.token()).send(), 404,
				"NOT_FOUND");
		assertThat(api.delete("/negotiations/" + first + "/invite-links/" + linkOfFirst)
			.token(alice.token())
			.send()
			.status()).isEqualTo(204);
		assertThat(api.delete("/negotiations/" + first + "/invite-links/" + linkOfFirst)
			.token(alice.token())
			.send()
			.status()).isEqualTo(204);
		assertThat(api.get("/negotiations/" + first + "/invite-links")
			.token(alice.token())
			.send()
			.data()
			.get(0)
			.path("active")
			.asBoolean()).isFalse();
	}

	@Test
	void createWhenNegotiationIsClosedReturns409AndWritesNothing() {
		TestUser alice = signIn("Alice");
		String id = openPlan(alice);
		cancel(alice, id);

		ApiResponse response = createLink(alice, id, Map.of());

		assertErrorEnvelope(response, 409, "INVALID_STATE_TRANSITION");
		assertThat(response.error().path("details").path("current_state").asString()).isEqualTo("cancelled");
		assertThat(linkRows(id)).isZero();
	}

	@Test
	void createWhenFiveLinksAreActiveReturns409() {
		TestUser alice = signIn("Alice");
		String id = openPlan(alice);
		for (int i = 0; i < 5; i++) {
			linkToken(alice, id, Map.of());
		}

		assertErrorEnvelope(createLink(alice, id, Map.of()), 409, "CONFLICT");
		assertThat(linkRows(id)).isEqualTo(5);
		String oneId = api.get("/negotiations/" + id + "/invite-links")
			.token(alice.token())
			.send()
			.data()
			.get(0)
			.path("id")
			.asString();
		api.delete("/negotiations/" + id + "/invite-links/" + oneId).token(alice.token()).send();
		assertThat(createLink(alice, id, Map.of()).status()).isEqualTo(201);
	}

	@Test
	void createWhenTenRaceForFiveSlotsMakesExactlyFiveActiveLinks() throws Exception {
		TestUser alice = signIn("Alice");
		String id = openPlan(alice);

		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Future<ApiResponse>> futures = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				futures.add(pool.submit((Callable<ApiResponse>) () -> createLink(alice, id, Map.of())));
			}
			for (Future<ApiResponse> future : futures) {
				statuses.add(future.get(60, TimeUnit.SECONDS).status());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(statuses).filteredOn(status -> status == 201).hasSize(5);
		assertThat(statuses).filteredOn(status -> status == 409).hasSize(5);
		assertThat(linkRows(id)).isEqualTo(5);
	}

	@Test
	void createWhenBodyIsInvalidReturns400NamingTheFieldAndWritesNothing() {
		TestUser alice = signIn("Alice");
		String id = openPlan(alice);
		String beyondNegotiation = inDays(8).toString();
		List<Map<String, Object>> bodies = List.of(Map.of("max_uses", 0), Map.of("max_uses", 50),
				Map.of("max_uses", 1_000_000), Map.of("max_uses", "ten"), Map.of("expires_at", beyondNegotiation),
				Map.of("expires_at", "2020-01-01T00:00:00Z"), Map.of("expires_at", "tomorrow"));
		List<String> fields = List.of("max_uses", "max_uses", "max_uses", "max_uses", "expires_at", "expires_at",
				"expires_at");

		for (int i = 0; i < bodies.size(); i++) {
			ApiResponse response = createLink(alice, id, bodies.get(i));
			assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
			assertThat(response.error().path("details").path("field").asString()).as(response.toString())
				.isEqualTo(fields.get(i));
		}
		assertErrorEnvelope(
				api.post("/negotiations/not-a-uuid/invite-links").token(alice.token()).json(Map.of()).send(), 400,
				"VALIDATION_ERROR");
		assertThat(linkRows(id)).isZero();
	}

	@Test
	void createWhenNoBodyUsesTheDefaults() {
		TestUser alice = signIn("Alice");
		String id = openPlan(alice);

		ApiResponse response = api.post("/negotiations/" + id + "/invite-links").token(alice.token()).send();

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.data().path("max_uses").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "short", "AAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAA%2B", "AAAAAAAAAAAAAAAAAAAA.A" })
	void previewAndJoinWhenTokenIsMalformedReturn400NamingIt(String token) {
		TestUser bob = signIn("Bob");

		for (ApiResponse response : List.of(preview(bob, token), join(bob, token))) {
			assertErrorEnvelope(response, 400, "VALIDATION_ERROR");
			assertThat(response.error().path("details").path("field").asString()).isEqualTo("token");
		}
	}

	@Test
	void previewAndJoinWhenUnauthenticatedReturn401() {
		TestUser alice = signIn("Alice");
		String token = linkToken(alice, openPlan(alice), Map.of());

		assertErrorEnvelope(api.get("/invites/" + token).send(), 401, "UNAUTHORIZED");
		assertErrorEnvelope(api.post("/invites/" + token + "/join").send(), 401, "UNAUTHORIZED");
	}

	@Test
	void previewWhenGuessedTooOftenReturns429ForThatUserOnly() {
		TestUser guesser = signIn("Guesser");
		TestUser alice = signIn("Alice");
		String token = linkToken(alice, openPlan(alice), Map.of());

		ApiResponse last = null;
		for (int i = 0; i < 21; i++) {
			last = preview(guesser, InviteService.TOKENS.next());
		}

		assertErrorEnvelope(last, 429, "RATE_LIMIT_EXCEEDED");
		assertThat(last.error().path("details").path("scope").asString()).isEqualTo("invite");
		assertThat(last.header("Retry-After")).isNotBlank();
		assertErrorEnvelope(join(guesser, token), 429, "RATE_LIMIT_EXCEEDED");
		assertThat(preview(signIn("Bob"), token).status()).isEqualTo(200);
	}

	@Test
	void joinWhenTwentyUsersRaceForTenUsesLetsExactlyTenIn() throws Exception {
		TestUser alice = signIn("Alice");
		String id = openPlan(alice);
		String token = linkToken(alice, id, Map.of("max_uses", 10));
		List<TestUser> racers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			racers.add(signIn("Racer" + i));
		}

		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Future<ApiResponse>> futures = new ArrayList<>();
		try {
			for (TestUser racer : racers) {
				futures.add(pool.submit((Callable<ApiResponse>) () -> join(racer, token)));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<ApiResponse> future : futures) {
				statuses.add(future.get(60, TimeUnit.SECONDS).status());
			}
			assertThat(statuses).filteredOn(status -> status == 200).hasSize(10);
			assertThat(statuses).filteredOn(status -> status == 404).hasSize(10);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(participantRows(id)).isEqualTo(11);
		tools.jackson.databind.JsonNode negotiation = api.get("/negotiations/" + id).token(alice.token()).send().data();
		assertThat(negotiation.path("participant_count").asInt()).isEqualTo(11);
		assertThat(negotiation.path("revision").asInt()).isEqualTo(10);
		assertThat(jdbc.sql("SELECT uses FROM invite_links WHERE negotiation_id = ?")
			.param(UUID.fromString(id))
			.query(Integer.class)
			.single()).isEqualTo(10);
	}

}
