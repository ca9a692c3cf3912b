package com.amiqo.kairos.secret;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Bearer secrets that live in URLs (invite links, calendar feeds): random bytes from
 * {@link SecureRandom} as unpadded base64url, stored only as their SHA-256.
 *
 * <p>
 * Rows are found by the hash through a unique index, so what the database compares is a
 * digest an attacker cannot steer byte by byte; the found row's hash is compared again
 * with {@link MessageDigest#isEqual} (constant time) before it counts as a match.
 */
public final class SecretTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final int bytes;

	private final Pattern shape;

	/** Tokens of {@code bytes} random bytes (at least 16, i.e. 128 bits). */
	public SecretTokens(int bytes) {
		if (bytes < 16) {
			throw new IllegalArgumentException("a bearer secret needs at least 128 bits");
		}
		this.bytes = bytes;
		int length = (bytes * 8 + 5) / 6;
		this.shape = Pattern.compile("[A-Za-z0-9_-]{" + length + "}");
	}

	public String next() {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return ENCODER.encodeToString(random);
	}

	/** Whether the text could be one of these tokens at all (length and alphabet). */
	public boolean isWellFormed(String token) {
		return shape.matcher(token).matches();
	}

	public static byte[] hash(String token) {
		return Sha256.of(token);
	}

	/** Constant-time comparison of a stored hash with the hash of a presented token. */
	public static boolean matches(byte[] storedHash, byte[] presentedHash) {
		return MessageDigest.isEqual(storedHash, presentedHash);
	}

}
