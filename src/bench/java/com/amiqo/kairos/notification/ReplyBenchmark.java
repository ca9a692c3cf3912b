package com.amiqo.kairos.notification;

import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code POST /negotiate/reply} throughput with the outbox writing versus the same load
 * with the outbox write switched off (standing for "before notifications"), alternating
 * in one warm JVM in ABBA order so JIT warm-up and machine noise fall on both alike. Run
 * by {@code bench/notifications.sh} only.
 */
@EnabledIfSystemProperty(named = "kairos.bench", matches = "true")
@Import(ReplyBenchmark.SwitchableOutbox.class)
@TestPropertySource(properties = "spring.main.allow-bean-definition-overriding=true")
class ReplyBenchmark extends DeliveryTest {

	@TestConfiguration(proxyBeanMethods = false)
	static class SwitchableOutbox {

		static volatile boolean writing = true;

		@Bean
		@Primary
		NotificationOutbox notificationOutbox(JdbcClient jdbc, DispatchSignal signal) {
			return new NotificationOutbox(jdbc, signal) {
				@Override
				public void enqueue(Collection<Notification> notifications) {
					if (writing) {
						super.enqueue(notifications);
					}
				}
			};
		}

	}

	@Test
	void replyThroughputWithAndWithoutOutbox() throws Exception {
		for (boolean on : new boolean[] { true, false }) {
			SwitchableOutbox.writing = on;
			BenchmarkSupport.replyLoad("warm-up", api, this::signIn, 20, 10, 4);
		}
		java.util.Map<Boolean, java.util.List<Double>> rates = new java.util.HashMap<>();
		for (int round = 1; round <= ROUNDS; round++) {
			// ABBA order: the JVM keeps warming up, so neither setting always goes first.
			boolean[] order = round % 2 == 1 ? new boolean[] { true, false } : new boolean[] { false, true };
			for (boolean on : order) {
				SwitchableOutbox.writing = on;
				String result = BenchmarkSupport.replyLoad("replies, outbox " + (on ? "on " : "off") + ", run " + round,
						api, this::signIn, 20, 10, 4);
				BenchmarkSupport.report(result);
				rates.computeIfAbsent(on, key -> new java.util.ArrayList<>()).add(BenchmarkSupport.rate(result));
			}
		}
		SwitchableOutbox.writing = true;
		double on = BenchmarkSupport.median(rates.get(true));
		double off = BenchmarkSupport.median(rates.get(false));
		BenchmarkSupport.report(String.format(
				"replies, median of %d runs: outbox on %.0f/s, off %.0f/s (on/off = %.2f)", ROUNDS, on, off, on / off));
	}

	private static final int ROUNDS = 6;

}
