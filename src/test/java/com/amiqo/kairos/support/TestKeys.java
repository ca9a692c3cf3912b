package com.amiqo.kairos.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A device identity key pair (ECDH P-256) as a test publishes it: JWK and key id. */
public record TestKeys(KeyPair pair, String x, String y, String keyId) {

	public static TestKeys generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair pair = generator.generateKeyPair();
			ECPublicKey key = (ECPublicKey) pair.getPublic();
			String x = b64url(fixed(key.getW().getAffineX()));
			String y = b64url(fixed(key.getW().getAffineY()));
			return new TestKeys(pair, x, y, thumbprint(x, y));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The public JWK, as WebCrypto exports it (with ext and key_ops, which are ignored).
	 */
	public Map<String, Object> jwk() {
		Map<String, Object> jwk = new LinkedHashMap<>();
		jwk.put("kty", "EC");
		jwk.put("crv", "P-256");
		jwk.put("x", x);
		jwk.put("y", y);
		jwk.put("ext", true);
		jwk.put("key_ops", java.util.List.of());
		return jwk;
	}

	/** The {@code PUT /me/keys/{key_id}} body. */
	public Map<String, Object> body(String label) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("public_key", jwk());
		body.put("label", label);
		return body;
	}

	/** Publishes the key for the user and checks it worked. */
	public TestKeys publish(ApiClient api, TestUser user) {
		ApiClient.ApiResponse response = api.put("/me/keys/" + keyId).token(user.token()).json(body("test")).send();
		if (response.status() != 200) {
			throw new IllegalStateException("publishing a key failed: " + response);
		}
		return this;
	}

	public static String thumbprint(String x, String y) {
		String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
		try {
			return b64url(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public static byte[] fixed(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] out = new byte[32];
		int copy = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
		return out;
	}

	public static String b64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public String toString() {
		return "TestKeys[" + keyId + "]";
	}

}
