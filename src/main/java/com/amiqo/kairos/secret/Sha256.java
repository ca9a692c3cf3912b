package com.amiqo.kairos.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256, the one way the service gets a digest: cloned from one prototype, because
 * {@code MessageDigest.getInstance} walks the security providers on every call, and reads
 * and list pages hash on every request (token hashes, cursor scopes).
 */
public final class Sha256 {

	private static final MessageDigest PROTOTYPE;

	static {
		try {
			PROTOTYPE = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
		}
	}

	private Sha256() {
	}

	/** A fresh digest, for hashing in parts. */
	public static MessageDigest newDigest() {
		try {
			return (MessageDigest) PROTOTYPE.clone();
		}
		catch (CloneNotSupportedException e) {
			throw new IllegalStateException("The JDK's SHA-256 can be cloned", e);
		}
	}

	/** The digest of the text's UTF-8 bytes. */
	public static byte[] of(String text) {
		return newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
	}

}
