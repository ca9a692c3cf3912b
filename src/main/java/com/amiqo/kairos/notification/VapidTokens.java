package com.amiqo.kairos.notification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The VAPID {@code Authorization} header (RFC 8292): an ES256 JWT whose {@code aud} is
 * the push service's origin, {@code sub} the operator's contact and {@code exp} at most
 * 24 hours ahead (12 here), with the public key beside it. One token per origin is signed
 * and reused until half its lifetime has passed, so a busy dispatcher signs a few tokens
 * a day instead of one per push.
 */
final class VapidTokens {

	static final Duration LIFETIME = Duration.ofHours(12);

	private final VapidKeys keys;

	private final String subject;

	private final Clock clock;

	private final String publicKey;

	private final ConcurrentMap<String, Token> byOrigin = new ConcurrentHashMap<>();

	private record Token(String header, Instant renewAfter) {
	}

	VapidTokens(VapidKeys keys, String subject, Clock clock) {
		this.keys = keys;
		this.subject = subject;
		this.clock = clock;
		this.publicKey = keys.publicKeyBase64Url();
	}

	/**
	 * The header value for a push to {@code endpoint}: {@code vapid t=<jwt>, k=<key>}.
	 */
	String authorization(URI endpoint) {
		String origin = origin(endpoint);
		Instant now = clock.instant();
		Token token = byOrigin.get(origin);
		if (token == null || now.isAfter(token.renewAfter())) {
			token = new Token("vapid t=" + sign(origin, now) + ", k=" + publicKey, now.plus(LIFETIME.dividedBy(2)));
			byOrigin.put(origin, token);
		}
		return token.header();
	}

	/**
	 * {@code scheme://host[:port]}, the port only when it is not the scheme's default.
	 */
	static String origin(URI endpoint) {
		int port = endpoint.getPort();
		boolean defaultPort = port == -1 || (port == 443 && "https".equals(endpoint.getScheme()));
		return endpoint.getScheme() + "://" + endpoint.getHost() + (defaultPort ? "" : ":" + port);
	}

	private String sign(String audience, Instant now) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(audience)
			.subject(subject)
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			jwt.sign(new ECDSASigner(keys.privateKey()));
		}
		catch (JOSEException e) {
			throw new IllegalStateException("VAPID signing failed", e);
		}
		return jwt.serialize();
	}

}
