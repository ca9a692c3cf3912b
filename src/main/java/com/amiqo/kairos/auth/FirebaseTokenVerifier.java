package com.amiqo.kairos.auth;

import java.text.ParseException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Verifies Firebase ID tokens exactly as docs/reference.md#authentication says: RS256
 * only, signature against the Firebase JWKS (cached, refetched on an unknown
 * {@code kid}), then issuer, audience, expiry, issue and auth times (with clock skew) and
 * subject. Each failure carries its 401 reason.
 *
 * <p>
 * In emulator mode unsigned ({@code alg: none}) tokens are accepted, as the Firebase
 * Admin SDK does against the Auth Emulator; every claim check still applies.
 *
 * <p>
 * Why not Spring Security's {@code NimbusJwtDecoder} with {@code JwtValidators}: those
 * validators report every failed claim as one {@code invalid_token} OAuth2 error, while
 * docs/reference.md#conventions, docs/reference.md#authentication give each failure its
 * own 401 reason ({@code token_expired}, {@code wrong_issuer}, {@code wrong_audience},
 * {@code invalid_signature}, …) in a fixed order (signature, expiry, issuer, audience,
 * times, subject); a token whose {@code exp} is not after its {@code iat} must be
 * {@code invalid_token} here, checked before Spring's {@code Jwt} is built (which would
 * refuse it with an assertion); and the decoder refuses unsigned tokens outright, which
 * emulator mode must accept (the Firebase Admin SDK does). The checks here are few and
 * each is tested against its reason (TokenVerificationTest, EmulatorModeTest); key
 * fetching and signature verification stay Nimbus'.
 */
class FirebaseTokenVerifier implements JwtDecoder {

	private static final int MAX_SUBJECT_LENGTH = 128;

	private final JWKSource<SecurityContext> keys;

	private final BooleanSupplier lastKeyFetchSucceeded;

	private final String projectId;

	private final String issuer;

	private final Duration skew;

	private final boolean acceptUnsigned;

	private final Clock clock;

	FirebaseTokenVerifier(JWKSource<SecurityContext> keys, BooleanSupplier lastKeyFetchSucceeded,
			AuthProperties properties, Clock clock) {
		this.keys = keys;
		this.lastKeyFetchSucceeded = lastKeyFetchSucceeded;
		this.projectId = properties.firebaseProjectId();
		this.issuer = properties.expectedIssuer();
		this.skew = properties.clockSkew();
		this.acceptUnsigned = properties.emulatorMode();
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		JWT jwt = parse(token);
		JWTClaimsSet claims = claimsOf(jwt);
		if (jwt instanceof SignedJWT signed) {
			verifySignature(signed);
		}
		else if (!(jwt instanceof PlainJWT && acceptUnsigned)) {
			throw new InvalidTokenException(TokenRejection.INVALID_SIGNATURE, "Token must be signed with RS256");
		}
		validate(claims, rawSubject(jwt));
		return toJwt(token, jwt, claims);
	}

	/**
	 * A token that cannot be parsed is {@code invalid_token}, unless its header can be
	 * read and the failure is its signature's: an algorithm other than RS256 in any
	 * spelling ({@code NONE}, {@code nOnE}), or an empty signature segment. Those are
	 * {@code invalid_signature}, as every token not signed with RS256 is.
	 */
	private static JWT parse(String token) {
		try {
			return JWTParser.parse(token);
		}
		catch (ParseException e) {
			String problem = signatureProblem(token);
			if (problem != null) {
				throw new InvalidTokenException(TokenRejection.INVALID_SIGNATURE, problem);
			}
			throw new InvalidTokenException(TokenRejection.INVALID_TOKEN, "Token is not a well-formed JWT");
		}
	}

	private static @Nullable String signatureProblem(String token) {
		String[] parts = token.split("\\.", -1);
		Object algorithm;
		try {
			algorithm = JSONObjectUtils.parse(new Base64URL(parts[0]).decodeToString()).get("alg");
		}
		catch (ParseException | RuntimeException e) {
			return null;
		}
		if (!(algorithm instanceof String)) {
			return null;
		}
		if (!JWSAlgorithm.RS256.getName().equals(algorithm)) {
			return "Token must be signed with RS256";
		}
		return parts.length == 3 && parts[2].isEmpty() ? "Token has no signature" : null;
	}

