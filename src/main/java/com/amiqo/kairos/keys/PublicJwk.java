package com.amiqo.kairos.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.secret.Sha256;

/**
 * An ECDH P-256 public key as a JWK (RFC 7517/7518): only the public members, coordinates
 * as unpadded base64url of exactly 32 bytes, and a point that lies on the curve. Its id
 * is the RFC 7638 thumbprint: base64url SHA-256 of
 * {@code {"crv":"P-256","kty":"EC","x":…,"y":…}} (members in that order, no whitespace).
 */
@Schema(name = "PublicJwk", description = "An ECDH P-256 public key as a JWK; only the public members")
record PublicJwk(@Schema(allowableValues = "EC") String kty, @Schema(allowableValues = "P-256") String crv, String x,
		String y) {

	/** What a request sends: a JWK whose members are checked one by one. */
	@Schema(name = "PublicJwkInput",
			description = "An ECDH P-256 public key as a JWK (kty EC, crv P-256, x, y). Other public members "
					+ "(ext, key_ops) are ignored; a JWK with the private member d is refused.")
	record Input(@Nullable String kty, @Nullable String crv, @Nullable String x, @Nullable String y,
			@Schema(hidden = true) @Nullable Object d) {
	}

	private static final Pattern BASE64URL_32 = Pattern.compile("[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");

	static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final EllipticCurve P256 = p256();

	/**
	 * The key the input describes, or a {@code 400 VALIDATION_ERROR} naming every member
	 * at fault under {@code field}.
	 */
	static PublicJwk of(Input input, String field) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (input.d() != null) {
			problems.put(field + ".d", "must be absent: send only the public key, never the private one");
		}
		if (!"EC".equals(input.kty())) {
			problems.put(field + ".kty", "must be EC");
		}
		if (!"P-256".equals(input.crv())) {
			problems.put(field + ".crv", "must be P-256");
		}
		String x = input.x();
		String y = input.y();
		if (x == null || !BASE64URL_32.matcher(x).matches()) {
			problems.put(field + ".x", "must be 32 bytes as unpadded base64url");
		}
		if (y == null || !BASE64URL_32.matcher(y).matches()) {
			problems.put(field + ".y", "must be 32 bytes as unpadded base64url");
		}
		if (problems.isEmpty() && x != null && y != null && !onCurve(decode(x), decode(y))) {
			problems.put(field, "must be a point on the P-256 curve");
		}
		if (!problems.isEmpty() || x == null || y == null) {
			throw ApiException.invalidFields(problems);
		}
		return new PublicJwk("EC", "P-256", x, y);
	}

	/** The RFC 7638 thumbprint: the key's id. */
	String thumbprint() {
		String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(Sha256.newDigest().digest(canonical.getBytes(StandardCharsets.US_ASCII)));
	}

	private static BigInteger decode(String coordinate) {
		return new BigInteger(1, Base64.getUrlDecoder().decode(coordinate));
	}

	/** y² = x³ + ax + b (mod p), with both coordinates below p. */
	static boolean onCurve(BigInteger x, BigInteger y) {
		BigInteger p = ((ECFieldFp) P256.getField()).getP();
		if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
			return false;
		}
		BigInteger left = y.multiply(y).mod(p);
		BigInteger right = x.pow(3).add(P256.getA().multiply(x)).add(P256.getB()).mod(p);
		return left.equals(right);
	}

	private static EllipticCurve p256() {
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			return parameters.getParameterSpec(ECParameterSpec.class).getCurve();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("P-256 is required of every Java runtime", e);
		}
	}

	@Override
	public String toString() {
		// Keys stay out of log lines, even public ones.
		return "PublicJwk[P-256]";
	}

}
