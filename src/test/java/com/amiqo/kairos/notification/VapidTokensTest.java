package com.amiqo.kairos.notification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.MockPushService;

import static org.assertj.core.api.Assertions.assertThat;

/** The VAPID header: an ES256 JWT per push service origin, reused for half its life. */
class VapidTokensTest {

	private static final VapidKeys KEYS = VapidKeys.of(MockPushService.VAPID_PUBLIC_KEY,
			MockPushService.VAPID_PRIVATE_KEY);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final VapidTokens tokens = new VapidTokens(KEYS, "mailto:ops@example.com", clock);

	@Test
	void authorizationWhenFirstPushToAnOriginIsAnEs256TokenForThatOrigin() throws Exception {
		String header = tokens.authorization(URI.create("https://fcm.googleapis.com/fcm/send/abc"));

		assertThat(header).startsWith("vapid t=").endsWith(", k=" + MockPushService.VAPID_PUBLIC_KEY);
		SignedJWT jwt = SignedJWT.parse(header.substring("vapid t=".length(), header.indexOf(',')));
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(jwt.verify(new ECDSAVerifier(KEYS.publicKey()))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getAudience()).isEqualTo(List.of("https://fcm.googleapis.com"));
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("mailto:ops@example.com");
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
			.isEqualTo(clock.instant().plus(Duration.ofHours(12)));
		assertThat(jwt.getPayload().toJSONObject().get("aud")).isEqualTo("https://fcm.googleapis.com");
	}

	@Test
	void authorizationWhenSameOriginWithinHalfItsLifeReusesTheToken() {
		String first = tokens.authorization(URI.create("https://fcm.googleapis.com/fcm/send/abc"));
		clock.advance(Duration.ofHours(5));
		String again = tokens.authorization(URI.create("https://fcm.googleapis.com/fcm/send/other"));
		String elsewhere = tokens.authorization(URI.create("https://web.push.apple.com/xyz"));
		clock.advance(Duration.ofHours(2));
		String renewed = tokens.authorization(URI.create("https://fcm.googleapis.com/fcm/send/abc"));

		assertThat(again).isEqualTo(first);
		assertThat(elsewhere).isNotEqualTo(first);
		assertThat(renewed).isNotEqualTo(first);
	}

	@Test
	void originWhenPortIsNotTheDefaultKeepsIt() {
		assertThat(VapidTokens.origin(URI.create("https://localhost:8443/push/1"))).isEqualTo("https://localhost:8443");
		assertThat(VapidTokens.origin(URI.create("https://a.push.apple.com:443/x")))
			.isEqualTo("https://a.push.apple.com");
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
