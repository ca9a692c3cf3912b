package com.amiqo.kairos.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.amiqo.kairos.api.FuzzedRequests.Fuzzed;
import com.amiqo.kairos.api.FuzzedRequests.Scene;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.OpenApiConformance;
import com.amiqo.kairos.support.QuietApiTest;
import com.amiqo.kairos.support.RawHttp;
import com.amiqo.kairos.support.TestKeys;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of seeded malformed requests (see {@link FuzzedRequests}) over real HTTP. For
 * every one: no 5xx, an {@code X-Request-Id}, the error envelope, a status and shape the
 * served OpenAPI document lists for the operation; a refused request changes nothing in
 * any table; and nothing the requests made up ever reaches the log. Reproduce a failure
 * with {@code -Dkairos.fuzz.seed=<seed from the message>};
 * {@code -Dkairos.fuzz.requests=N} runs more.
 *
 * <p>
 * On the {@link QuietApiTest} context: neither the expiry sweep nor the notification
 * dispatcher may change rows while the test compares snapshots of the database, and the
 * per-user rate limit would otherwise turn most requests into 429s.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiFuzzTest extends QuietApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int SCENE_REFRESH = 250;

	@Test
	void fuzzedRequestsNeverCause5xxAlwaysGetTheEnvelopeChangeNothingWhenRefusedAndStayOutOfTheLog(
			CapturedOutput output) {
		long seed = Long.getLong("kairos.fuzz.seed", new Random().nextLong());
		int count = Integer.getInteger("kairos.fuzz.requests", 2400);
		String marker = "Fz" + Long.toString(Math.abs(seed % 1_000_000_000L), 36) + "q";
		FuzzedRequests requests = new FuzzedRequests(seed, marker);
		String fingerprintSql = fingerprintSql();
		List<String> failures = new ArrayList<>();
		Scene scene = null;
		String before = null;
		for (int i = 0; i < count && failures.size() < 20; i++) {
			if (i % SCENE_REFRESH == 0) {
				scene = newScene();
				before = fingerprint(fingerprintSql);
			}
			Fuzzed request = requests.next(scene);
			RawHttp.Response response = RawHttp.request(port(), request.method(), request.target(), request.headers(),
					request.body());
			String after = fingerprint(fingerprintSql);
			String problem = problem(request, response, !before.equals(after));
			if (problem == null) {
				problem = undocumented(request, response);
			}
			if (problem != null) {
				failures.add("#" + i + " " + request.label() + ": " + problem + "\n    " + response);
			}
			before = after;
		}

		assertThat(failures).as("seed %d", seed).isEmpty();
		assertThat(output.getAll()).as("seed %d: made-up request content in the log", seed).doesNotContain(marker);
		assertThat(output.getAll()).as("seed %d", seed).doesNotContain("Unhandled exception");
	}

	/**
	 * Framing the web server refuses is a client error, or the server saying what it does
	 * not implement ({@code 501}) or which HTTP version it does not speak ({@code 505}):
	 * never a 500, always the envelope with a request id, and none of it logged.
	 */
	@Test
	void malformedFramingGets400Or501Or505InTheEnvelope(CapturedOutput output) {
		String marker = "Fr" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "q";
		TestUser user = signIn("Framer");
		List<String> failures = new ArrayList<>();
		for (String request : new FuzzedRequests(0, marker).framing(user.token())) {
			RawHttp.Response response = RawHttp.send(port(), request);
			String label = request.substring(0, request.indexOf("\r\n")) + " "
					+ request.lines()
						.filter(line -> line.startsWith("Transfer-Encoding") || line.startsWith("Content-Length"))
						.toList();
			if (!List.of(400, 501, 505).contains(response.status())) {
				failures.add(label + ": status " + response.status() + "\n    " + response);
				continue;
			}
			String problem = problem(new Fuzzed("FRAMING", "/", List.of(), new byte[0], label), response, false);
			if (problem != null) {
				failures.add(label + ": " + problem + "\n    " + response);
			}
		}

		assertThat(failures).isEmpty();
		assertThat(output.getAll()).doesNotContain(marker).doesNotContain("Unhandled exception");
	}

	/**
	 * The status and shape must be what the served OpenAPI document says for the
	 * operation, if it is one.
	 */
	private String undocumented(Fuzzed request, RawHttp.Response response) {
		Map<String, List<String>> headers = new java.util.HashMap<>();
		response.headers().forEach((name, value) -> headers.put(name, List.of(value)));
		List<String> violations = OpenApiConformance.violations("http://localhost:" + port(), request.method(),
				request.target(), response.status(), headers, response.body());
		return violations.isEmpty() ? null : "not as documented: " + violations;
	}

	private static String problem(Fuzzed request, RawHttp.Response response, boolean databaseChanged) {
		int status = response.status();
		boolean framing = request.method().equals("FRAMING");
		if (status < 200 || (status >= 500 && !framing)) {
			return "status " + status;
		}
		String requestId = response.header("X-Request-Id");
		if (requestId == null || !requestId.matches("[A-Za-z0-9._-]{1,128}")) {
			return "no valid X-Request-Id";
		}
		if (status >= 400 && databaseChanged) {
			return "refused with " + status + " but the database changed";
		}
		if (request.method().equals("HEAD") || status == 204 || status == 304) {
			return null;
		}
		if (request.method().equals("OPTIONS") && status == 200) {
			return response.header("Allow") != null ? null : "OPTIONS without Allow";
		}
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (RuntimeException e) {
			return "body is not JSON";
		}
		if (status >= 400) {
			if (!String.valueOf(response.header("Content-Type")).startsWith("application/json")) {
				return "error without application/json";
			}
			JsonNode error = body.path("error");
			boolean envelope = body.propertyNames().equals(java.util.Set.of("error"))
					&& error.path("code").asString("").matches("[A-Z_]+") && error.path("message").isString()
					&& error.path("details").isObject();
			return envelope ? null : "not the error envelope";
		}
		return body.has("data") && requestId.equals(body.path("meta").path("request_id").asString(null)) ? null
				: "success without data and meta.request_id";
	}

	/**
	 * Two signed-in users with a negotiation awaiting replies and a confirmed one (so an
	 * event exists).
	 */
	private Scene newScene() {
		TestUser organizer = signIn("Fuzzer");
		TestUser guest = signIn("Target");
		String confirmedId = start(organizer, guest).data().path("id").asString();
		ApiResponse confirmed = api.post("/negotiate/reply")
			.token(guest.token())
			.json(Map.of("negotiation_id", confirmedId, "action", "accept"))
			.send();
		assertThat(confirmed.data().path("state").asString()).as(confirmed.toString()).isEqualTo("confirmed");
		String eventId = api.get("/events").token(guest.token()).send().data().path(0).path("id").asString();
		ApiResponse open = start(organizer, guest);
		List<String> slotIds = open.data()
			.path("proposed_slots")
			.valueStream()
			.map(s -> s.path("id").asString())
			.toList();
		List<String> venueIds = open.data()
			.path("proposed_venues")
			.valueStream()
			.map(v -> v.path("id").asString())
			.toList();
		return new Scene(organizer, guest, open.data().path("id").asString(), slotIds, venueIds, eventId,
				TestKeys.generate().publish(api, guest));
	}

	private ApiResponse start(TestUser organizer, TestUser guest) {
		ApiResponse started = api.post("/negotiate/start")
			.token(organizer.token())
			.json(Map.of("intent_category", "coffee", "participant_ids", List.of(guest.uid()), "send", true,
					"proposed_slots",
					List.of(Map.of("starts_at",
							Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString())),
					"proposed_venues", List.of(Map.of("name", "Cafe"))))
			.send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started;
	}

	/**
	 * One hash over every row of every table (the migrations table aside), whatever
	 * tables exist.
	 */
	private String fingerprintSql() {
		List<String> tables = jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				 WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'
				 ORDER BY table_name""").query(String.class).list();
		assertThat(tables).contains("app_users", "negotiations", "events");
		StringBuilder sql = new StringBuilder("SELECT md5(string_agg(h, ',' ORDER BY h)) FROM (");
		for (int i = 0; i < tables.size(); i++) {
			sql.append(i == 0 ? "" : " UNION ALL ")
				.append("SELECT '")
				.append(tables.get(i))
				.append("' || md5(t::text) AS h FROM \"")
				.append(tables.get(i))
				.append("\" t");
		}
		return sql.append(") rows").toString();
	}

	private String fingerprint(String sql) {
		return jdbc.sql(sql).query(String.class).single();
	}

}
