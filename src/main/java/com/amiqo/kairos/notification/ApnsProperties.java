package com.amiqo.kairos.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.eatthepath.pushy.apns.ApnsClientBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * APNs token authentication settings ({@code APNS_*}). Either all four credentials are
 * set, and the APNs sender runs, or none is, and the logging sender runs. Checked when
 * the service starts; the messages name the variables, never their values.
 *
 * @param keyPath {@code APNS_KEY_PATH}: the {@code .p8} signing key file from the Apple
 * developer account
 * @param keyId {@code APNS_KEY_ID}: the key's 10-character id
 * @param teamId {@code APNS_TEAM_ID}: the 10-character team id
 * @param topic {@code APNS_TOPIC}: the app's bundle id
 * @param productionHost APNs production host, optionally {@code host:port} (tests point
 * it at a mock server)
 * @param sandboxHost APNs sandbox host, for devices registered with
 * {@code environment: sandbox}
 * @param port APNs port (443, or 2197 where 443 is blocked)
 * @param trustedCertificate a PEM chain to trust instead of the JDK's CAs; for tests
 * against a mock server only
 */
@ConfigurationProperties("kairos.apns")
record ApnsProperties(@Nullable String keyPath, @Nullable String keyId, @Nullable String teamId, @Nullable String topic,
		@Nullable String productionHost, @Nullable String sandboxHost, @Nullable Integer port,
		@Nullable String trustedCertificate) {

	private static final String TEN_ALPHANUMERICS = "[A-Z0-9]{10}";

	ApnsProperties {
		productionHost = StringUtils.hasText(productionHost) ? productionHost : ApnsClientBuilder.PRODUCTION_APNS_HOST;
		sandboxHost = StringUtils.hasText(sandboxHost) ? sandboxHost : ApnsClientBuilder.DEVELOPMENT_APNS_HOST;
		port = port == null ? ApnsClientBuilder.DEFAULT_APNS_PORT : port;
		List<String> problems = problems(keyPath, keyId, teamId, topic);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid APNs settings: " + String.join("; ", problems));
		}
	}

	boolean isConfigured() {
		return StringUtils.hasText(keyPath);
	}

	private static List<String> problems(@Nullable String keyPath, @Nullable String keyId, @Nullable String teamId,
			@Nullable String topic) {
		List<String> problems = new ArrayList<>();
		boolean any = StringUtils.hasText(keyPath) || StringUtils.hasText(keyId) || StringUtils.hasText(teamId)
				|| StringUtils.hasText(topic);
		if (!any) {
			return problems;
		}
		if (!StringUtils.hasText(keyPath)) {
			problems.add("APNS_KEY_PATH is required when any APNS_* setting is set");
		}
		else if (!Files.isReadable(Path.of(keyPath))) {
			problems.add("APNS_KEY_PATH must name a readable .p8 key file");
		}
		if (keyId == null || !keyId.matches(TEN_ALPHANUMERICS)) {
			problems.add("APNS_KEY_ID must be the 10-character key id (A-Z, 0-9)");
		}
		if (teamId == null || !teamId.matches(TEN_ALPHANUMERICS)) {
			problems.add("APNS_TEAM_ID must be the 10-character team id (A-Z, 0-9)");
		}
		if (!StringUtils.hasText(topic)) {
			problems.add("APNS_TOPIC (the app's bundle id) is required when any APNS_* setting is set");
		}
		return problems;
	}
}
