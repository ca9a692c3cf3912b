package com.amiqo.kairos.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A push service on {@code https://localhost:<port>} (a real HTTPS server with the tests'
 * {@code localhost} certificate, which the service under test trusts through a test-only
 * setting). For every POST it checks what a real push service checks — the VAPID JWT's
 * ES256 signature against the key in the header, that key being the server's, the
 * {@code aud}, {@code exp} and {@code sub} claims, the {@code aes128gcm} coding and a TTL
 * — and then does what only the browser can: decrypts the payload with the subscription's
 * private key (RFC 8291, written out here independently of the code under test). It
 * answers per subscription as a test scripts it: {@code 410 Gone}, or a status (with an
 * optional {@code Retry-After}) a given number of times before accepting. The browser's
 * cryptography is {@link BrowserPushCrypto}, the server's TLS setup {@link MockPushTls}.
 */
public final class MockPushService {

	/**
	 * The VAPID key pair the test contexts configure (base64url, as the variables take
	 * it).
	 */
	public static final String VAPID_PUBLIC_KEY = "BNCipltonaG8TeH8nINLrXeuzbaxrD3bCGZidIp7u8DTQIA1HzjrpENAifeQtJcLylrRDxkdCN2NdhDnvTx7nxY";

	public static final String VAPID_PRIVATE_KEY = "BU-1gK9xK5f1baMWcSwfLHf9jHgj1vb3IHjxlpiCrlI";

	public static final String VAPID_SUBJECT = "mailto:push-tests@example.com";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static MockPushService instance;

	/** A browser's subscription as a test holds it: the private key stays here. */
	public record Subscriber(String id, String endpoint, String p256dh, String auth, ECPrivateKey privateKey) {

		/** The body of {@code PUT /me/web-push-subscriptions}. */
		public Map<String, Object> json() {
			return Map.of("endpoint", endpoint, "keys", Map.of("p256dh", p256dh, "auth", auth));
		}

	}

	/** A push the stub accepted and decrypted; header names in lower case. */
	public record Received(String subscriberId, Map<String, String> headers, JsonNode payload, JWTClaimsSet vapid) {
	}

	private record Script(int status, AtomicInteger left, String retryAfter) {
	}

	private final HttpsServer server;

	private final Path caFile;

	private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();

	private final Map<String, Script> scripts = new ConcurrentHashMap<>();

	private final java.util.Set<String> gone = ConcurrentHashMap.newKeySet();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final List<String> problems = new CopyOnWriteArrayList<>();

	private final AtomicLong accepted = new AtomicLong();

	private volatile boolean verifying = true;

	private MockPushService() throws Exception {
		caFile = MockPushTls.copy("ca.pem");
		server = HttpsServer.create(new InetSocketAddress("localhost", 0), 256);
		server.setHttpsConfigurator(new HttpsConfigurator(MockPushTls.serverContext()));
		server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
			Thread thread = new Thread(runnable, "mock-push-service");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/push/", this::handle);
		server.start();
	}

