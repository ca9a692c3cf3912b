package com.amiqo.kairos.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.PackagedApp;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged instances on one database, as Cloud Run runs them: they migrate an empty
 * database at the same moment, accept each other's cursors, see each other's writes at
 * once, and sweep expiry concurrently without expiring anything twice.
 */
class MultiInstanceIT {

	private static final Pattern EXPIRED = Pattern.compile("Settled (\\d+) overdue negotiations");

	private static final int OVERDUE = 30;

	@Test
	void twoInstancesOnOneDatabaseMigrateOnceShareCursorsWritesAndSweepEachNegotiationOnce() throws Exception {
		try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
			Map<String, String> env = ProductionSmokeIT.prodEnvironment(database);
			env.put("KAIROS_EXPIRY_SWEEP_INTERVAL", "200ms");
			try (PackagedApp first = PackagedApp.start(env);
					PackagedApp second = PackagedApp.start(env);
					Connection sql = DriverManager.getConnection(
							"jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres", "postgres", "")) {
				CompletableFuture
					.allOf(CompletableFuture.runAsync(first::awaitHealthy),
							CompletableFuture.runAsync(second::awaitHealthy))
					.get(3, TimeUnit.MINUTES);
				ApiClient a = first.api();
				ApiClient b = second.api();

				// Every migration applied exactly once although both instances migrated
				// at start.
				assertThat(rows(sql, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
					.containsExactlyElementsOf(migrationVersions());

				String alice = "multi-alice-" + System.nanoTime();
				String bob = "multi-bob-" + System.nanoTime();
				assertThat(a.get("/me").token(TestTokens.valid(bob)).send().status()).isEqualTo(200);
				ApiResponse renamed = a.patch("/me")
					.token(TestTokens.valid(alice))
					.json(Map.of("display_name", "Alice on A"))
					.send();
				assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
				assertThat(b.get("/me").token(TestTokens.valid(alice)).send().data().path("display_name").asString())
					.isEqualTo("Alice on A");

				List<String> ids = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					ids.add(start(i % 2 == 0 ? a : b, alice, bob));
				}
				ApiResponse firstPage = a.get("/negotiations?limit=2").token(TestTokens.valid(alice)).send();
				String cursor = firstPage.body().path("meta").path("pagination").path("next_cursor").asString();
				ApiResponse secondPage = b.get("/negotiations?limit=2&cursor=" + cursor)
					.token(TestTokens.valid(alice))
					.send();
				assertThat(secondPage.status()).as(secondPage.toString()).isEqualTo(200);
				List<String> paged = new ArrayList<>();
				firstPage.data().forEach(item -> paged.add(item.path("id").asString()));
				secondPage.data().forEach(item -> paged.add(item.path("id").asString()));
				assertThat(paged).containsExactlyInAnyOrderElementsOf(ids);

				while (ids.size() < OVERDUE) {
					ids.add(start(ids.size() % 2 == 0 ? a : b, alice, bob));
				}
				Map<String, Integer> revisions = revisions(sql);
				assertThat(revisions.keySet()).containsExactlyInAnyOrderElementsOf(ids);
				sql.createStatement().executeUpdate("UPDATE negotiations SET expires_at = now() - interval '1 second'");
				await().atMost(Duration.ofSeconds(30))
					.until(() -> rows(sql, "SELECT id FROM negotiations WHERE state <> 'expired'").isEmpty());

				Map<String, Integer> after = revisions(sql);
				revisions.forEach((id, revision) -> assertThat(after.get(id)).as(id).isEqualTo(revision + 1));
				// Each instance logs what it expired; the lines may trail the commits a
				// little.
				await().atMost(Duration.ofSeconds(10))
					.until(() -> expiredCount(first) + expiredCount(second) >= OVERDUE);
				assertThat(expiredCount(first) + expiredCount(second)).isEqualTo(OVERDUE);
				ProductionSmokeIT.assertEveryLineIsACloudLoggingEntryOrNone(first.lines());
			}
		}
	}

	private static String start(ApiClient api, String organizer, String invitee) {
		Instant day = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		ApiResponse started = api.post("/negotiate/start")
			.token(TestTokens.valid(organizer))
			.json(Map.of("intent_category", "coffee", "participant_ids", List.of(invitee), "proposed_slots",
					List.of(Map.of("starts_at", day.toString(), "duration_minutes", 60))))
			.send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.data().path("id").asString();
	}

	private static int expiredCount(PackagedApp app) {
		int total = 0;
		for (String line : app.lines()) {
			JsonNode entry = ProductionSmokeIT.entry(line);
			Matcher matcher = EXPIRED.matcher(entry.path("message").asString());
			if (matcher.matches()) {
				total += Integer.parseInt(matcher.group(1));
			}
		}
		return total;
	}

	private static Map<String, Integer> revisions(Connection sql) throws Exception {
		Map<String, Integer> revisions = new HashMap<>();
		try (ResultSet rows = sql.createStatement().executeQuery("SELECT id, revision FROM negotiations")) {
			while (rows.next()) {
				revisions.put(rows.getString(1), rows.getInt(2));
			}
		}
		return revisions;
	}

	private static List<String> rows(Connection sql, String query) throws Exception {
		List<String> values = new ArrayList<>();
		try (ResultSet rows = sql.createStatement().executeQuery(query)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	/** The versions of src/main/resources/db/migration/V<version>__*.sql, in order. */
	private static List<String> migrationVersions() throws java.io.IOException {
		try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> name.matches("V\\d+__.*\\.sql"))
				.map(name -> name.substring(1, name.indexOf("__")))
				.sorted(java.util.Comparator.comparingInt(Integer::parseInt))
				.toList();
		}
	}

}
