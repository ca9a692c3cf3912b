package com.amiqo.kairos.notification;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Properties;

/**
 * The application server's VAPID key pair (RFC 8292): browsers subscribe with the public
 * key, push services check the JWT signed with the private one. Production takes it from
 * configuration, the same on every instance; a local run generates one on first start and
 * keeps it in a file beside the embedded database's data, so browsers' subscriptions
 * survive restarts.
 */
record VapidKeys(ECPublicKey publicKey, ECPrivateKey privateKey) {

	/**
	 * The application server key as browsers take it: base64url of the uncompressed
	 * point.
	 */
	String publicKeyBase64Url() {
		return P256.base64Url(P256.encode(publicKey));
	}

	/**
	 * From the configured base64url values; refuses a pair whose halves do not belong
	 * together.
	 */
	static VapidKeys of(String publicKey, String privateKey) {
		byte[] publicBytes = P256.fromBase64Url(publicKey.strip());
		byte[] privateBytes = P256.fromBase64Url(privateKey.strip());
		if (publicBytes == null || !P256.isPublicKey(publicBytes)) {
			throw new IllegalArgumentException(
					"WEB_PUSH_VAPID_PUBLIC_KEY must be a base64url uncompressed P-256 public key (65 bytes)");
		}
		if (privateBytes == null || privateBytes.length != 32) {
			throw new IllegalArgumentException(
					"WEB_PUSH_VAPID_PRIVATE_KEY must be a base64url P-256 private key (32 bytes)");
		}
		VapidKeys keys = new VapidKeys(P256.publicKey(publicBytes), P256.privateKey(privateBytes));
		if (!keys.belongTogether()) {
			throw new IllegalArgumentException(
					"WEB_PUSH_VAPID_PUBLIC_KEY and WEB_PUSH_VAPID_PRIVATE_KEY are not one key pair");
		}
		return keys;
	}

	static VapidKeys generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(P256.PARAMETERS);
			KeyPair pair = generator.generateKeyPair();
			return new VapidKeys((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The JDK supports P-256 key generation", e);
		}
	}

	/**
	 * The local key pair: read from {@code file}, or generated and written there
	 * (readable by the owner only) when the file does not exist yet.
	 */
	static VapidKeys local(Path file) throws IOException {
		if (Files.exists(file)) {
			Properties stored = new Properties();
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				stored.load(reader);
			}
			return of(stored.getProperty("public_key", ""), stored.getProperty("private_key", ""));
		}
		VapidKeys keys = generate();
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Properties stored = new Properties();
		stored.setProperty("public_key", keys.publicKeyBase64Url());
		stored.setProperty("private_key", P256.base64Url(P256.encode(keys.privateKey())));
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
			stored.store(writer, "Web Push VAPID key pair of this local installation (generated; keep private)");
		}
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException e) {
			// Not a POSIX file system: the file keeps the directory's defaults.
		}
		return keys;
	}

	private boolean belongTogether() {
		try {
			byte[] probe = "vapid".getBytes(StandardCharsets.US_ASCII);
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(privateKey);
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance("SHA256withECDSA");
			verifier.initVerify(publicKey);
			verifier.update(probe);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "VapidKeys[" + publicKeyBase64Url() + ", private key hidden]";
	}

}
