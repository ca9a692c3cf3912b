package com.amiqo.kairos.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.auth.AuthProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Configuration-dependent parts of the web client that the shared test server cannot
 * switch.
 */
class WebClientSettingsTest {

	private static AuthProperties auth(String emulatorHost) {
		return new AuthProperties("kairos-prod", URI.create("https://example.invalid/jwks"), Duration.ofSeconds(60),
				Duration.ofHours(1), Duration.ofSeconds(30), false, emulatorHost);
	}

	private static WebClientProperties web(String teamId, String bundleId, String apiKey) {
		return new WebClientProperties(teamId, bundleId, apiKey, null);
	}

	private static MockEnvironment production() {
		return new MockEnvironment().withProperty("kairos.database.url", "jdbc:postgresql://db/kairos");
	}

	@Test
	void contentSecurityPolicyWhenFirebaseIsConfiguredAllowsOnlyFirebaseAuthHosts() {
		String csp = new WebClientSettings(production(), auth(null), web(null, null, "AIzaSyA-test_key_123"))
			.contentSecurityPolicy();

		assertThat(csp)
			.contains("connect-src 'self' https://identitytoolkit.googleapis.com https://securetoken.googleapis.com;");
		assertThat(csp).contains("script-src 'self';");
	}

	@Test
	void contentSecurityPolicyWhenUsingTheEmulatorAllowsTheEmulatorOnly() {
		String csp = new WebClientSettings(production(), auth("localhost:9099"), web(null, null, null))
			.contentSecurityPolicy();

		assertThat(csp).contains("connect-src 'self' http://localhost:9099;");
		assertThat(csp).doesNotContain("googleapis");
	}

	@Test
	void configWhenFirebaseWebKeyIsSetExposesThePublicWebConfig() {
		WebClientProperties web = new WebClientProperties(null, null, "AIzaSyA-test_key_123",
				"kairos-prod.firebaseapp.com");
		WebClientController controller = new WebClientController(web, auth(null),
				new WebClientSettings(production(), auth(null), web), production());

		WebClientController.ClientConfig config = controller.config().data();

		assertThat(config.signIn()).isEqualTo(SignInMode.FIREBASE);
		assertThat(config.firebase()).isEqualTo(new WebClientController.FirebaseWebConfig("AIzaSyA-test_key_123",
				"kairos-prod.firebaseapp.com", "kairos-prod"));
	}

	@Test
	void configWhenNothingBrowserUsableIsConfiguredSaysNone() {
		WebClientProperties web = web(null, null, null);
		WebClientController controller = new WebClientController(web, auth(null),
				new WebClientSettings(production(), auth(null), web), production());

		assertThat(controller.config().data().signIn()).isEqualTo(SignInMode.NONE);
	}

	@Test
	void appleAppSiteAssociationWhenConfiguredNamesTheAppAndInvitePaths() {
		WebClientProperties web = web("ABCDE12345", "com.amiqo.kairos", null);
		WebClientController controller = new WebClientController(web, auth(null),
				new WebClientSettings(production(), auth(null), web), production());

		Map<String, Object> aasa = controller.appleAppSiteAssociation();

		assertThat(aasa).isEqualTo(Map.of("applinks",
				Map.of("apps", List.of(), "details",
						List.of(Map.of("appID", "ABCDE12345.com.amiqo.kairos", "appIDs",
								List.of("ABCDE12345.com.amiqo.kairos"), "paths", List.of("/i/*"), "components",
								List.of(Map.of("/", "/i/*", "comment", "Kairos Amiqo invite links")))))));
	}

	@Test
	void appleAppSiteAssociationWhenOnlyHalfConfiguredIsRefusedAndNotServed() {
		WebClientProperties half = web("ABCDE12345", " ", null);
		WebClientController controller = new WebClientController(half, auth(null),
				new WebClientSettings(production(), auth(null), half), production());

		assertThat(half.isAppleConfigurationComplete()).isFalse();
		assertThatThrownBy(controller::appleAppSiteAssociation).isInstanceOf(ApiException.class);
	}

}
