package com.amiqo.kairos.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The push stub's TLS: a server context with the tests' {@code localhost} certificate
 * (the same one the APNs stub uses), and its CA copied to a file for the test-only trust
 * setting of the service under test.
 */
final class MockPushTls {

	private MockPushTls() {
	}

	static SSLContext serverContext() throws Exception {
		CertificateFactory certificates = CertificateFactory.getInstance("X.509");
		Certificate[] chain;
		try (InputStream in = resource("server.pem")) {
			chain = certificates.generateCertificates(in).toArray(Certificate[]::new);
		}
		String pem;
		try (InputStream in = resource("server-key.pem")) {
			pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		byte[] der = Base64.getMimeDecoder()
			.decode(pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""));
		PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("server", key, new char[0], chain);
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, new char[0]);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}

	private static InputStream resource(String name) {
		return MockPushTls.class.getResourceAsStream("/apns/" + name);
	}

	static Path copy(String name) throws IOException {
		Path file = Files.createTempFile("kairos-push-", "-" + name);
		file.toFile().deleteOnExit();
		try (InputStream in = resource(name)) {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		return file;
	}

}
