package com.amiqo.kairos.negotiation.expiry;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The expiry sweep's settings.
 *
 * @param sweepInterval how often each instance sweeps
 * ({@code KAIROS_EXPIRY_SWEEP_INTERVAL}); the {@code @Scheduled} on {@link ExpirySweep}
 * reads the same key, because an annotation can only name a property, not a bean's value
 * @param batchSize negotiations expired per sweep (one short transaction)
 */
@Validated
@ConfigurationProperties("kairos.expiry")
record ExpiryProperties(@NotNull Duration sweepInterval, @Min(1) int batchSize) {
}
