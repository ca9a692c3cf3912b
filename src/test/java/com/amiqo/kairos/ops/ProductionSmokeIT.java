package com.amiqo.kairos.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.OpenApiConformance;
import com.amiqo.kairos.support.PackagedApp;
import com.amiqo.kairos.support.TestJwks;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged, lean service started as the container starts it (image files, entrypoint
 * command, KAIROS_ENV=prod) against a PostgreSQL given by DATABASE_URL and a test JWKS:
 * Cloud Logging lines only, a negotiation driven to confirmed, and Cloud Run's SIGTERM in
 * the middle of a slow request.
 */
class ProductionSmokeIT {

	static final String PROJECT = "kairos-smoke";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int SIGTERM_EXIT_STATUS = 128 + 15;

	private static EmbeddedPostgres database;

	@BeforeAll
	static void startDatabase() throws Exception {
		database = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopDatabase() throws Exception {
		database.close();
	}

	static Map<String, String> prodEnvironment(EmbeddedPostgres database) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("KAIROS_ENV", "prod");
		env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres");
		env.put("DATABASE_USER", "postgres");
		env.put("FIREBASE_PROJECT_ID", TestTokens.PROJECT_ID);
		env.put("FIREBASE_JWKS_URL", TestJwks.get().url());
		env.put("KAIROS_CURSOR_SECRET", "smoke-test-cursor-secret-0123456789abcdef");
		env.put("KAIROS_PUBLIC_URL", "https://kairos.example.com");
		env.put("GOOGLE_CLOUD_PROJECT", PROJECT);
		return env;
	}

