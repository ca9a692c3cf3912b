package com.amiqo.kairos.calendar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (its name keeps it out of {@code ./mvnw verify}; run it with
 * {@code bench/calendar-feed.sh}): a calendar feed of 500 events, read over real HTTP
 * from the running service and embedded PostgreSQL, and rendered alone. Prints latency
 * percentiles and throughput; asserts only that the feed is complete. The per-feed rate
 * limit is lifted here only.
 */
@TestPropertySource(properties = "kairos.rate-limit.calendar-feed-per-minute=1000000")
class CalendarFeedBenchmark extends ApiTest {

	private static final int EVENTS = 500;

	private static final int WARM_UP = 100;

	private static final int MEASURED = 300;

	@Test
	void feedOf500Events() {
		TestUser owner = signIn("Bench");
		UUID ownerId = jdbc.sql("SELECT id FROM app_users WHERE firebase_uid = ?")
			.param(owner.uid())
			.query(UUID.class)
			.single();
		seed(ownerId);
		String url = api.put("/me/calendar-feed").token(owner.token()).send().data().path("url").asString();
		String path = url.substring(url.indexOf("/calendar/"));

		ApiResponse first = api.get(path).send();
		assertThat(first.raw().split("BEGIN:VEVENT", -1)).hasSize(EVENTS + 1);
		for (int i = 0; i < WARM_UP; i++) {
			api.get(path).send();
		}
		List<Long> http = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < MEASURED; i++) {
			long t0 = System.nanoTime();
			ApiResponse response = api.get(path).send();
			http.add(System.nanoTime() - t0);
			assertThat(response.status()).isEqualTo(200);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		List<Long> notModified = new ArrayList<>();
		for (int i = 0; i < MEASURED; i++) {
			long t0 = System.nanoTime();
			api.get(path).header("If-None-Match", first.header("ETag")).send();
			notModified.add(System.nanoTime() - t0);
		}

		CalendarFeedRepository.Snapshot snapshot = feedRepository()
			.load(com.amiqo.kairos.secret.SecretTokens.hash(path.substring("/calendar/".length(), path.length() - 4)),
					java.time.Instant.now().minus(CalendarFeedService.HISTORY))
			.orElseThrow();
		List<IcsCalendar.Entry> entries = snapshot.events()
			.stream()
			.map(CalendarFeedRepository.FeedEvent::entry)
			.toList();
		List<Long> render = new ArrayList<>();
		for (int i = 0; i < WARM_UP + MEASURED; i++) {
			long t0 = System.nanoTime();
			IcsCalendar.render(entries, "Kairos");
			if (i >= WARM_UP) {
				render.add(System.nanoTime() - t0);
			}
		}

		System.out.printf("%n=== calendar feed, %d events, %d KiB, %d cores ===%n", EVENTS, first.raw().length() / 1024,
				Runtime.getRuntime().availableProcessors());
		report("GET feed (HTTP+SQL, body cached)", http);
		System.out.printf("   throughput (sequential): %.0f requests/s%n", MEASURED / seconds);
		report("GET feed, If-None-Match: 304 ", notModified);
		report("render 500 events (ical4j+fold)", render);
	}

	private CalendarFeedRepository feedRepository() {
		return new CalendarFeedRepository(jdbc,
				tools.jackson.databind.json.JsonMapper.builder()
					.propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
					.build());
	}

	/**
	 * 500 confirmed meetings with four people each, non-ASCII titles and venues, written
	 * straight to the tables.
	 */
	private void seed(UUID ownerId) {
		jdbc.sql("""
				INSERT INTO negotiations (id, owner_id, title, intent_category, state, sent, participant_count,
				                          request_fingerprint, created_at, updated_at, expires_at, final_slot_id)
				SELECT gen_random_uuid(), ?, 'Abendessen Nr. ' || i || ' bei Größenwahn – 寿司', 'dinner', 'confirmed',
				       true, 4, 'bench', now(), now(), now() + interval '7 days', gen_random_uuid()
				  FROM generate_series(1, ?) AS i
				""").param(ownerId).param(EVENTS).update();
		jdbc.sql(
				"""
						INSERT INTO events (id, owner_id, negotiation_id, title, intent_category, status, starts_at, ends_at,
						                    timezone, venue, participants, created_at, updated_at)
						SELECT gen_random_uuid(), n.owner_id, n.id, n.title, 'dinner', 'confirmed',
						       now() + (row_number() OVER ()) * interval '5 hours',
						       now() + (row_number() OVER ()) * interval '5 hours' + interval '90 minutes', 'Europe/Berlin',
						       '{"name": "Café Kränzler, Kurfürstendamm 18", "provider_id": null, "metadata": null}',
						       '[{"user_id": "alice", "display_name": "Alice Ängström"}, {"user_id": "bob", "display_name": "Bob"},
						         {"user_id": "carol", "display_name": "Carol"}, {"user_id": "dave", "display_name": null}]',
						       now(), now()
						  FROM negotiations n WHERE n.owner_id = ?
						""")
			.param(ownerId)
			.update();
	}

	private static void report(String label, List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		System.out.printf("%s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", label,
				percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
				sorted.get(sorted.size() - 1) / 1e6);
	}

	private static double percentile(List<Long> sorted, double p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
	}

}
