package com.amiqo.kairos.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.amiqo.kairos.support.ApiClient.ApiResponse;

/**
 * The training run of the image's JDK AOT cache, run by {@code ./mvnw package} (see the
 * pom's {@code image-files}): the packaged service started with the image's entrypoint,
 * but writing the cache ({@code -XX:AOTCacheOutput}) instead of reading it, against a
 * real PostgreSQL (migrations, pool, driver) and serving real requests, the hot reads
 * under concurrent load. So the cache holds every class of a start and of the request
 * path, and (JDK 25) the method profiles of that load, which lets the JIT compile the
 * request path sooner after a cold start. It ends the way Cloud Run ends an instance,
 * SIGTERM; the JVM then writes the cache.
 */
public final class AotTraining {

	/**
	 * Long enough for the request path's profiles to mature: with 15 s the production
	 * image reached 80 % of its steady throughput after 40 s of load, with 60 s after 30
	 * s (bench/startup.sh: three and two interleaved runs), and 120 s was no better.
	 */
	private static final Duration LOAD = Duration.ofSeconds(Long.getLong("kairos.training.load-seconds", 60));

	private static final int CONNECTIONS = 8;

	private AotTraining() {
	}

	public static void main(String[] args) throws Exception {
		Path image = Path.of(System.getProperty("kairos.image.dir"));
		List<String> command = trainingCommand(PackagedApp.entrypoint());
		String cacheName = cacheFile(command);
		Files.deleteIfExists(image.resolve(cacheName));
		try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
			Map<String, String> env = new LinkedHashMap<>();
			env.put("KAIROS_ENV", "prod");
			env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres");
			env.put("DATABASE_USER", "postgres");
			env.put("FIREBASE_PROJECT_ID", TestTokens.PROJECT_ID);
			env.put("FIREBASE_JWKS_URL", TestJwks.get().url());
			env.put("KAIROS_CURSOR_SECRET", "training-run-only-0123456789abcdef");
			env.put("KAIROS_PUBLIC_URL", "https://training.invalid");
			env.put("GOOGLE_CLOUD_PROJECT", "kairos-training");
			env.put("RATE_LIMIT_PER_USER_PER_MINUTE", "100000000");
			env.put("RATE_LIMIT_GLOBAL_PER_SECOND", "100000000");
			try (PackagedApp app = PackagedApp.start(env, command).awaitHealthy()) {
				String id = scenario(app.api());
				long requests = load(app.api(), id);
				app.terminate();
				int status = app.awaitExit(Duration.ofMinutes(5));
				Files.write(Path.of(System.getProperty("kairos.training.log", "target/aot-training.log")), app.lines());
				if (!Files.isRegularFile(image.resolve(cacheName))) {
					throw new IllegalStateException("the training run (exit " + status + ") wrote no " + cacheName
							+ ":\n" + String.join("\n", app.lines()));
				}
				System.out.printf("AOT training: %d requests of load, cache %s: %d MB%n", requests, cacheName,
						Files.size(image.resolve(cacheName)) / 1024 / 1024);
			}
		}
		System.exit(0); // the JWKS server's thread is not a daemon
	}

	/** The entrypoint, writing the cache it would otherwise read. */
	static List<String> trainingCommand(List<String> entrypoint) {
		List<String> command = new ArrayList<>();
		for (String argument : entrypoint) {
			if (argument.startsWith("-XX:AOTCache=")) {
				command.add("-XX:AOTCacheOutput=" + argument.substring("-XX:AOTCache=".length()));
				command.add("-Xlog:aot=error");
			}
			else {
				command.add(argument);
			}
		}
		if (command.equals(entrypoint)) {
			throw new IllegalStateException("the entrypoint " + entrypoint + " names no -XX:AOTCache=");
		}
		return command;
	}

	private static String cacheFile(List<String> command) {
		return command.stream()
			.filter(argument -> argument.startsWith("-XX:AOTCacheOutput="))
			.map(argument -> argument.substring("-XX:AOTCacheOutput=".length()))
			.findFirst()
			.orElseThrow();
	}

	/** Every kind of request a client makes, once or twice; the negotiation to read. */
	private static String scenario(ApiClient api) {
		String alice = TestTokens.valid("training-alice");
		String bob = TestTokens.valid("training-bob");
		expect(api.get("/me").token(alice).send(), 200);
		expect(api.get("/me").token(bob).send(), 200);
		expect(api.patch("/me").token(alice).json(Map.of("display_name", "Alice")).send(), 200);
		expect(api.get("/me/agent-preferences").token(alice).send(), 404);
		Instant day = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		String confirmed = start(api, alice, day);
		expect(api.post("/negotiate/reply")
			.token(bob)
			.json(Map.of("negotiation_id", confirmed, "action", "accept"))
			.send(), 200);
		String open = start(api, alice, day.plus(1, ChronoUnit.DAYS));
		expect(api.post("/negotiations/" + open + "/invite-links").token(alice).send(), 201);
		expect(api.get("/negotiations/" + open + "/invite-links").token(alice).send(), 200);
		String cancelled = start(api, alice, day.plus(2, ChronoUnit.DAYS));
		expect(api.post("/negotiate/cancel").token(alice).json(Map.of("negotiation_id", cancelled)).send(), 200);
		expect(api.get("/negotiations").token(bob).send(), 200);
		expect(api.get("/events/upcoming").token(bob).send(), 200);
		expect(api.get("/events").token(alice).send(), 200);
		// Client mistakes take the error path (validation, not found, no token).
		expect(api.post("/negotiate/start").token(alice).json(Map.of("intent_category", "coffee")).send(), 400);
		expect(api.get("/negotiations/00000000-0000-0000-0000-000000000000").token(alice).send(), 404);
		expect(api.get("/me").send(), 401);
		expect(api.get("/health").send(), 200);
		return open;
	}

	private static String start(ApiClient api, String organizer, Instant at) {
		Map<String, Object> body = Map.of("title", "Training coffee", "intent_category", "coffee", "participant_ids",
				List.of("training-bob"), "proposed_slots",
				List.of(Map.of("starts_at", at.toString(), "duration_minutes", 60, "timezone", "Europe/Berlin")));
		return expect(api.post("/negotiate/start").token(organizer).json(body).send(), 201).data()
			.path("id")
			.asString();
	}

	/**
	 * The hot reads under concurrent load (plain HTTP, no per-response checks), so their
	 * methods get profiled the way production runs them.
	 */
	private static long load(ApiClient api, String negotiationId) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String base = api.baseUrl();
		List<HttpRequest> requests = new ArrayList<>();
		for (String user : List.of("training-alice", "training-bob")) {
			String token = "Bearer " + TestTokens.valid(user);
			requests.add(HttpRequest.newBuilder(URI.create(base + "/negotiations/" + negotiationId))
				.header("Authorization", token)
				.build());
			requests
				.add(HttpRequest.newBuilder(URI.create(base + "/negotiations")).header("Authorization", token).build());
			requests.add(HttpRequest.newBuilder(URI.create(base + "/me")).header("Authorization", token).build());
		}
		AtomicLong sent = new AtomicLong();
		Instant end = Instant.now().plus(LOAD);
		ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < CONNECTIONS; i++) {
				int offset = i;
				workers.add(pool.submit(() -> {
					for (long n = offset; Instant.now().isBefore(end); n++) {
						HttpResponse<Void> response = http.send(requests.get((int) (n % requests.size())),
								HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() != 200) {
							throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
						}
						sent.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return sent.get();
	}

	private static ApiResponse expect(ApiResponse response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("expected " + status + ", got " + response);
		}
		return response;
	}

}
