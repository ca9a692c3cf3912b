package com.amiqo.kairos.support;

import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Builds Firebase-shaped ID tokens for tests; every field can be bent to make a bad
 * token.
 */
public final class TestTokens {

	public static final String PROJECT_ID = "kairos-test";

	public static final String ISSUER = "https://securetoken.google.com/" + PROJECT_ID;

	private String subject;

	private String issuer = ISSUER;

	private String audience = PROJECT_ID;

	private Instant issuedAt = Instant.now().minusSeconds(5);

	private Instant expiresAt = Instant.now().plusSeconds(3600);

	private Instant authTime = Instant.now().minusSeconds(5);

	private String name;

	private RSAKey key = TestJwks.get().primaryKey();

	private final java.util.Map<String, Object> rawClaims = new java.util.LinkedHashMap<>();

	private TestTokens(String subject) {
		this.subject = subject;
	}

	public static TestTokens forUser(String uid) {
		return new TestTokens(uid);
	}

	/** A valid token for the user, signed with the published key. */
	public static String valid(String uid) {
		return forUser(uid).sign();
	}

	public TestTokens subject(String value) {
		subject = value;
		return this;
	}

	public TestTokens issuer(String value) {
		issuer = value;
		return this;
	}

	public TestTokens audience(String value) {
		audience = value;
		return this;
	}

	public TestTokens issuedAt(Instant value) {
		issuedAt = value;
		return this;
	}

	public TestTokens expiresAt(Instant value) {
		expiresAt = value;
		return this;
	}

	public TestTokens authTime(Instant value) {
		authTime = value;
		return this;
	}

	public TestTokens name(String value) {
		name = value;
		return this;
	}

	/**
	 * Sets a claim to any JSON value (a number as {@code sub}, an object as {@code name},
	 * …), last.
	 */
	public TestTokens claim(String claimName, Object value) {
		rawClaims.put(claimName, value);
		return this;
	}

	public TestTokens signedWith(RSAKey value) {
		key = value;
		return this;
	}

	public JWTClaimsSet claims() {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject(subject)
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt))
			.claim("auth_time", authTime.getEpochSecond())
			.claim("email", subject + "@example.com");
		if (name != null) {
			claims.claim("name", name);
		}
		rawClaims.forEach(claims::claim);
		return claims.build();
	}

	public String sign() {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		return jwt.serialize();
	}

}
