package com.amiqo.kairos.support;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's side of Web Push encryption (RFC 8291 over RFC 8188 {@code aes128gcm}),
 * written out here independently of the code under test, and the P-256 key encodings the
 * push stub and its subscribers use.
 */
public final class BrowserPushCrypto {

	private BrowserPushCrypto() {
	}

	/** The browser's side of RFC 8291 / RFC 8188 ({@code aes128gcm}, one record). */
	public static byte[] decrypt(byte[] body, MockPushService.Subscriber subscriber) throws GeneralSecurityException {
		ByteBuffer buffer = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		buffer.get(salt);
		int recordSize = buffer.getInt();
		byte[] senderKey = new byte[buffer.get() & 0xff];
		buffer.get(senderKey);
		byte[] ciphertext = new byte[buffer.remaining()];
		buffer.get(ciphertext);
		check(recordSize >= 18 && ciphertext.length <= recordSize, "record size");
		byte[] receiverKey = Base64.getUrlDecoder().decode(subscriber.p256dh());
		KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
		ecdh.init(subscriber.privateKey());
		ecdh.doPhase(publicKey(senderKey), true);
		byte[] shared = ecdh.generateSecret();
		byte[] ikm = hmac(hmac(Base64.getUrlDecoder().decode(subscriber.auth()), shared), concat(
				"WebPush: info\0".getBytes(StandardCharsets.US_ASCII), receiverKey, senderKey, new byte[] { 1 }));
		byte[] prk = hmac(salt, ikm);
		byte[] cek = Arrays.copyOf(
				hmac(prk,
						concat("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), new byte[] { 1 })),
				16);
		byte[] nonce = Arrays.copyOf(
				hmac(prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), new byte[] { 1 })),
				12);
		Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
		aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = aes.doFinal(ciphertext);
		int end = padded.length - 1;
		while (end >= 0 && padded[end] == 0) {
			end--;
		}
		check(end >= 0 && padded[end] == 2, "last record does not end with the 0x02 delimiter");
		return Arrays.copyOf(padded, end);
	}

	static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
		check(uncompressed.length == 65 && uncompressed[0] == 4, "not an uncompressed P-256 point");
		java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
		parameters.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC")
			.generatePublic(
					new ECPublicKeySpec(point, parameters.getParameterSpec(java.security.spec.ECParameterSpec.class)));
	}

	static byte[] uncompressed(ECPublicKey key) {
		byte[] out = new byte[65];
		out[0] = 4;
		byte[] x = key.getW().getAffineX().toByteArray();
		byte[] y = key.getW().getAffineY().toByteArray();
		int xl = Math.min(32, x.length);
		int yl = Math.min(32, y.length);
		System.arraycopy(x, x.length - xl, out, 1 + 32 - xl, xl);
		System.arraycopy(y, y.length - yl, out, 33 + 32 - yl, yl);
		return out;
	}

	private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	private static byte[] concat(byte[]... parts) {
		ByteBuffer buffer = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(part -> part.length).sum());
		for (byte[] part : parts) {
			buffer.put(part);
		}
		return buffer.array();
	}

	static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static void check(boolean condition, String problem) throws GeneralSecurityException {
		if (!condition) {
			throw new GeneralSecurityException(problem);
		}
	}

}
