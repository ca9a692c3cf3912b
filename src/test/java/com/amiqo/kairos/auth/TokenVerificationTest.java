package com.amiqo.kairos.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestJwks;
import com.amiqo.kairos.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Firebase ID token verification through the real verifier, the real HTTP server and a
 * served JWKS.
 */
class TokenVerificationTest extends ApiTest {

	@Test
	void meWithValidTokenReturns200() {
		ApiResponse response = api.get("/me").token(TestTokens.valid(newUid("valid"))).send();

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void meWithoutAuthorizationHeaderReturns401MissingToken() {
		assertRejected(api.get("/me").send(), "missing_token");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Basic YWxpY2U6c2VjcmV0", "Bearer", "Bearer ", "Bearer two tokens", "Token abc.def.ghi",
			"BearerX abc", "abc.def.ghi" })
	void meWithMalformedAuthorizationHeaderReturns401MalformedHeader(String header) {
		assertRejected(api.get("/me").header("Authorization", header).send(), "malformed_header");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-jwt", "abc.def.ghi", "eyJhbGciOiJSUzI1NiJ9.bm90LWpzb24.c2ln" })
	void meWithGarbageTokenReturns401InvalidToken(String token) {
		assertRejected(api.get("/me").token(token).send(), "invalid_token");
	}

	@Test
	void meWithExpiredTokenReturns401TokenExpired() {
		String token = TestTokens.forUser(newUid("expired"))
			.issuedAt(Instant.now().minusSeconds(7200))
			.authTime(Instant.now().minusSeconds(7200))
			.expiresAt(Instant.now().minusSeconds(120))
			.sign();

		assertRejected(api.get("/me").token(token).send(), "token_expired");
	}

	@Test
	void meWithTokenExpiredWithinClockSkewReturns200() {
		String token = TestTokens.forUser(newUid("skew"))
			.issuedAt(Instant.now().minusSeconds(3600))
			.authTime(Instant.now().minusSeconds(3600))
			.expiresAt(Instant.now().minusSeconds(20))
			.sign();

		assertThat(api.get("/me").token(token).send().status()).isEqualTo(200);
	}

	@Test
	void meWithTokenIssuedInTheFutureReturns401InvalidToken() {
		String token = TestTokens.forUser(newUid("future")).issuedAt(Instant.now().plusSeconds(300)).sign();

		assertRejected(api.get("/me").token(token).send(), "invalid_token");
	}

	@Test
	void meWithTokenExpiringBeforeItWasIssuedReturns401InvalidToken() {
		String token = TestTokens.forUser(newUid("inverted"))
			.issuedAt(Instant.now().minusSeconds(10))
			.expiresAt(Instant.now().minusSeconds(20))
			.sign();

		assertRejected(api.get("/me").token(token).send(), "invalid_token");
	}

	@Test
	void meWithAuthTimeInTheFutureReturns401InvalidToken() {
		String token = TestTokens.forUser(newUid("auth-time")).authTime(Instant.now().plusSeconds(300)).sign();

		assertRejected(api.get("/me").token(token).send(), "invalid_token");
	}

	@Test
	void meWithWrongAudienceReturns401WrongAudience() {
		String token = TestTokens.forUser(newUid("aud")).audience("someone-elses-project").sign();

		assertRejected(api.get("/me").token(token).send(), "wrong_audience");
	}

	@Test
	void meWithWrongIssuerReturns401WrongIssuer() {
		String token = TestTokens.forUser(newUid("iss"))
			.issuer("https://securetoken.google.com/someone-elses-project")
			.sign();

		assertRejected(api.get("/me").token(token).send(), "wrong_issuer");
	}

	@Test
	void meWithEmptyOrOverlongSubjectReturns401InvalidToken() {
		assertRejected(api.get("/me").token(TestTokens.forUser("").sign()).send(), "invalid_token");
		assertRejected(api.get("/me").token(TestTokens.forUser("u".repeat(129)).sign()).send(), "invalid_token");
	}

	@Test
	void meWithControlCharacterInSubjectReturns401InvalidToken() {
		assertRejected(api.get("/me").token(TestTokens.forUser("bad\u0000uid").sign()).send(), "invalid_token");
		assertRejected(api.get("/me").token(TestTokens.forUser("bad\nuid").sign()).send(), "invalid_token");
	}

	@Test
	void meWithSubjectOf128CharactersReturns200() {
		String uid = newUid("long");
		uid = uid + "x".repeat(128 - uid.length());

		assertThat(api.get("/me").token(TestTokens.valid(uid)).send().status()).isEqualTo(200);
	}

	@Test
	void meWithRotatedKeyRefetchesJwksOnceThenAccepts() {
		TestJwks jwks = TestJwks.get();
		assertThat(api.get("/me").token(TestTokens.valid(newUid("warm-up"))).send().status()).isEqualTo(200);
		RSAKey rotated = TestJwks.newKey("rotated-" + System.nanoTime());
		jwks.publishAlso(rotated);
		int fetchesBefore = jwks.fetchCount();

		String token = TestTokens.forUser(newUid("rotated")).signedWith(rotated).sign();
		ApiResponse first = api.get("/me").token(token).send();
		ApiResponse second = api.get("/me").token(token).send();

		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		assertThat(jwks.fetchCount()).isEqualTo(fetchesBefore + 1);
	}

	@Test
	void meWithKeyThatIsNotPublishedReturns401InvalidSignature() {
		RSAKey unpublished = TestJwks.newKey("never-published");
		String token = TestTokens.forUser(newUid("unknown-kid")).signedWith(unpublished).sign();

		assertRejected(api.get("/me").token(token).send(), "invalid_signature");
	}

	@Test
	void meWithManyUnknownKidsPastTheRefetchCapReturns401InvalidSignatureWhileKeysAreReachable() {
		for (int i = 0; i < 8; i++) {
			String token = TestTokens.forUser(newUid("forged-kid")).signedWith(TestJwks.newKey("forged-" + i)).sign();

			assertRejected(api.get("/me").token(token).send(), "invalid_signature");
		}
	}

	@Test
	void meWithPublishedKidButForeignSignatureReturns401InvalidSignature() {
		RSAKey impostor = TestJwks.newKey(TestJwks.get().primaryKey().getKeyID());
		String token = TestTokens.forUser(newUid("impostor")).signedWith(impostor).sign();

		assertRejected(api.get("/me").token(token).send(), "invalid_signature");
	}

	@Test
	void meWithAlgNoneOutsideEmulatorModeReturns401InvalidSignature() {
		String token = new PlainJWT(TestTokens.forUser(newUid("none")).claims()).serialize();

		assertRejected(api.get("/me").token(token).send(), "invalid_signature");
	}

	/**
	 * {@code alg} is compared exactly: {@code none} in another spelling is just another
	 * algorithm that is not RS256, with or without a signature segment.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "NONE", "nOnE", "None", "HS256", "RS384", "" })
	void meWithAnotherAlgorithmInAnySpellingReturns401InvalidSignature(String algorithm) {
		String claims = TestTokens.forUser(newUid("alg")).claims().toString();
		String header = base64Url("{\"alg\":\"" + algorithm + "\",\"kid\":\"" + TestJwks.get().primaryKey().getKeyID()
				+ "\",\"typ\":\"JWT\"}");
		String unsigned = header + "." + base64Url(claims) + ".";
		String signed = unsigned + base64Url("not-a-signature");

		assertRejected(api.get("/me").token(unsigned).send(), "invalid_signature");
		assertRejected(api.get("/me").token(signed).send(), "invalid_signature");
	}

	@Test
	void meWithRs256AndAnEmptySignatureSegmentReturns401InvalidSignature() {
		String[] parts = TestTokens.valid(newUid("no-signature")).split("\\.");

		assertRejected(api.get("/me").token(parts[0] + "." + parts[1] + ".").send(), "invalid_signature");
	}

	@Test
	void meWithAHeaderThatIsNotJsonReturns401InvalidToken() {
		String[] parts = TestTokens.valid(newUid("bad-header")).split("\\.");

		assertRejected(api.get("/me").token(base64Url("not json") + "." + parts[1] + ".").send(), "invalid_token");
	}

	@Test
	void meWithNotBeforeInTheFuturePastTheSkewReturns401InvalidToken() {
		String token = TestTokens.forUser(newUid("nbf-future"))
			.claim("nbf", Instant.now().plusSeconds(120).getEpochSecond())
			.sign();

		assertRejected(api.get("/me").token(token).send(), "invalid_token");
	}

	@Test
	void meWithNotBeforeInThePastOrWithinTheSkewReturns200() {
		String past = TestTokens.forUser(newUid("nbf-past"))
			.claim("nbf", Instant.now().minusSeconds(60).getEpochSecond())
			.sign();
		String withinSkew = TestTokens.forUser(newUid("nbf-skew"))
			.claim("nbf", Instant.now().plusSeconds(30).getEpochSecond())
			.sign();

		assertThat(api.get("/me").token(past).send().status()).isEqualTo(200);
		assertThat(api.get("/me").token(withinSkew).send().status()).isEqualTo(200);
	}

	/**
	 * Firebase's rule for {@code iat} is only that it is in the past: a signed token with
	 * an issue time long ago (here one second before 1970) is accepted while it has not
	 * expired.
	 */
	@Test
	void meWithIssuedAtLongInThePastReturns200() {
		String token = TestTokens.forUser(newUid("iat-ancient")).issuedAt(Instant.ofEpochSecond(-1)).sign();

		assertThat(api.get("/me").token(token).send().status()).isEqualTo(200);
	}

	private static String base64Url(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void meWithHs256SignedWithThePublicKeyReturns401InvalidSignature() throws Exception {
		RSAKey publicKey = TestJwks.get().primaryKey().toPublicJWK();
		byte[] secret = publicKey.toRSAPublicKey().getEncoded();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
				TestTokens.forUser(newUid("hs256")).claims());
		forged.sign(new MACSigner(secret));

		assertRejected(api.get("/me").token(forged.serialize()).send(), "invalid_signature");
	}

	@Test
	void meWithTamperedPayloadReturns401InvalidSignature() {
		String[] parts = TestTokens.valid(newUid("victim")).split("\\.");
		String forgedPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(TestTokens.forUser("attacker").claims().toString().getBytes(StandardCharsets.UTF_8));
		String tampered = parts[0] + "." + forgedPayload + "." + parts[2];

		assertRejected(api.get("/me").token(tampered).send(), "invalid_signature");
	}

	@Test
	void devTokenFromLocalIssuerWorksOnMe() {
		String uid = newUid("local-dev");
		ApiResponse issued = api.post("/dev/tokens").json("{\"uid\": \"" + uid + "\", \"name\": \"Alice\"}").send();

		assertThat(issued.status()).isEqualTo(201);
		String token = issued.data().path("id_token").asString();
		ApiResponse me = api.get("/me").token(token).send();

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.data().path("user_id").asString()).isEqualTo(uid);
		assertThat(me.data().path("display_name").asString()).isEqualTo("Alice");
	}