	private void verifySignature(SignedJWT signed) {
		JWSHeader header = signed.getHeader();
		if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
			throw new InvalidTokenException(TokenRejection.INVALID_SIGNATURE, "Token must be signed with RS256");
		}
		RSAKey key = signingKey(header.getKeyID());
		try {
			if (!signed.verify(new RSASSAVerifier(key))) {
				throw new InvalidTokenException(TokenRejection.INVALID_SIGNATURE, "Token signature does not verify");
			}
		}
		catch (JOSEException e) {
			throw new InvalidTokenException(TokenRejection.INVALID_SIGNATURE, "Token signature does not verify");
		}
	}

	private RSAKey signingKey(String keyId) {
		if (keyId == null) {
			throw new InvalidTokenException(TokenRejection.INVALID_SIGNATURE, "Token names no signing key");
		}
		JWKSelector selector = new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).keyID(keyId).build());
		List<JWK> found;
		try {
			found = keys.get(selector, null);
		}
		catch (RateLimitReachedException e) {
			// No refetch allowed right now. If the last fetch failed we cannot tell a
			// forged kid from a new Google key: that is an outage (503), and a 401 would
			// sign the user out.
			if (!lastKeyFetchSucceeded.getAsBoolean()) {
				throw keysUnavailable(e);
			}
			found = List.of();
		}
		catch (com.nimbusds.jose.KeySourceException e) {
			throw keysUnavailable(e);
		}
		if (found.isEmpty()) {
			throw new InvalidTokenException(TokenRejection.INVALID_SIGNATURE, "Token is signed with an unknown key");
		}
		return (RSAKey) found.get(0);
	}

	/**
	 * Google's key endpoint is unreachable: our problem, not the client's (answered as a
	 * retryable 503).
	 */
	private static JwtException keysUnavailable(Exception cause) {
		return new JwtException("Signing keys are unavailable", cause);
	}

	private static JWTClaimsSet claimsOf(JWT jwt) {
		try {
			return jwt.getJWTClaimsSet();
		}
		catch (ParseException e) {
			throw new InvalidTokenException(TokenRejection.INVALID_TOKEN, "Token claims are not valid JSON");
		}
	}

	/**
	 * The {@code sub} as sent: Nimbus would turn {@code "sub": 12345} into "12345", which
	 * Firebase's verifier refuses.
	 */
	private static @Nullable String rawSubject(JWT jwt) {
		try {
			Object subject = JSONObjectUtils.parse(jwt.getParsedParts()[1].decodeToString()).get("sub");
			return subject instanceof String text ? text : null;
		}
		catch (ParseException e) {
			return null;
		}
	}

	private void validate(JWTClaimsSet claims, @Nullable String subject) {
		Instant now = clock.instant();
		Instant expiresAt = requiredInstant(claims.getExpirationTime(), "exp");
		if (!expiresAt.plus(skew).isAfter(now)) {
			throw new InvalidTokenException(TokenRejection.TOKEN_EXPIRED, "Token has expired");
		}
		if (!issuer.equals(claims.getIssuer())) {
			throw new InvalidTokenException(TokenRejection.WRONG_ISSUER, "Token was issued for another project");
		}
		if (claims.getAudience() == null || !claims.getAudience().equals(List.of(projectId))) {
			throw new InvalidTokenException(TokenRejection.WRONG_AUDIENCE, "Token is meant for another audience");
		}
		Instant issuedAt = requiredInstant(claims.getIssueTime(), "iat");
		if (issuedAt.isAfter(now.plus(skew))) {
			throw new InvalidTokenException(TokenRejection.INVALID_TOKEN, "Token is issued in the future");
		}
		if (!expiresAt.isAfter(issuedAt)) {
			throw new InvalidTokenException(TokenRejection.INVALID_TOKEN, "Token expires before it was issued");
		}
		Instant authTime = authTime(claims);
		if (authTime != null && authTime.isAfter(now.plus(skew))) {
			throw new InvalidTokenException(TokenRejection.INVALID_TOKEN, "Token auth_time is in the future");
		}
		// Firebase's ID tokens carry no nbf; one that does is honoured, as every JWT
		// library (and so the Firebase Admin SDK) does. An iat however far in the past is
		// accepted, as Firebase's rules ask only that it not be in the future.
		Date notBefore = claims.getNotBeforeTime();
		if (notBefore != null && notBefore.toInstant().isAfter(now.plus(skew))) {
			throw new InvalidTokenException(TokenRejection.INVALID_TOKEN, "Token is not valid yet (nbf)");
		}
		if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH
				|| subject.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidTokenException(TokenRejection.INVALID_TOKEN,
					"Token subject must be 1-128 characters without control characters");
		}
	}

	private static Instant requiredInstant(Date date, String claim) {
		if (date == null) {
			throw new InvalidTokenException(TokenRejection.INVALID_TOKEN, "Token has no '" + claim + "' claim");
		}
		return date.toInstant();
	}

	private static @Nullable Instant authTime(JWTClaimsSet claims) {
		Object value = claims.getClaim("auth_time");
		if (value == null) {
			return null;
		}
		if (value instanceof Number seconds) {
			try {
				return Instant.ofEpochSecond(seconds.longValue());
			}
			catch (DateTimeException e) {
				throw new InvalidTokenException(TokenRejection.INVALID_TOKEN, "Token auth_time is out of range");
			}
		}
		throw new InvalidTokenException(TokenRejection.INVALID_TOKEN, "Token auth_time is not a number");
	}

	/**
	 * The authenticated principal is the token's subject. Firebase tokens carry no OAuth
	 * scopes and authorities are unused, so no claim is interpreted as one (a token with
	 * {@code "scope": [1]} would otherwise fail inside Spring Security's converter).
	 */
	static AbstractAuthenticationToken authentication(Jwt jwt) {
		return new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject());
	}

	private static Jwt toJwt(String token, JWT jwt, JWTClaimsSet claims) {
		Map<String, Object> claimValues = new LinkedHashMap<>();
		claims.getClaims()
			.forEach((name, value) -> claimValues.put(name, value instanceof Date date ? date.toInstant() : value));
		return Jwt.withTokenValue(token)
			.headers(headers -> headers.putAll(jwt.getHeader().toJSONObject()))
			.claims(values -> values.putAll(claimValues))
			.build();
	}

}
