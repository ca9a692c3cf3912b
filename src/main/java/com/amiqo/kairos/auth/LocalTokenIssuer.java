package com.amiqo.kairos.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Development-only issuer: an RSA key made at start signs tokens shaped like Firebase ID
 * tokens (same issuer and audience), so the real verification path handles them. Its
 * public key is trusted next to Google's; it exists only when
 * {@link LocalIssuerCondition} holds.
 */
class LocalTokenIssuer {

	static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

	private final RSAKey key;

	private final AuthProperties properties;

	private final Clock clock;

	LocalTokenIssuer(AuthProperties properties, Clock clock) {
		this.key = newKey();
		this.properties = properties;
		this.clock = clock;
	}

	private static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("kairos-local-" + UUID.randomUUID()).generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Cannot create the local issuer's key", e);
		}
	}

	JWKSet publicKeys() {
		return new JWKSet(key.toPublicJWK());
	}

	IssuedToken issue(String uid, @Nullable String name) {
		Instant now = clock.instant();
		Instant expiresAt = now.plus(TOKEN_LIFETIME);
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(properties.expectedIssuer())
			.audience(properties.firebaseProjectId())
			.subject(uid)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expiresAt))
			.claim("auth_time", now.getEpochSecond())
			.claim("user_id", uid);
		if (name != null) {
			claims.claim("name", name);
		}
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
			.type(JOSEObjectType.JWT)
			.build();
		SignedJWT jwt = new SignedJWT(header, claims.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Cannot sign a local token", e);
		}
		return new IssuedToken(jwt.serialize(), expiresAt);
	}

	record IssuedToken(String idToken, Instant expiresAt) {
	}

}