	@Test
	void devTokensWithoutUidReturns400NamingTheField() {
		ApiResponse response = api.post("/dev/tokens").json("{\"name\": \"Alice\"}").send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
		assertThat(response.error().path("details").path("field").asString()).isEqualTo("uid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "number", "boolean", "object", "array" })
	void meWithNonStringSubjectReturns401InvalidTokenAndCreatesNoUser(String kind) {
		Object subject = switch (kind) {
			case "number" -> 12345;
			case "boolean" -> true;
			case "object" -> java.util.Map.of("id", "x");
			default -> java.util.List.of("a");
		};
		long usersBefore = jdbc.sql("SELECT count(*) FROM app_users").query(Long.class).single();

		assertRejected(api.get("/me").token(TestTokens.forUser("ignored").claim("sub", subject).sign()).send(),
				"invalid_token");
		assertThat(userRows("12345")).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM app_users").query(Long.class).single()).isEqualTo(usersBefore);
	}

	@ParameterizedTest
	@ValueSource(strings = { "number", "boolean", "object", "array" })
	void meWithNonStringNameClaimLeavesDisplayNameNull(String kind) {
		Object name = switch (kind) {
			case "number" -> 42;
			case "boolean" -> false;
			case "object" -> java.util.Map.of("first", "Obj");
			default -> java.util.List.of("A", "B");
		};
		String token = TestTokens.forUser(newUid("named")).claim("name", name).sign();

		ApiResponse me = api.get("/me").token(token).send();

		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.data().path("display_name").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "scope", "scp" })
	void meWithOddScopeClaimsIsServedNormally(String claim) {
		for (Object value : java.util.List.of(java.util.List.of(1, 2), java.util.List.of(java.util.Map.of()), 7,
				java.util.Map.of("a", 1))) {
			String token = TestTokens.forUser(newUid("scoped")).claim(claim, value).sign();

			assertThat(api.get("/me").token(token).send().status()).isEqualTo(200);
		}
	}

	@Test
	void meWithAuthTimeFarOutOfRangeReturns401InvalidToken() {
		String token = TestTokens.forUser(newUid("auth-time")).claim("auth_time", 1e300).sign();

		assertRejected(api.get("/me").token(token).send(), "invalid_token");
	}

	private static void assertRejected(ApiResponse response, String reason) {
		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
		assertThat(response.error().path("details").path("reason").asString()).isEqualTo(reason);
		assertThat(response.error().path("message").asString()).isNotBlank();
		assertThat(response.body().has("meta")).isFalse();
		assertThat(response.header("X-Request-Id")).isNotBlank();
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

}
