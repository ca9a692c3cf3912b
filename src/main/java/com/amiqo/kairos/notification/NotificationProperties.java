package com.amiqo.kairos.notification;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox is delivered.
 *
 * @param dispatcherEnabled whether this instance delivers the outbox
 * ({@code KAIROS_NOTIFICATIONS_DISPATCHER})
 * @param pollInterval how often an idle dispatcher looks for due rows anyway (commits
 * wake it sooner)
 * @param batchSize rows claimed per round
 * @param lease how long a claimed row is left to its dispatcher before another may take
 * it
 * @param maxAttempts attempts before a row is marked failed (kept, and counted)
 * @param retryBase the first retry's delay; each further retry doubles it, with jitter
 * @param retryMax the longest delay between two attempts
 * @param retention how long delivered rows are kept before they are pruned
 */
@Validated
@ConfigurationProperties("kairos.notifications")
record NotificationProperties(boolean dispatcherEnabled, @NotNull Duration pollInterval,
		@Min(1) @Max(1000) int batchSize, @NotNull Duration lease, @Min(1) @Max(100) int maxAttempts,
		@NotNull Duration retryBase, @NotNull Duration retryMax, @NotNull Duration retention) {
}
