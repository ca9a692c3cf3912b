package com.amiqo.kairos.auth;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How Firebase ID tokens are verified (docs/reference.md#authentication).
 *
 * @param firebaseProjectId Firebase project id: the expected {@code aud} and the suffix
 * of the expected {@code iss} ({@code FIREBASE_PROJECT_ID})
 * @param jwksUrl where Google publishes the Firebase signing keys as a JWK set
 * ({@code FIREBASE_JWKS_URL}); tests point it at their own JWKS
 * @param clockSkew tolerance for {@code exp}, {@code iat} and {@code auth_time}
 * @param jwksCacheTtl how long fetched keys are trusted before a background refresh
 * @param jwksRefetchMinInterval minimum time between JWKS fetches triggered by an unknown
 * {@code kid}, so forged key ids cannot turn into a flood of requests to Google
 * @param localIssuer {@code KAIROS_LOCAL_ISSUER}: trust the development issuer behind
 * {@code POST /dev/tokens}; unset means "only on the embedded database"
 * @param emulatorHost {@code FIREBASE_AUTH_EMULATOR_HOST}: when set, unsigned emulator
 * tokens are accepted, as the Firebase Admin SDK does
 */
@Validated
@ConfigurationProperties("kairos.auth")
public record AuthProperties(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{4,28}[a-z0-9]",
		message = "must be a Firebase project id (6-30 lowercase letters, digits, hyphens)") String firebaseProjectId,
		@NotNull URI jwksUrl, @NotNull Duration clockSkew, @NotNull Duration jwksCacheTtl,
		@NotNull Duration jwksRefetchMinInterval, @Nullable Boolean localIssuer, @Nullable String emulatorHost) {

	public String expectedIssuer() {
		return "https://securetoken.google.com/" + firebaseProjectId;
	}

	public boolean emulatorMode() {
		return emulatorHost != null && !emulatorHost.isBlank();
	}
}
