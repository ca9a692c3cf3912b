package com.amiqo.kairos.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests of a server configured the way the shared test server is not:
 * Firebase Auth Emulator mode ({@code FIREBASE_AUTH_EMULATOR_HOST} at the
 * {@link FakeAuthEmulator}) and the iOS app's ids set (universal links served). Its
 * subclasses share this one context rather than starting one each.
 */
public abstract class EmulatorApiTest extends ApiTest {

	public static final String APPLE_TEAM_ID = "ABCDE12345";

	public static final String APPLE_BUNDLE_ID = "com.amiqo.kairos";

	@DynamicPropertySource
	static void emulator(DynamicPropertyRegistry registry) {
		registry.add("kairos.auth.emulator-host", FakeAuthEmulator.get()::hostAndPort);
		registry.add("kairos.web.apple-team-id", () -> APPLE_TEAM_ID);
		registry.add("kairos.web.apple-bundle-id", () -> APPLE_BUNDLE_ID);
	}

}
