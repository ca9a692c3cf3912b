package com.amiqo.kairos.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.amiqo.kairos.support.TestJwks;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verified-token cache in front of the real verifier, with a clock the test moves.
 */
class VerifiedTokenCacheTest {

	private static final Duration SKEW = Duration.ofSeconds(60);

	private final MutableClock clock = new MutableClock(Instant.now());

	private final AtomicInteger verifications = new AtomicInteger();

	private final VerifiedTokenCache cache = new VerifiedTokenCache(countingVerifier(), clock, SKEW);

	@Test
	void decodeWhenSameTokenRepeatsVerifiesOnce() {
		String token = TestTokens.forUser("alice")
			.issuedAt(clock.instant())
			.expiresAt(clock.instant().plusSeconds(3600))
			.sign();

		Jwt first = cache.decode(token);
		Jwt second = cache.decode(token);

		assertThat(second.getSubject()).isEqualTo("alice").isEqualTo(first.getSubject());
		assertThat(verifications).hasValue(1);
	}

	@Test
	void decodeWhenCachedTokenHasExpiredRefusesIt() {
		String token = TestTokens.forUser("bob")
			.issuedAt(clock.instant())
			.expiresAt(clock.instant().plusSeconds(600))
			.sign();
		cache.decode(token);

		clock.advance(Duration.ofSeconds(600).plus(SKEW).plusSeconds(1));

		assertThatThrownBy(() -> cache.decode(token)).isInstanceOfSatisfying(InvalidTokenException.class,
				rejected -> assertThat(rejected.rejection()).isEqualTo(TokenRejection.TOKEN_EXPIRED));
	}

	@Test
	void decodeWhenCachedTokenIsWithinSkewStillAcceptsIt() {
		String token = TestTokens.forUser("carol")
			.issuedAt(clock.instant())
			.expiresAt(clock.instant().plusSeconds(600))
			.sign();
		cache.decode(token);

		clock.advance(Duration.ofSeconds(600).plus(SKEW).minusSeconds(1));

		assertThat(cache.decode(token).getSubject()).isEqualTo("carol");
		assertThat(verifications).hasValue(1);
	}

	@Test
	void decodeWhenTokenIsRejectedCachesNothing() {
		String tampered = TestTokens.forUser("mallory").sign() + "x";

		assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(InvalidTokenException.class);
		assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(InvalidTokenException.class);

		assertThat(verifications).hasValue(2);
		assertThat(cache.size()).isZero();
	}

	@Test
	void decodeWhenTokensDifferOnlySlightlyVerifiesEach() {
		Instant now = clock.instant();
		String one = TestTokens.forUser("dave").issuedAt(now).expiresAt(now.plusSeconds(3600)).sign();
		String other = TestTokens.forUser("dave").issuedAt(now).expiresAt(now.plusSeconds(3599)).sign();

		cache.decode(one);
		cache.decode(other);

		assertThat(verifications).hasValue(2);
	}

	private JwtDecoder countingVerifier() {
		AuthProperties properties = new AuthProperties(TestTokens.PROJECT_ID, URI.create("http://unused.invalid/jwks"),
				SKEW, Duration.ofHours(1), Duration.ofSeconds(30), null, null);
		FirebaseTokenVerifier verifier = new FirebaseTokenVerifier(
				new ImmutableJWKSet<SecurityContext>(new JWKSet(TestJwks.get().primaryKey().toPublicJWK())), () -> true,
				properties, clock);
		return token -> {
			verifications.incrementAndGet();
			return verifier.decode(token);
		};
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant start) {
			this.now = start;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
