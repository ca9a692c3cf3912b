package com.amiqo.kairos.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

/**
 * Load and reporting shared by the benchmarks (bench/notifications.sh); never part of
 * ./mvnw verify.
 */
final class BenchmarkSupport {

	static final Path RESULTS = Path.of("target", "bench-results.txt");

	private BenchmarkSupport() {
	}

	static void report(String line) {
		System.out.println("BENCH " + line);
		try {
			Files.writeString(RESULTS, line + System.lineSeparator(), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Throughput and latency percentiles of {@code latenciesNanos} measured over
	 * {@code elapsed}.
	 */
	static String summary(String what, List<Long> latenciesNanos, Duration elapsed) {
		List<Long> sorted = new ArrayList<>(latenciesNanos);
		Collections.sort(sorted);
		double perSecond = sorted.size() / (elapsed.toNanos() / 1e9);
		return String.format("%s: %d in %d ms = %.0f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", what,
				sorted.size(), elapsed.toMillis(), perSecond, percentile(sorted, 50), percentile(sorted, 95),
				percentile(sorted, 99));
	}

	/** The per-second rate out of a {@link #summary} line. */
	static double rate(String summary) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("= (\\d+)/s").matcher(summary);
		if (!matcher.find()) {
			throw new IllegalArgumentException(summary);
		}
		return Double.parseDouble(matcher.group(1));
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static double percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	/**
	 * {@code negotiations} negotiations of one organizer and {@code invitees} invitees
	 * each, then every invitee accepts, {@code threads} requests at a time. Each accept
	 * notifies the other active participants; the last one confirms. Returns the summary
	 * of the accepts only.
	 */
	static String replyLoad(String label, ApiClient api, java.util.function.Function<String, TestUser> signIn,
			int negotiations, int invitees, int threads) throws Exception {
		TestUser organizer = signIn.apply("Olga");
		List<TestUser> guests = new ArrayList<>();
		for (int i = 0; i < invitees; i++) {
			guests.add(signIn.apply("Guest" + i));
		}
		List<String> ids = new ArrayList<>();
		for (int n = 0; n < negotiations; n++) {
			ApiResponse started = api.post("/negotiate/start")
				.token(organizer.token())
				.json(Map.of("intent_category", "coffee", "participant_ids",
						guests.stream().map(TestUser::uid).toList(), "proposed_slots",
						List.of(Map.of("starts_at",
								Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS).toString()))))
				.send();
			if (started.status() != 201) {
				throw new IllegalStateException(started.toString());
			}
			ids.add(started.data().path("id").asString());
		}
		List<Runnable> replies = new ArrayList<>();
		for (TestUser guest : guests) {
			for (String id : ids) {
				replies.add(() -> {
					ApiResponse reply = api.post("/negotiate/reply")
						.token(guest.token())
						.json(Map.of("negotiation_id", id, "action", "accept"))
						.send();
					if (reply.status() != 200) {
						throw new IllegalStateException(reply.toString());
					}
				});
			}
		}
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Runnable reply : replies) {
				done.add(pool.submit(() -> {
					long t0 = System.nanoTime();
					reply.run();
					latencies.add(System.nanoTime() - t0);
				}));
			}
			for (Future<?> future : done) {
				future.get(10, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return summary(label, new ArrayList<>(latencies), Duration.ofNanos(System.nanoTime() - start));
	}

}
