package com.amiqo.kairos.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import com.amiqo.kairos.support.MockPushService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code WEB_PUSH_*} is checked when the service starts (the key pair whole and matching,
 * a subject with it, allowlist entries well formed), and a local run keeps the key pair
 * it generated.
 */
class WebPushSettingsTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WebPushProperties.class)
	static class Settings {

	}

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class)
		.withPropertyValues("kairos.web-push.allowed-hosts=", "kairos.web-push.local-key-file=.kairos/x",
				"kairos.web-push.connect-timeout=3s", "kairos.web-push.request-timeout=10s",
				"kairos.web-push.max-concurrent-pushes=64");

	@Test
	void startWhenNothingIsSetAllowsTheBrowserVendorsPushServices() {
		context.run(started -> {
			assertThat(started).hasNotFailed();
			WebPushProperties properties = started.getBean(WebPushProperties.class);
			assertThat(properties.hasConfiguredKeys()).isFalse();
			assertThat(properties.allowedHosts()).containsExactlyElementsOf(PushServiceAllowlist.BROWSER_VENDORS);
		});
	}

	@Test
	void startWhenKeysAndSubjectAreSetRunsWithThem() {
		context
			.withPropertyValues("kairos.web-push.vapid-public-key=" + MockPushService.VAPID_PUBLIC_KEY,
					"kairos.web-push.vapid-private-key=" + MockPushService.VAPID_PRIVATE_KEY,
					"kairos.web-push.vapid-subject=https://kairos.example.com/contact",
					"kairos.web-push.allowed-hosts=fcm.googleapis.com,*.push.apple.com")
			.run(started -> {
				assertThat(started).hasNotFailed();
				assertThat(started.getBean(WebPushProperties.class).allowedHosts())
					.containsExactly("fcm.googleapis.com", "*.push.apple.com");
			});
	}

	@Test
	void startWhenOnlyOneKeyIsSetFailsNamingBoth() {
		context.withPropertyValues("kairos.web-push.vapid-private-key=" + MockPushService.VAPID_PRIVATE_KEY)
			.run(started -> assertThat(failure(started)).contains("WEB_PUSH_VAPID_PUBLIC_KEY")
				.contains("WEB_PUSH_VAPID_PRIVATE_KEY")
				.doesNotContain(MockPushService.VAPID_PRIVATE_KEY));
	}

	@Test
	void startWhenKeysAreNotOnePairFailsWithoutEchoingThem() {
		String otherPrivate = P256.base64Url(P256.encode(VapidKeys.generate().privateKey()));
		context
			.withPropertyValues("kairos.web-push.vapid-public-key=" + MockPushService.VAPID_PUBLIC_KEY,
					"kairos.web-push.vapid-private-key=" + otherPrivate, "kairos.web-push.vapid-subject=mailto:a@b.c")
			.run(started -> assertThat(failure(started)).contains("not one key pair").doesNotContain(otherPrivate));
	}

	@Test
	void startWhenKeysWithoutSubjectOrWithABadOneFailsNamingIt() {
		ApplicationContextRunner keys = context.withPropertyValues(
				"kairos.web-push.vapid-public-key=" + MockPushService.VAPID_PUBLIC_KEY,
				"kairos.web-push.vapid-private-key=" + MockPushService.VAPID_PRIVATE_KEY);
		keys.run(started -> assertThat(failure(started)).contains("WEB_PUSH_VAPID_SUBJECT"));
		keys.withPropertyValues("kairos.web-push.vapid-subject=ops@example.com")
			.run(started -> assertThat(failure(started))
				.contains("WEB_PUSH_VAPID_SUBJECT must be a mailto: or https:"));
	}

	@Test
	void startWhenAnAllowlistEntryIsAUrlFailsNamingTheVariable() {
		context.withPropertyValues("kairos.web-push.allowed-hosts=https://fcm.googleapis.com/")
			.run(started -> assertThat(failure(started)).contains("WEB_PUSH_ALLOWED_HOSTS"));
	}

	@Test
	void localWhenRunTwiceGeneratesOnceAndKeepsTheKeyPrivate(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("data/web-push-vapid.properties");

		VapidKeys first = VapidKeys.local(file);
		VapidKeys second = VapidKeys.local(file);

		assertThat(second.publicKeyBase64Url()).isEqualTo(first.publicKeyBase64Url());
		assertThat(second.privateKey().getS()).isEqualTo(first.privateKey().getS());
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(first.toString()).doesNotContain(P256.base64Url(P256.encode(first.privateKey())));
	}

	private static String failure(org.springframework.boot.test.context.assertj.AssertableApplicationContext started) {
		assertThat(started).hasFailed();
		Throwable cause = started.getStartupFailure();
		StringBuilder messages = new StringBuilder();
		while (cause != null) {
			messages.append(cause.getMessage()).append('\n');
			cause = cause.getCause();
		}
		return messages.toString();
	}

}
