package com.amiqo.kairos.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.auth.AuthenticationToken;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.MockApnsServerListener;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.UnregisteredDeviceTokenException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;

/**
 * Two of Pushy's mock APNs servers (real HTTP/2 over TLS), one standing for production
 * and one for the sandbox. They check the provider token's signature and the topic like
 * APNs does, record what they accept, and answer per device token as a test scripts it:
 * {@code 410 Unregistered}, or a {@code 429}/{@code 500} a given number of times before
 * accepting.
 */
public final class MockApns {

	public static final String TEAM_ID = "TEAM000001";

	public static final String KEY_ID = "TEST000001";

	public static final String TOPIC = "com.amiqo.kairos";

	private static MockApns instance;

	/** A push the server accepted. */
	public record Received(String environment, String deviceToken, Map<String, String> headers, String payload) {
	}

	final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, RejectionReason> failing = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	private final java.util.Set<String> unregistered = ConcurrentHashMap.newKeySet();

	private final java.util.Set<String> verifiedTokens = ConcurrentHashMap.newKeySet();

	private final int productionPort;

	private final int sandboxPort;

	private final Path keyFile;

	private final Path caFile;

	private MockApns() throws Exception {
		keyFile = copy("AuthKey_TEST000001.p8");
		caFile = copy("ca.pem");
		ApnsVerificationKey verificationKey = verificationKey();
		productionPort = start("production", verificationKey);
		sandboxPort = start("sandbox", verificationKey);
	}

	public static synchronized MockApns get() {
		if (instance == null) {
			try {
				instance = new MockApns();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
		return instance;
	}

	public int productionPort() {
		return productionPort;
	}

	public int sandboxPort() {
		return sandboxPort;
	}

	public String keyPath() {
		return keyFile.toString();
	}

	public String caPath() {
		return caFile.toString();
	}

	public void unregister(String deviceToken) {
		unregistered.add(deviceToken);
	}

	/**
	 * Refuses the next {@code times} pushes to this token with {@code reason}, then
	 * accepts.
	 */
	public void failThenAccept(String deviceToken, RejectionReason reason, int times) {
		failing.put(deviceToken, reason);
		failuresLeft.put(deviceToken, new AtomicInteger(times));
	}

	public List<Received> receivedBy(String deviceToken) {
		return received.stream().filter(push -> push.deviceToken().equals(deviceToken)).toList();
	}

	private int start(String environment, ApnsVerificationKey key) throws Exception {
		MockApnsServer server = new MockApnsServerBuilder()
			.setServerCredentials(resource("server.pem"), resource("server-key.pem"), null)
			.setHandlerFactory(session -> (headers, payload) -> handle(headers, key))
			.setListener(new MockApnsServerListener() {
				@Override
				public void handlePushNotificationAccepted(Http2Headers headers, ByteBuf payload) {
					received.add(new Received(environment, token(headers), headerMap(headers),
							payload == null ? "" : payload.toString(StandardCharsets.UTF_8)));
				}

				@Override
				public void handlePushNotificationRejected(Http2Headers headers, ByteBuf payload,
						RejectionReason reason, java.time.Instant timestamp) {
				}
			})
			.build();
		return (Integer) server.start(0).get(30, TimeUnit.SECONDS);
	}

	private void handle(Http2Headers headers, ApnsVerificationKey key) throws RejectedNotificationException {
		CharSequence authorization = headers.get("authorization");
		if (authorization == null || !authorization.toString().startsWith("bearer ")) {
			throw new RejectedNotificationException(RejectionReason.MISSING_PROVIDER_TOKEN);
		}
		// Like APNs, verify a provider token once and trust it while the client keeps
		// reusing it.
		String jwt = authorization.toString().substring("bearer ".length());
		if (!verifiedTokens.contains(jwt)) {
			if (!new AuthenticationToken(jwt).verifySignature(key)) {
				throw new RejectedNotificationException(RejectionReason.INVALID_PROVIDER_TOKEN);
			}
			verifiedTokens.add(jwt);
		}
		CharSequence topic = headers.get("apns-topic");
		if (topic == null || !TOPIC.contentEquals(topic)) {
			throw new RejectedNotificationException(RejectionReason.BAD_TOPIC);
		}
		String deviceToken = token(headers);
		if (unregistered.contains(deviceToken)) {
			throw new UnregisteredDeviceTokenException(java.time.Instant.now());
		}
		AtomicInteger left = failuresLeft.get(deviceToken);
		if (left != null && left.getAndDecrement() > 0) {
			throw new RejectedNotificationException(failing.get(deviceToken));
		}
	}

	private static String token(Http2Headers headers) {
		String path = headers.path().toString();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static Map<String, String> headerMap(Http2Headers headers) {
		Map<String, String> map = new java.util.HashMap<>();
		headers.forEach(header -> map.put(header.getKey().toString(), header.getValue().toString()));
		return map;
	}

	/** The public half of the test key, as APNs holds it for the key id. */
	private static ApnsVerificationKey verificationKey() throws Exception {
		try (InputStream in = resource("AuthKey_TEST000001.pub.pem")) {
			return ApnsVerificationKey.loadFromInputStream(in, TEAM_ID, KEY_ID);
		}
	}

	private static InputStream resource(String name) {
		return MockApns.class.getResourceAsStream("/apns/" + name);
	}

	private static Path copy(String name) throws Exception {
		Path file = Files.createTempFile("kairos-apns-", "-" + name);
		file.toFile().deleteOnExit();
		try (InputStream in = resource(name)) {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		return file;
	}

}
