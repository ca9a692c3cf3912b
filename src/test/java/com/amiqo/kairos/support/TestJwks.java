package com.amiqo.kairos.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Google's Firebase key endpoint: serves a JWK set over real HTTP, counts
 * fetches, and lets a test rotate keys. One instance per test JVM.
 */
public final class TestJwks {

	private static final TestJwks INSTANCE = new TestJwks();

	private final HttpServer server;

	private final AtomicInteger fetches = new AtomicInteger();

	private final RSAKey primaryKey = newKey("test-primary");

	private volatile JWKSet published = new JWKSet(primaryKey.toPublicJWK());

	private TestJwks() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		server.createContext("/jwks", exchange -> {
			fetches.incrementAndGet();
			byte[] body = published.toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
	}

	public static TestJwks get() {
		return INSTANCE;
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
	}

	public RSAKey primaryKey() {
		return primaryKey;
	}

	public int fetchCount() {
		return fetches.get();
	}

	/** Publishes the primary key plus the given ones (public parts only). */
	public void publishAlso(RSAKey... extra) {
		List<JWK> keys = new java.util.ArrayList<>();
		keys.add(primaryKey.toPublicJWK());
		for (RSAKey key : extra) {
			keys.add(key.toPublicJWK());
		}
		published = new JWKSet(keys);
	}

	public static RSAKey newKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

}
