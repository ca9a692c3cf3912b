package com.amiqo.kairos.notification;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.util.Arrays;
import java.util.Base64;

/**
 * P-256 keys in the forms Web Push uses: public keys as the 65-byte uncompressed point
 * ({@code 0x04 || x || y}, what browsers give as {@code p256dh} and take as the
 * application server key) and private keys as the 32-byte scalar; both base64url on the
 * wire. Points are checked to lie on the curve before the JDK sees them.
 */
final class P256 {

	static final int PUBLIC_KEY_BYTES = 65;

	static final ECParameterSpec PARAMETERS;

	static {
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			PARAMETERS = parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The JDK supports P-256", e);
		}
	}

	private P256() {
	}

	/**
	 * Whether the bytes are an uncompressed point on the curve (not the point at
	 * infinity).
	 */
	static boolean isPublicKey(byte[] encoded) {
		if (encoded.length != PUBLIC_KEY_BYTES || encoded[0] != 4) {
			return false;
		}
		BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 33));
		BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 33, 65));
		EllipticCurve curve = PARAMETERS.getCurve();
		BigInteger p = ((java.security.spec.ECFieldFp) curve.getField()).getP();
		if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
			return false;
		}
		BigInteger left = y.multiply(y).mod(p);
		BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
		return left.equals(right);
	}

	static ECPublicKey publicKey(byte[] encoded) {
		if (!isPublicKey(encoded)) {
			throw new IllegalArgumentException("not an uncompressed P-256 point");
		}
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(encoded, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(encoded, 33, 65)));
		try {
			return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, PARAMETERS));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("not a P-256 public key", e);
		}
	}

	static ECPrivateKey privateKey(byte[] scalar) {
		BigInteger s = new BigInteger(1, scalar);
		if (scalar.length != 32 || s.signum() == 0 || s.compareTo(PARAMETERS.getOrder()) >= 0) {
			throw new IllegalArgumentException("not a P-256 private key");
		}
		try {
			return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, PARAMETERS));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("not a P-256 private key", e);
		}
	}

	static byte[] encode(ECPublicKey key) {
		byte[] encoded = new byte[PUBLIC_KEY_BYTES];
		encoded[0] = 4;
		copyUnsigned(key.getW().getAffineX(), encoded, 1);
		copyUnsigned(key.getW().getAffineY(), encoded, 33);
		return encoded;
	}

	static byte[] encode(ECPrivateKey key) {
		byte[] encoded = new byte[32];
		copyUnsigned(key.getS(), encoded, 0);
		return encoded;
	}

	/** Base64url without padding, the form browsers use for these keys. */
	static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Base64url with or without padding; null when the text is not base64url (standard
	 * base64's {@code +} and {@code /} included).
	 */
	static byte @org.jspecify.annotations.Nullable [] fromBase64Url(String text) {
		if (!text.matches("[A-Za-z0-9_-]*={0,2}")) {
			return null;
		}
		try {
			return Base64.getUrlDecoder().decode(text);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static void copyUnsigned(BigInteger value, byte[] target, int offset) {
		byte[] bytes = value.toByteArray();
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, target, offset + 32 - length, length);
	}

}
