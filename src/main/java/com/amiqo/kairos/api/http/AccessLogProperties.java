package com.amiqo.kairos.api.http;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own access log.
 *
 * @param accessLogSampleRate {@code KAIROS_ACCESS_LOG_SAMPLE_RATE}: share (0–1) of
 * requests that get an access line; 5xx always do
 */
@ConfigurationProperties("kairos.logging")
record AccessLogProperties(double accessLogSampleRate) {
}