	@Test
	void prodServiceWhenDrivenAndTerminatedLogsForCloudLoggingAndFinishesTheSlowRequest() throws Exception {
		Map<String, String> env = prodEnvironment(database);
		env.put("KAIROS_ACCESS_LOG_SAMPLE_RATE", "1");
		Set<String> tracesSent = ConcurrentHashMap.newKeySet();
		try (PackagedApp app = PackagedApp.start(env).awaitHealthy()) {
			ApiClient api = app.api();
			String alice = "smoke-alice-" + System.nanoTime();
			String bob = "smoke-bob-" + System.nanoTime();
			assertThat(traced(api.get("/me"), tracesSent).token(TestTokens.valid(alice)).send().status())
				.isEqualTo(200);
			assertThat(traced(api.get("/me"), tracesSent).token(TestTokens.valid(bob)).send().status()).isEqualTo(200);

			String confirmedId = start(api, alice, bob, tracesSent);
			ApiResponse accepted = traced(api.post("/negotiate/reply"), tracesSent).token(TestTokens.valid(bob))
				.json(Map.of("negotiation_id", confirmedId, "action", "accept"))
				.send();
			assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
			assertThat(accepted.data().path("state").asString()).isEqualTo("confirmed");

			// A slow request: the cancel waits for a row lock this test holds, then
			// SIGTERM arrives.
			String slowId = start(api, alice, bob, tracesSent);
			ApiResponse slow;
			long terminatedAt;
			try (Connection blocker = DriverManager
				.getConnection("jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres", "postgres", "")) {
				blocker.setAutoCommit(false);
				blocker.createStatement().execute("SELECT 1 FROM negotiations WHERE id = '" + slowId + "' FOR UPDATE");
				CompletableFuture<ApiResponse> cancel = CompletableFuture
					.supplyAsync(() -> traced(api.post("/negotiate/cancel"), tracesSent).token(TestTokens.valid(alice))
						.json(Map.of("negotiation_id", slowId))
						.send());
				await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnLocks(blocker) == 1);
				// The request in flight runs on a virtual thread: the image runs Java 25
				// with Spring AOT, whose build (Java 17) cannot switch them on. A Java 17
				// standing in for the image's runtime has none.
				if (PackagedApp.usesImageJava()) {
					assertThat(threadDump(app.pid())).contains("\"tomcat-handler-");
				}

				app.terminate();
				terminatedAt = System.nanoTime();
				// Still in flight a second after SIGTERM: the shutdown waits for it
				// instead of cutting it off.
				await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !cancel.isDone());
				blocker.rollback();
				slow = cancel.get(10, TimeUnit.SECONDS);
			}
			int status = app.awaitExit(Duration.ofSeconds(10));
			long exitedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - terminatedAt);

			assertThat(slow.status()).as(slow.toString()).isEqualTo(200);
			assertThat(slow.data().path("state").asString()).isEqualTo("cancelled");
			assertThat(exitedAfterMs).isLessThan(10_000);
			assertThat(status).isEqualTo(SIGTERM_EXIT_STATUS);
			assertEveryLineIsACloudLoggingEntry(app.lines(), tracesSent);
			assertThat(app.lines()).anySatisfy(line -> assertThat(line).contains("Graceful shutdown complete"));
		}
	}

	/**
	 * The JVM's thread dump (JSON, virtual threads included), taken with the image's
	 * jcmd.
	 */
	private static String threadDump(long pid) throws Exception {
		Path dump = Files.createTempDirectory("kairos-threads").resolve("threads.json");
		Path jcmd = Path.of(System.getProperty("kairos.image.java.home"), "bin", "jcmd");
		Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.dump_to_file", "-format=json",
				dump.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return Files.readString(dump);
	}

	@Test
	void packagedJarWhenDatabaseUrlIsMissingStopsWithOneLineNamingIt() {
		Map<String, String> env = prodEnvironment(database);
		env.remove("DATABASE_URL");
		env.put("KAIROS_ENV", "local");
		try (PackagedApp app = PackagedApp.start(env)) {
			assertThat(app.awaitExit(Duration.ofSeconds(90))).isEqualTo(1);

			assertThat(app.lines()).filteredOn(line -> !line.isBlank())
				.filteredOn(line -> line.contains("DATABASE_URL"))
				.singleElement()
				.asString()
				.contains("DATABASE_URL is required: this packaged build has no embedded PostgreSQL");
		}
	}

	@Test
	void prodServiceWhenCorsOriginIsMalformedStopsWithOneJsonLineNamingTheVariableNotTheValue() {
		Map<String, String> env = prodEnvironment(database);
		env.put("KAIROS_CORS_ALLOWED_ORIGINS", "https://app.example,javascript:secret-value");
		try (PackagedApp app = PackagedApp.start(env)) {
			assertThat(app.awaitExit(Duration.ofSeconds(90))).isEqualTo(1);

			List<JsonNode> errors = app.lines()
				.stream()
				.map(ProductionSmokeIT::entry)
				.filter(entry -> entry.path("severity").asString().equals("ERROR"))
				.toList();
			assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.path("message").asString())
					.contains("Invalid configuration: KAIROS_CORS_ALLOWED_ORIGINS: each origin must be"));
			assertThat(String.join("\n", app.lines())).doesNotContain("secret-value");
		}
	}

	private static String start(ApiClient api, String organizer, String invitee, Set<String> traces) {
		Instant day = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Map<String, Object> body = Map.of("title", "Smoke coffee", "intent_category", "coffee", "participant_ids",
				List.of(invitee), "proposed_slots",
				List.of(Map.of("starts_at", day.toString(), "duration_minutes", 60, "timezone", "Europe/Berlin")));
		ApiResponse started = traced(api.post("/negotiate/start"), traces).token(TestTokens.valid(organizer))
			.json(body)
			.send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.data().path("id").asString();
	}

	/**
	 * Sends a W3C traceparent, as Google's front end does, and remembers the trace id.
	 */
	static ApiClient.Call traced(ApiClient.Call call, Set<String> traces) {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		traces.add(traceId);
		return call.header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");
	}

	static void assertEveryLineIsACloudLoggingEntry(List<String> lines, Set<String> tracesSent) {
		assertThat(lines).isNotEmpty();
		int requestLines = 0;
		for (String line : lines) {
			JsonNode entry = entry(line);
			assertThat(entry.path("severity").asString()).as(line).isIn("DEBUG", "INFO", "WARNING", "ERROR");
			assertThat(entry.path("message").isString()).as(line).isTrue();
			String requestId = entry.path("request_id").asString("");
			// Requests of the test's own machinery (start-up probe, the conformance
			// check's document fetch) carry no trace.
			if (entry.has("request_id") && !requestId.equals(PackagedApp.PROBE_REQUEST_ID)
					&& !requestId.equals(OpenApiConformance.REQUEST_ID)) {
				requestLines++;
				String trace = entry.path("logging.googleapis.com/trace").asString();
				assertThat(trace).as(line).startsWith("projects/" + PROJECT + "/traces/");
				assertThat(tracesSent).as(line).contains(trace.substring(trace.lastIndexOf('/') + 1));
			}
		}
		assertThat(requestLines).isPositive();
	}

	/** Outside requests (no trace to carry): still one Cloud Logging entry per line. */
	static void assertEveryLineIsACloudLoggingEntryOrNone(List<String> lines) {
		for (String line : lines) {
			assertThat(entry(line).path("severity").asString()).as(line).isIn("DEBUG", "INFO", "WARNING", "ERROR");
		}
	}

	static JsonNode entry(String line) {
		try {
			JsonNode entry = JSON.readTree(line);
			assertThat(entry.isObject()).as(line).isTrue();
			return entry;
		}
		catch (RuntimeException e) {
			throw new AssertionError("not a JSON log entry: " + line, e);
		}
	}

	private static int waitingOnLocks(Connection connection) throws SQLException {
		var result = connection.createStatement()
			.executeQuery(
					"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
		result.next();
		return result.getInt(1);
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		ThreadLocalRandom.current().nextBytes(bytes);
		bytes[0] |= 1; // never the all-zero (invalid) id
		return bytes;
	}

}
