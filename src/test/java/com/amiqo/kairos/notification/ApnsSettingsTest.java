package com.amiqo.kairos.notification;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import com.amiqo.kairos.support.MockApns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code APNS_*} is checked when the service starts: all or nothing, well-formed, the key
 * readable.
 */
class ApnsSettingsTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ApnsProperties.class)
	static class Settings {

	}

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void startWhenNothingIsSetRunsWithoutApns() {
		context.run(started -> {
			assertThat(started).hasNotFailed();
			assertThat(started.getBean(ApnsProperties.class).isConfigured()).isFalse();
		});
	}

	@Test
	void startWhenFullyAndValidlySetRunsWithApns() {
		context
			.withPropertyValues("kairos.apns.key-path=" + MockApns.get().keyPath(), "kairos.apns.key-id=ABCDE12345",
					"kairos.apns.team-id=TEAM000001", "kairos.apns.topic=com.amiqo.kairos")
			.run(started -> {
				assertThat(started).hasNotFailed();
				ApnsProperties apns = started.getBean(ApnsProperties.class);
				assertThat(apns.isConfigured()).isTrue();
				assertThat(apns.productionHost()).isEqualTo("api.push.apple.com");
				assertThat(apns.sandboxHost()).isEqualTo("api.sandbox.push.apple.com");
			});
	}

	@Test
	void startWhenOnlySomeAreSetFailsNamingEachMissingVariableButNoValue() {
		context.withPropertyValues("kairos.apns.key-id=secretkey1").run(started -> {
			assertThat(started).hasFailed();
			String message = rootMessage(started.getStartupFailure());
			assertThat(message).contains("APNS_KEY_PATH")
				.contains("APNS_KEY_ID")
				.contains("APNS_TEAM_ID")
				.contains("APNS_TOPIC")
				.doesNotContain("secretkey1");
		});
	}

	@Test
	void startWhenKeyFileIsMissingFails() {
		context
			.withPropertyValues("kairos.apns.key-path=/nonexistent/AuthKey.p8", "kairos.apns.key-id=ABCDE12345",
					"kairos.apns.team-id=TEAM000001", "kairos.apns.topic=com.amiqo.kairos")
			.run(started -> {
				assertThat(started).hasFailed();
				assertThat(rootMessage(started.getStartupFailure()))
					.contains("APNS_KEY_PATH must name a readable .p8 key file")
					.doesNotContain("nonexistent");
			});
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

}
