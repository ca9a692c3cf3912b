package com.amiqo.kairos.auth;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.amiqo.kairos.secret.Sha256;

/**
 * Remembers tokens that passed verification, so a client sending the same ID token on
 * every request (as the iOS app does for up to an hour) pays the RSA signature check once
 * per instance rather than on every request (its cost: docs/performance.md).
 *
 * <p>
 * Why this is safe: a token's verdict depends only on its bytes, the signing keys and the
 * clock. The bytes are the key (as a SHA-256 hash, so the cache holds no token as a key);
 * the clock is checked again on every hit, so a cached token is refused the moment its
 * {@code exp} (plus the allowed skew) passes, exactly as the verifier would; keys only
 * matter for revocation, which Firebase ID tokens do not have without a server round trip
 * (Firebase's own verifier also keeps accepting a token signed by a key it has cached
 * until the token expires). Only successes are cached: a rejected token is verified again
 * each time and gets its precise 401 reason.
 */
final class VerifiedTokenCache implements JwtDecoder {

	/**
	 * Bounded by count: one entry (~2–3 KiB) per token seen in the last hour on this
	 * instance.
	 */
	static final int MAXIMUM_SIZE = 10_000;

	private final JwtDecoder verifier;

	private final Clock clock;

	private final Duration skew;

	/** Keyed by the token's SHA-256 (a ByteBuffer compares by content). */
	private final Cache<ByteBuffer, Jwt> verified;

	VerifiedTokenCache(JwtDecoder verifier, Clock clock, Duration skew) {
		this.verifier = verifier;
		this.clock = clock;
		this.skew = skew;
		this.verified = Caffeine.newBuilder()
			.maximumSize(MAXIMUM_SIZE)
			.expireAfter(Expiry.<ByteBuffer, Jwt>creating((key, jwt) -> lifetime(jwt)))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		ByteBuffer key = sha256(token);
		Jwt cached = verified.getIfPresent(key);
		if (cached != null && usable(cached)) {
			return cached;
		}
		Jwt jwt = verifier.decode(token);
		verified.put(key, jwt);
		return jwt;
	}

	long size() {
		verified.cleanUp();
		return verified.estimatedSize();
	}

	private boolean usable(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && expiresAt.plus(skew).isAfter(clock.instant());
	}

	/**
	 * Evicted when the token stops being usable; the check on every hit is what enforces
	 * it.
	 */
	private Duration lifetime(Jwt jwt) {
		@Nullable Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(clock.instant(), expiresAt.plus(skew));
		return left.isNegative() ? Duration.ZERO : left;
	}

	private static ByteBuffer sha256(String token) {
		return ByteBuffer.wrap(Sha256.of(token));
	}

}
