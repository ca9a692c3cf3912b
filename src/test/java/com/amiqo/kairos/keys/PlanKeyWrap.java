package com.amiqo.kairos.keys;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The plan-key wrapping of docs/encryption.md, written independently of the web client
 * with only the JDK: {@code KeyAgreement "ECDH"}, HKDF-SHA-256 (RFC 5869) built from
 * {@code HmacSHA256}, and {@code AES/GCM/NoPadding}. The server never runs this; tests
 * use it to check the documented vectors and to read what the browser wrapped.
 */
final class PlanKeyWrap {

	static final int VERSION = 1;

	static final byte[] SALT = "kairos-plan-key-wrap".getBytes(StandardCharsets.US_ASCII);

	private PlanKeyWrap() {
	}

	/** The wrapped_key bytes: version, ephemeral point, nonce, ciphertext and tag. */
	static byte[] wrap(byte[] planKey, String negotiationId, PrivateKey ephemeralPrivate, ECPublicKey ephemeralPublic,
			ECPublicKey recipient, byte[] nonce) throws GeneralSecurityException {
		byte[] ephemeralPoint = uncompressed(ephemeralPublic);
		byte[] key = derive(ephemeralPrivate, recipient, negotiationId, thumbprint(ephemeralPublic),
				thumbprint(recipient));
		byte[] header = header(ephemeralPoint);
		Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
		aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
		aes.updateAAD(header);
		byte[] sealed = aes.doFinal(planKey);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(header);
		out.writeBytes(nonce);
		out.writeBytes(sealed);
		return out.toByteArray();
	}

	/** The plan key inside a wrapped_key, for the recipient's private key. */
	static byte[] unwrap(byte[] wrapped, String negotiationId, PrivateKey recipientPrivate, ECPublicKey recipient)
			throws GeneralSecurityException {
		if (wrapped.length != 126 || wrapped[0] != VERSION) {
			throw new GeneralSecurityException("not a version 1 wrapped key");
		}
		byte[] ephemeralPoint = Arrays.copyOfRange(wrapped, 1, 66);
		ECPublicKey ephemeral = publicKey(Arrays.copyOfRange(ephemeralPoint, 1, 33),
				Arrays.copyOfRange(ephemeralPoint, 33, 65));
		byte[] key = derive(recipientPrivate, ephemeral, negotiationId, thumbprint(ephemeral), thumbprint(recipient));
		Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
		aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
				new GCMParameterSpec(128, Arrays.copyOfRange(wrapped, 66, 78)));
		aes.updateAAD(Arrays.copyOfRange(wrapped, 0, 66));
		return aes.doFinal(wrapped, 78, wrapped.length - 78);
	}

	/** HKDF-SHA-256 of the ECDH shared secret, 32 bytes: the AES-256-GCM key. */
	static byte[] derive(PrivateKey own, PublicKey other, String negotiationId, String ephemeralKeyId,
			String recipientKeyId) throws GeneralSecurityException {
		KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
		ecdh.init(own);
		ecdh.doPhase(other, true);
		byte[] shared = ecdh.generateSecret();
		return hkdf(shared, SALT, info(negotiationId, ephemeralKeyId, recipientKeyId), 32);
	}

	static byte[] info(String negotiationId, String ephemeralKeyId, String recipientKeyId) {
		return ("kairos-plan-key-v1|" + negotiationId + "|" + ephemeralKeyId + "|" + recipientKeyId)
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** RFC 5869: extract with the salt, then expand with the info. */
	static byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info, int length) throws GeneralSecurityException {
		Mac hmac = Mac.getInstance("HmacSHA256");
		hmac.init(new SecretKeySpec(salt, "HmacSHA256"));
		byte[] prk = hmac.doFinal(inputKey);
		hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
		ByteArrayOutputStream okm = new ByteArrayOutputStream();
		byte[] block = new byte[0];
		for (int i = 1; okm.size() < length; i++) {
			hmac.update(block);
			hmac.update(info);
			hmac.update((byte) i);
			block = hmac.doFinal();
			okm.writeBytes(block);
		}
		return Arrays.copyOf(okm.toByteArray(), length);
	}

	static byte[] header(byte[] ephemeralPoint) {
		byte[] header = new byte[1 + ephemeralPoint.length];
		header[0] = VERSION;
		System.arraycopy(ephemeralPoint, 0, header, 1, ephemeralPoint.length);
		return header;
	}

	/** 0x04 ‖ X ‖ Y, each coordinate 32 bytes big-endian (SEC 1 uncompressed). */
	static byte[] uncompressed(ECPublicKey key) {
		byte[] point = new byte[65];
		point[0] = 4;
		System.arraycopy(fixed(key.getW().getAffineX()), 0, point, 1, 32);
		System.arraycopy(fixed(key.getW().getAffineY()), 0, point, 33, 32);
		return point;
	}

	/** RFC 7638 thumbprint of the key's JWK. */
	static String thumbprint(ECPublicKey key) throws GeneralSecurityException {
		String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + b64url(fixed(key.getW().getAffineX()))
				+ "\",\"y\":\"" + b64url(fixed(key.getW().getAffineY())) + "\"}";
		return b64url(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII)));
	}

	static ECPublicKey publicKey(byte[] x, byte[] y) throws GeneralSecurityException {
		return (ECPublicKey) KeyFactory.getInstance("EC")
			.generatePublic(new ECPublicKeySpec(new ECPoint(new BigInteger(1, x), new BigInteger(1, y)), p256()));
	}

	static PrivateKey privateKey(byte[] d) throws GeneralSecurityException {
		return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), p256()));
	}

	static ECParameterSpec p256() throws GeneralSecurityException {
		AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
		parameters.init(new ECGenParameterSpec("secp256r1"));
		return parameters.getParameterSpec(ECParameterSpec.class);
	}

	static byte[] fixed(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] out = new byte[32];
		int copy = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
		return out;
	}

	static String b64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] fromB64url(String text) {
		return Base64.getUrlDecoder().decode(text);
	}

}
