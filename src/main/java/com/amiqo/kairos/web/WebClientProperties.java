package com.amiqo.kairos.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Public settings of the web client and of the links that open the iOS app
 * (docs/web-client.md). Nothing here is secret: the Firebase web API key only identifies
 * the project to Firebase's public endpoints.
 *
 * @param appleTeamId {@code APPLE_TEAM_ID}: the iOS app's team id (10 characters); with
 * the bundle id it makes {@code GET /.well-known/apple-app-site-association} exist
 * @param appleBundleId {@code APPLE_BUNDLE_ID}: the iOS app's bundle id
 * @param firebaseWebApiKey {@code FIREBASE_WEB_API_KEY}: the Firebase web app's API key;
 * set, the web client signs in with Firebase Authentication (email and password)
 * @param firebaseAuthDomain {@code FIREBASE_WEB_AUTH_DOMAIN}: the Firebase web app's auth
 * domain (shown in the client's config; optional)
 */
@Validated
@ConfigurationProperties("kairos.web")
record WebClientProperties(
		@Nullable @Pattern(regexp = "[A-Z0-9]{10}",
				message = "APPLE_TEAM_ID must be 10 upper-case letters or digits") String appleTeamId,
		@Nullable @Pattern(regexp = "[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+",
				message = "APPLE_BUNDLE_ID must look like com.example.app") String appleBundleId,
		@Nullable @Pattern(regexp = "[A-Za-z0-9_-]{10,100}",
				message = "FIREBASE_WEB_API_KEY must be a Firebase web API key") String firebaseWebApiKey,
		@Nullable @Pattern(regexp = "[A-Za-z0-9.-]{1,253}",
				message = "FIREBASE_WEB_AUTH_DOMAIN must be a host name") String firebaseAuthDomain) {

	public WebClientProperties {
		appleTeamId = blankToNull(appleTeamId);
		appleBundleId = blankToNull(appleBundleId);
		firebaseWebApiKey = blankToNull(firebaseWebApiKey);
		firebaseAuthDomain = blankToNull(firebaseAuthDomain);
	}

	/**
	 * The universal-links app id ({@code TEAMID.bundle.id}), or null when either half is
	 * unset.
	 */
	@Nullable public String appleAppId() {
		return appleTeamId == null || appleBundleId == null ? null : appleTeamId + "." + appleBundleId;
	}

	@AssertTrue(message = "APPLE_TEAM_ID and APPLE_BUNDLE_ID must be set together")
	public boolean isAppleConfigurationComplete() {
		return (appleTeamId == null) == (appleBundleId == null);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}
}
