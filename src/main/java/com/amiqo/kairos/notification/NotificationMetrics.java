package com.amiqo.kairos.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import com.amiqo.kairos.api.WireValues;

/**
 * Notification metrics: outbox depth by status ({@code kairos.notifications.outbox}),
 * pushes by kind and outcome ({@code kairos.notifications.pushes}), rows by kind and
 * final outcome ({@code kairos.notifications.deliveries}), commit-to-send latency
 * ({@code kairos.notifications.latency}, a histogram). APNs responses by status and
 * reason are counted by the APNs sender ({@code kairos.apns.responses}).
 */
@Component
class NotificationMetrics {

	private final MeterRegistry meters;

	private final MultiGauge depth;

	private final Timer latency;

	NotificationMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.depth = MultiGauge.builder("kairos.notifications.outbox")
			.description("Outbox rows by status")
			.register(meters);
		this.latency = Timer.builder("kairos.notifications.latency")
			.description("From the outbox write to the push being sent")
			.publishPercentileHistogram()
			.register(meters);
	}

	void pushed(NotificationKind kind, PushSender.PushResult result) {
		meters.counter("kairos.notifications.pushes", "kind", kind.value(), "outcome", WireValues.of(result.outcome()))
			.increment();
	}

	void outcome(NotificationKind kind, String outcome) {
		meters.counter("kairos.notifications.deliveries", "kind", kind.value(), "outcome", outcome).increment();
	}

	void sentAfter(Duration age) {
		latency.record(age);
	}

	void depth(Map<String, Long> byStatus) {
		depth.register(List.of("pending", "delivered", "failed")
			.stream()
			.map(status -> MultiGauge.Row.of(Tags.of("status", status), byStatus.getOrDefault(status, 0L)))
			.toList(), true);
	}

}
