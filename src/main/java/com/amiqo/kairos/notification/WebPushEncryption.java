package com.amiqo.kairos.notification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Web Push message encryption (RFC 8291) in the {@code aes128gcm} content coding (RFC
 * 8188), on the JDK's ECDH, HMAC-SHA-256 and AES-GCM: a fresh P-256 key pair and salt per
 * message, the browser's public key and auth secret mixed in through HKDF, the whole
 * payload in one record. Only the browser that holds the subscription's private key can
 * read it; the push service sees ciphertext.
 */
final class WebPushEncryption {

	/** The largest body push services must accept (RFC 8030 §7.2). */
	static final int MAX_BODY_BYTES = 4096;

	/** Salt, record size, key id length, the sender's public key. */
	static final int HEADER_BYTES = 16 + 4 + 1 + P256.PUBLIC_KEY_BYTES;

	/** The largest plaintext that fits one record within {@link #MAX_BODY_BYTES}. */
	static final int MAX_PLAINTEXT_BYTES = MAX_BODY_BYTES - HEADER_BYTES - 16 - 1;

	private static final byte[] WEB_PUSH_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebPushEncryption() {
	}

	/** Encrypts for a subscription with a fresh sender key pair and salt. */
	static byte[] encrypt(byte[] plaintext, byte[] browserPublicKey, byte[] authSecret) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(P256.PARAMETERS, RANDOM);
			return encrypt(plaintext, browserPublicKey, authSecret, salt, generator.generateKeyPair());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The JDK supports P-256 key generation", e);
		}
	}

	/**
	 * Encrypts with the given salt and sender key pair: the deterministic core, which the
	 * RFC's worked example pins down byte for byte.
	 */
	static byte[] encrypt(byte[] plaintext, byte[] browserPublicKey, byte[] authSecret, byte[] salt, KeyPair sender) {
		if (plaintext.length > MAX_PLAINTEXT_BYTES) {
			throw new IllegalArgumentException("payload over " + MAX_PLAINTEXT_BYTES + " bytes");
		}
		try {
			byte[] senderPublic = P256.encode((ECPublicKey) sender.getPublic());
			KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
			ecdh.init(sender.getPrivate());
			ecdh.doPhase(P256.publicKey(browserPublicKey), true);
			byte[] sharedSecret = ecdh.generateSecret();
			byte[] keyInfo = concat(WEB_PUSH_INFO, browserPublicKey, senderPublic);
			byte[] ikm = hkdf(authSecret, sharedSecret, keyInfo, 32);
			byte[] prk = hmac(salt, ikm);
			byte[] cek = expand(prk, CEK_INFO, 16);
			byte[] nonce = expand(prk, NONCE_INFO, 12);
			Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
			aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
			// The last (here: only) record ends with the padding delimiter 0x02.
			byte[] ciphertext = aes.doFinal(concat(plaintext, new byte[] { 2 }));
			return ByteBuffer.allocate(HEADER_BYTES + ciphertext.length)
				.put(salt)
				.putInt(MAX_BODY_BYTES)
				.put((byte) senderPublic.length)
				.put(senderPublic)
				.put(ciphertext)
				.array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Web Push encryption failed", e);
		}
	}

	/** HKDF-SHA-256 (RFC 5869) for outputs of at most 32 bytes. */
	static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
		return expand(hmac(salt, ikm), info, length);
	}

	private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
		byte[] block = hmac(prk, concat(info, new byte[] { 1 }));
		return java.util.Arrays.copyOf(block, length);
	}

	private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		ByteBuffer buffer = ByteBuffer.allocate(length);
		for (byte[] part : parts) {
			buffer.put(part);
		}
		return buffer.array();
	}

}
