package com.amiqo.kairos.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the HTTP tests that need a server with no background work and no rate limit in
 * their way: the notification dispatcher is off (tests drive dispatch rounds themselves,
 * deterministically), the expiry sweep runs hourly, and the rate limits are out of reach,
 * so rows change only when a test's own request or call changes them. Its sender is the
 * real APNs sender pointed at {@link MockApns}; retries are due after a millisecond or
 * so. Its subclasses share this one context.
 */
@TestPropertySource(properties = { "kairos.notifications.dispatcher-enabled=false",
		"kairos.notifications.batch-size=50", "kairos.notifications.retry-base=1ms",
		"kairos.notifications.retry-max=4ms", "kairos.notifications.max-attempts=3",
		"kairos.apns.key-id=" + MockApns.KEY_ID, "kairos.apns.team-id=" + MockApns.TEAM_ID,
		"kairos.apns.topic=" + MockApns.TOPIC, "kairos.expiry.sweep-interval=1h",
		"kairos.rate-limit.per-user-per-minute=1000000", "kairos.rate-limit.global-per-second=1000000" })
public abstract class QuietApiTest extends ApiTest {

	@DynamicPropertySource
	static void mockApns(DynamicPropertyRegistry registry) {
		registry.add("kairos.apns.key-path", () -> MockApns.get().keyPath());
		registry.add("kairos.apns.trusted-certificate", () -> MockApns.get().caPath());
		registry.add("kairos.apns.production-host", () -> "localhost:" + MockApns.get().productionPort());
		registry.add("kairos.apns.sandbox-host", () -> "localhost:" + MockApns.get().sandboxPort());
	}

}
