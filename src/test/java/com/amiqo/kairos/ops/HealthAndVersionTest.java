package com.amiqo.kairos.ops;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestTokens;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health under database outages, and the version of a build without git metadata. Its own
 * context, so its own embedded PostgreSQL: the outage tests stop and kill the database,
 * which no other test class may see. The context also serves the {@code git.properties}
 * of a build from a source tarball (no {@code .git}: the git-commit-id plugin writes the
 * file without a single property); {@link VersionTest} covers the git checkout in the
 * shared context.
 */
@TestPropertySource(properties = "spring.info.git.location=classpath:tarball/git.properties")
class HealthAndVersionTest extends ApiTest {

	@Autowired
	EmbeddedDatabase embeddedDatabase;

	@Autowired
	DataSource dataSource;

	@LocalManagementPort
	int managementPort;

	private ServerTimes serverTimes;

	@BeforeEach
	void recordServerTimes() {
		serverTimes = new ServerTimes();
	}

	@AfterEach
	void stopRecordingServerTimes() {
		serverTimes.close();
	}

	@Test
	void healthWhenDatabaseUpReturnsOkWithoutToken() {
		ApiResponse response = api.get("/health").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		assertThat(response.data().path("status").asString()).isEqualTo("ok");
		assertThat(response.data().path("checks").path("database").asString()).isEqualTo("ok");
		assertThat(response.data().path("uptime_seconds").isNumber()).isTrue();
		assertThat(response.data().path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(response.body().path("meta").path("request_id").asString())
			.isEqualTo(response.header("X-Request-Id"));
	}

	@Test
	void healthIgnoresAStaleTokenOnAPublicEndpoint() {
		assertThat(api.get("/health").header("Authorization", "Bearer not-a-token").send().status()).isEqualTo(200);
	}

	@Test
	void healthWhenDatabaseStoppedReturns503FastAndRecoversWithoutRestart() throws Exception {
		embeddedDatabase.stop();
		try {
			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(50))
				.untilAsserted(() -> assertThat(api.get("/health").send().status()).isEqualTo(503));
			List<ApiResponse> responses = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				ApiResponse down = api.get("/health").send();
				responses.add(down);

				assertThat(down.status()).isEqualTo(503);
				assertThat(down.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
				assertThat(down.error().path("details").path("checks").path("database").asString())
					.isEqualTo("unavailable");
				assertThat(down.body().has("meta")).isFalse();
				assertThat(down.header("Cache-Control")).contains("no-store");
			}
			assertEachFast(responses, serverTimes);

			ApiResponse me = api.get("/me").token(TestTokens.valid(newUid("outage"))).send();
			assertThat(me.status()).as(me.toString()).isEqualTo(503);
			assertThat(me.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(me.error().path("details").path("retryable").asBoolean()).isTrue();
		}
		finally {
			embeddedDatabase.start();
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(api.get("/health").send().status()).isEqualTo(200));
	}

	/**
	 * Six writers keep starting and answering negotiations while the database stops under
	 * them (its server ends every session, transactions mid-way included) and comes back.
	 * Every answer is a success or a retryable {@code 503} with {@code Retry-After},
	 * never a 500; once health knows the database is down, the 503s come fast (the pool
	 * refuses at once instead of waiting out its connection timeout), requests already
	 * waiting then are cut short, and writes succeed again within a second of health
	 * seeing the database back.
	 */
	@Test
	void concurrentWritesWhenTheDatabaseStopsGetOnlyFast503sWithRetryAfterAndRecover() throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong knownDownAt = new AtomicLong(Long.MAX_VALUE);
		AtomicLong restartAt = new AtomicLong(Long.MAX_VALUE);
		List<Outcome> outcomes = new CopyOnWriteArrayList<>();
		ExecutorService writers = Executors.newFixedThreadPool(6);
		List<Future<?>> running6 = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			// A pair of users per writer, and a pause after each 503 as a retrying client
			// makes: the per-user rate limit stays out of the way.
			TestUser organizer = signIn("Writer");
			TestUser guest = signIn("Replier");
			running6.add(writers.submit(() -> {
				ApiClient client = new ApiClient(api.baseUrl());
				while (running.get()) {
					Outcome started = timed(() -> client.post("/negotiate/start")
						.token(organizer.token())
						.json(Map.of("intent_category", "coffee", "participant_ids", List.of(guest.uid()), "send", true,
								"proposed_slots",
								List.of(Map.of("starts_at", Instant.now().plusSeconds(86_400).toString()))))
						.send());
					outcomes.add(started);
					if (started.response().status() == 201) {
						String id = started.response().data().path("id").asString();
						outcomes.add(timed(() -> client.post("/negotiate/reply")
							.token(guest.token())
							.json(Map.of("negotiation_id", id, "action", "accept"))
							.send()));
					}
					else {
						Thread.sleep(150);
					}
				}
				return null;
			}));
		}
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> outcomes.stream().filter(o -> o.response().status() == 200).count() >= 6);
			embeddedDatabase.stop();
			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> api.get("/health").send().status() == 503);
			knownDownAt.set(System.nanoTime());
			// Past the pool's connection timeout (3 s): requests already waiting for a
			// connection when the database went have their answer by then.
			Thread.sleep(4_500);
			restartAt.set(System.nanoTime());
		}
		finally {
			embeddedDatabase.start();
		}
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> api.get("/health").send().status() == 200);
		long upAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> outcomes.stream().anyMatch(o -> o.startedAt() > upAt && o.response().status() == 201));
		long firstSuccessAfterUp = outcomes.stream()
			.filter(o -> o.startedAt() > upAt && o.response().status() == 201)
			.mapToLong(Outcome::startedAt)
			.min()
			.orElseThrow();
		running.set(false);
		for (Future<?> writer : running6) {
			writer.get(30, TimeUnit.SECONDS);
		}
		writers.shutdown();

		List<Outcome> all = List.copyOf(outcomes);
		assertThat(all)
			.allSatisfy(o -> assertThat(o.response().status()).as(o.response().toString()).isIn(200, 201, 503));
		List<Outcome> unavailable = all.stream().filter(o -> o.response().status() == 503).toList();
		assertThat(unavailable).as("the outage was seen by the writers").isNotEmpty();
		assertThat(unavailable).allSatisfy(o -> {
			assertThat(o.response().errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(o.response().header("Retry-After")).isEqualTo("1");
			assertThat(o.response().error().path("details").path("retryable").asBoolean()).isTrue();
		});
		List<Outcome> whileKnownDown = all.stream()
			.filter(o -> o.startedAt() > knownDownAt.get() && o.startedAt() + o.nanos() < restartAt.get())
			.toList();
		assertThat(whileKnownDown).as("requests while the database was known to be down").hasSizeGreaterThan(10);
		assertThat(whileKnownDown).allSatisfy(o -> assertThat(o.response().status()).isEqualTo(503));
		// Every 503 while the database is known down is fast, measured twice: by the
		// server (its access line: from the request filter to the response) and by the
		// client (the HTTP exchange alone, without the test's own OpenAPI check of the
		// answer).
		assertEachFast(whileKnownDown.stream().map(Outcome::response).toList(), serverTimes);
		// Requests already waiting for a connection when the database went are cut short
		// when the probe sees it gone, instead of waiting out the pool's 3 s timeout.
		List<Long> inFlightMillis = all.stream()
			.filter(o -> o.startedAt() < knownDownAt.get() && o.startedAt() + o.nanos() > knownDownAt.get())
			.map(o -> (o.startedAt() + o.nanos() - knownDownAt.get()) / 1_000_000)
			.toList();
		assertThat(inFlightMillis).as("ms past health seeing the outage, of requests in flight then")
			.allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
		// The probe looks every 200 ms while the database is down, and the pool makes its
		// first new connection as soon as a request asks for one.
		assertThat((firstSuccessAfterUp - upAt) / 1_000_000).as("ms from health up to a write succeeding")
			.isLessThan(1_000);
	}

	/**
	 * The 503s are fast at the server (its access line, less the garbage collector's
	 * pauses in between, see {@link ServerTimes}): each under 100 ms. At the client (the
	 * HTTP exchange), whose threads a shared 2-core machine starves as well: the median
	 * under 100 ms and each under one second, a third of the pool's 3 s connection
	 * timeout, so none waited for a connection
	 * (docs/decisions/0085-outage-cuts-waiting-requests-short.md).
	 */
	private static void assertEachFast(List<ApiResponse> responses, ServerTimes serverTimes) {
		// The server writes its access line once the response has gone out.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> responses.stream().allMatch(r -> serverTimes.millis(r.header("X-Request-Id")) != null));
		List<Long> own = new ArrayList<>();
		List<Long> server = new ArrayList<>();
		List<Long> client = new ArrayList<>();
		for (ApiResponse response : responses) {
			String id = response.header("X-Request-Id");
			own.add(serverTimes.ownMillis(id));
			server.add(serverTimes.millis(id));
			client.add(response.exchangeNanos() / 1_000_000);
		}
		String measured = "server ms less pauses %s, with them %s, pauses %s".formatted(own, server,
				serverTimes.pauses());
		Collections.sort(own);
		assertThat(own.get(own.size() / 2)).as("server median: " + measured).isLessThan(100);
		assertThat(own.get(own.size() - 1)).as("server slowest: " + measured).isLessThan(100);
		Collections.sort(client);
		assertThat(client.get(client.size() / 2)).as("client median ms of %s", client).isLessThan(100);
		assertThat(client.get(client.size() - 1)).as("client slowest ms of %s", client).isLessThan(1_000);
	}

	private record Outcome(ApiResponse response, long startedAt, long nanos) {
	}

	private static Outcome timed(java.util.function.Supplier<ApiResponse> call) {
		long started = System.nanoTime();
		ApiResponse response = call.get();
		return new Outcome(response, started, System.nanoTime() - started);
	}

	@Test
	void embeddedDatabaseKilledWhileTheServiceRunsIsRestarted() {
		ProcessHandle server = embeddedDatabase.serverProcess().orElseThrow();

		server.destroyForcibly();

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(embeddedDatabase.serverProcess()).isPresent().get().isNotEqualTo(server);
			assertThat(api.get("/health").send().status()).isEqualTo(200);
		});
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(api.get("/me").token(TestTokens.valid(newUid("revived"))).send().status())
				.isEqualTo(200));
	}

	/**
	 * Health never borrows from the API's pool: even with every pooled connection taken,
	 * 50 callers get 200.
	 */
	@Test
	void healthUnder50ConcurrentCallersWithTheApiPoolExhaustedNeverReturns503() throws Exception {
		List<Connection> held = new ArrayList<>();
		ExecutorService callers = Executors.newFixedThreadPool(50);
		try {
			for (int i = 0; i < hikari().getMaximumPoolSize(); i++) {
				held.add(dataSource.getConnection());
			}
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int round = 0; round < 3; round++) {
				for (int i = 0; i < 50; i++) {
					statuses.add(callers.submit(() -> api.get("/health").send().status()));
				}
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			callers.shutdownNow();
			for (Connection connection : held) {
				connection.close();
			}
		}
	}

	private HikariDataSource hikari() throws Exception {
		return dataSource.unwrap(HikariDataSource.class);
	}

	@Test
	void versionWhenBuiltWithoutGitMetadataReturnsUnknownCommitAndTheRestOfTheBuild() {
		ApiResponse response = api.get("/version").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		assertThat(response.data().path("commit_sha").asString()).isEqualTo("unknown");
		assertThat(response.data().path("backend_version").asString()).isEqualTo("0.1.0-SNAPSHOT");
		assertThat(response.data().path("schema_version").asString()).isEqualTo("negotiations-v1");
		assertThat(response.data().path("environment").asString()).isEqualTo("local");
		assertThat(response.data().path("build_timestamp").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
	}

	@Test
	void prometheusMetricsAreServedOnTheManagementPortOnly() {
		api.get("/no/such/route").send();
		ApiClient management = new ApiClient("http://localhost:" + managementPort);

		ApiResponse metrics = management.get("/actuator/prometheus").send();

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.raw()).contains("http_server_requests_seconds")
			.contains("kairos_api_errors_total")
			.contains("hikaricp_connections");
		assertThat(api.get("/actuator/prometheus").token(TestTokens.valid(newUid("metrics"))).send().status())
			.isEqualTo(404);
	}

}
