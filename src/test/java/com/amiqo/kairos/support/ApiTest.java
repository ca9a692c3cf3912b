package com.amiqo.kairos.support;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP-level tests: the whole service on a random port, a throwaway embedded
 * PostgreSQL, token verification against the {@link TestJwks} served over real HTTP, and
 * Web Push to the {@link MockPushService}. Subclasses that add no configuration share one
 * application context; statements are counted per request ({@link StatementCounter}) in
 * every context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kairos.database.embedded.ephemeral=true",
				"kairos.auth.firebase-project-id=" + TestTokens.PROJECT_ID,
				"kairos.auth.jwks-refetch-min-interval=100ms", "kairos.cursor.secret=" + ApiTest.CURSOR_SECRET,
				"kairos.users.profile-cache-ttl=" + ApiTest.PROFILE_CACHE_TTL,
				// Deliveries come from the after-commit wake-up (DispatchWakeTest relies
				// on the poll being rare).
				"kairos.notifications.poll-interval=1m", "kairos.cors.allowed-origins=" + ApiTest.BROWSER_ORIGIN,
				"management.server.port=0", "kairos.web-push.vapid-public-key=" + MockPushService.VAPID_PUBLIC_KEY,
				"kairos.web-push.vapid-private-key=" + MockPushService.VAPID_PRIVATE_KEY,
				"kairos.web-push.vapid-subject=" + MockPushService.VAPID_SUBJECT })
@Import(StatementCounter.Config.class)
public abstract class ApiTest {

	public static final String CURSOR_SECRET = "test-cursor-secret-0123456789abcdef";

	/** Short, so tests of the profile cache's bound wait little. */
	public static final String PROFILE_CACHE_TTL = "1s";

	public static final String BROWSER_ORIGIN = "https://app.kairos.test";

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcClient jdbc;

	protected ApiClient api;

	@DynamicPropertySource
	static void testJwks(DynamicPropertyRegistry registry) {
		registry.add("kairos.auth.jwks-url", () -> TestJwks.get().url());
	}

	/**
	 * Web Push goes to {@link MockPushService} only: it is the allowlist's one host (no
	 * test ever posts to a real push service) and its certificate is trusted through the
	 * test-only setting.
	 */
	@DynamicPropertySource
	static void mockPushService(DynamicPropertyRegistry registry) {
		registry.add("kairos.web-push.allowed-hosts", () -> MockPushService.get().host());
		registry.add("kairos.web-push.trusted-certificate", () -> MockPushService.get().caPath());
	}

	@BeforeEach
	void createClient() {
		api = new ApiClient("http://localhost:" + port);
	}

	protected int port() {
		return port;
	}

	/** A Firebase UID no other test uses. */
	protected static String newUid(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	/** A new user who has signed in once (so others can invite them). */
	protected TestUser signIn(String name) {
		return TestUser.signedIn(api, name);
	}

	protected long userRows(String uid) {
		return jdbc.sql("SELECT count(*) FROM app_users WHERE firebase_uid = ?").param(uid).query(Long.class).single();
	}

}