	public static synchronized MockPushService get() {
		if (instance == null) {
			try {
				instance = new MockPushService();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
		return instance;
	}

	/** The allowlist entry for this stub. */
	public String host() {
		return "localhost:" + server.getAddress().getPort();
	}

	public String origin() {
		return "https://" + host();
	}

	/** The CA that signed the stub's certificate, for the test-only trust setting. */
	public String caPath() {
		return caFile.toString();
	}

	/**
	 * A new browser subscription on this push service (fresh P-256 key pair and auth
	 * secret).
	 */
	public Subscriber subscriber() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
			KeyPair pair = generator.generateKeyPair();
			byte[] auth = new byte[16];
			new SecureRandom().nextBytes(auth);
			String id = UUID.randomUUID().toString();
			Subscriber subscriber = new Subscriber(id, origin() + "/push/" + id,
					BrowserPushCrypto.base64Url(BrowserPushCrypto.uncompressed((ECPublicKey) pair.getPublic())),
					BrowserPushCrypto.base64Url(auth), (ECPrivateKey) pair.getPrivate());
			subscribers.put(id, subscriber);
			return subscriber;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public List<Received> receivedBy(Subscriber subscriber) {
		return received.stream().filter(push -> push.subscriberId().equals(subscriber.id())).toList();
	}

	/**
	 * What failed a check so far (a real push service would have refused those pushes).
	 */
	public List<String> problems() {
		return List.copyOf(problems);
	}

	/** Pushes accepted since the start, checked or not. */
	public long accepted() {
		return accepted.get();
	}

	/**
	 * Whether each push is checked and decrypted (the benchmark turns it off to measure
	 * the sender).
	 */
	public void verifying(boolean verify) {
		this.verifying = verify;
	}

	/** From now on this subscription is {@code 410 Gone}. */
	public void gone(Subscriber subscriber) {
		gone.add(subscriber.id());
	}

	/**
	 * Answers {@code status} (with {@code Retry-After} when not null) {@code times}
	 * times, then accepts.
	 */
	public void failThenAccept(Subscriber subscriber, int status, int times, String retryAfter) {
		scripts.put(subscriber.id(), new Script(status, new AtomicInteger(times), retryAfter));
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String id = exchange.getRequestURI().getPath().substring("/push/".length());
			Subscriber subscriber = subscribers.get(id);
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			if (subscriber == null || gone.contains(id)) {
				exchange.sendResponseHeaders(subscriber == null ? 404 : 410, -1);
				return;
			}
			Script script = scripts.get(id);
			if (script != null && script.left().getAndDecrement() > 0) {
				if (script.retryAfter() != null) {
					exchange.getResponseHeaders().add("Retry-After", script.retryAfter());
				}
				exchange.sendResponseHeaders(script.status(), -1);
				return;
			}
			if (verifying) {
				Map<String, String> headers = new TreeMap<>();
				exchange.getRequestHeaders()
					.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
				try {
					JWTClaimsSet claims = checkVapid(headers.get("authorization"));
					BrowserPushCrypto.check("aes128gcm".equals(headers.get("content-encoding")),
							"Content-Encoding is not aes128gcm");
					BrowserPushCrypto.check(headers.containsKey("ttl"), "no TTL header");
					BrowserPushCrypto.check(body.length <= 4096, "body over 4096 bytes");
					JsonNode payload = JSON.readTree(BrowserPushCrypto.decrypt(body, subscriber));
					received.add(new Received(id, Map.copyOf(headers), payload, claims));
				}
				catch (Exception e) {
					problems.add(id + ": " + e.getMessage());
					exchange.sendResponseHeaders(400, -1);
					return;
				}
			}
			accepted.incrementAndGet();
			exchange.getResponseHeaders().add("Location", origin() + "/message/" + UUID.randomUUID());
			exchange.sendResponseHeaders(201, -1);
		}
	}

	/**
	 * RFC 8292: {@code vapid t=<jwt>, k=<key>}, the key the server's, the JWT signed by
	 * it.
	 */
	private JWTClaimsSet checkVapid(String authorization) throws Exception {
		BrowserPushCrypto.check(authorization != null && authorization.startsWith("vapid "), "no vapid Authorization");
		Map<String, String> parameters = new TreeMap<>();
		for (String part : authorization.substring(6).split(",")) {
			String[] pair = part.strip().split("=", 2);
			parameters.put(pair[0], pair.length > 1 ? pair[1] : "");
		}
		BrowserPushCrypto.check(VAPID_PUBLIC_KEY.equals(parameters.get("k")), "k is not the server's VAPID key");
		SignedJWT jwt = SignedJWT.parse(parameters.get("t"));
		BrowserPushCrypto.check("ES256".equals(jwt.getHeader().getAlgorithm().getName()), "JWT not ES256");
		BrowserPushCrypto.check(
				jwt.verify(new ECDSAVerifier(
						BrowserPushCrypto.publicKey(Base64.getUrlDecoder().decode(VAPID_PUBLIC_KEY)))),
				"JWT signature does not verify against k");
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		BrowserPushCrypto.check(claims.getAudience().equals(List.of(origin())), "aud is not the endpoint's origin");
		Instant expiry = claims.getExpirationTime().toInstant();
		BrowserPushCrypto.check(expiry.isAfter(Instant.now()) && expiry.isBefore(Instant.now().plusSeconds(24 * 3600)),
				"exp not within 24 hours");
		BrowserPushCrypto.check(
				claims.getSubject() != null
						&& (claims.getSubject().startsWith("mailto:") || claims.getSubject().startsWith("https://")),
				"sub not a mailto: or https: contact");
		return claims;
	}

}
