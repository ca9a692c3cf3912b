package com.amiqo.kairos.notification;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes through APNs with Pushy (HTTP/2, token auth with a {@code .p8} key): one client
 * per APNs environment, each device going to the host its app build registered with.
 */
class ApnsPushSender implements PushSender<Device>, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ApnsPushSender.class);

	/** APNs' reasons that mean the token will never work again. */
	private static final Set<String> DEAD_TOKEN = Set.of("Unregistered", "BadDeviceToken", "DeviceTokenNotForTopic");

	/**
	 * Provider-token trouble Pushy recovers from by signing a new token; worth a retry.
	 */
	private static final Set<String> TRANSIENT = Set.of("ExpiredProviderToken", "TooManyProviderTokenUpdates",
			"TooManyRequests", "InternalServerError", "ServiceUnavailable", "Shutdown", "IdleTimeout");

	private static final Duration PUSH_LIFETIME = Duration.ofDays(1);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

	private final ApnsClient production;

	private final ApnsClient sandbox;

	private final String topic;

	private final MeterRegistry meters;

	ApnsPushSender(ApnsProperties properties, MeterRegistry meters) throws Exception {
		// Only built when isConfigured(); ApnsProperties then guarantees all four
		// settings and the defaults.
		ApnsSigningKey key = ApnsSigningKey.loadFromPkcs8File(new File(Objects.requireNonNull(properties.keyPath())),
				properties.teamId(), properties.keyId());
		this.production = client(properties, Objects.requireNonNull(properties.productionHost()), key);
		this.sandbox = client(properties, Objects.requireNonNull(properties.sandboxHost()), key);
		this.topic = Objects.requireNonNull(properties.topic());
		this.meters = meters;
	}

	/**
	 * {@code host} may carry its own port ({@code host:port}), else the configured one
	 * applies.
	 */
	private static ApnsClient client(ApnsProperties properties, String host, ApnsSigningKey key) throws Exception {
		int colon = host.lastIndexOf(':');
		String name = colon < 0 ? host : host.substring(0, colon);
		int port = colon < 0 ? Objects.requireNonNull(properties.port()) : Integer.parseInt(host.substring(colon + 1));
		ApnsClientBuilder builder = new ApnsClientBuilder().setApnsServer(name, port).setSigningKey(key);
		if (properties.trustedCertificate() != null) {
			builder.setTrustedServerCertificateChain(new File(properties.trustedCertificate()));
		}
		return builder.build();
	}

	@Override
	public CompletableFuture<PushResult> send(Push push, Device device) {
		SimpleApnsPushNotification notification = new SimpleApnsPushNotification(device.token(), topic,
				ApnsPayloads.of(push), Instant.now().plus(PUSH_LIFETIME),
				push.kind().isSilent() ? DeliveryPriority.CONSERVE_POWER : DeliveryPriority.IMMEDIATE,
				push.kind().isSilent() ? PushType.BACKGROUND : PushType.ALERT, push.collapseId());
		ApnsClient client = device.isSandbox() ? sandbox : production;
		return client.sendNotification(notification)
			.handle((response, failure) -> failure != null ? transportFailure(failure) : outcome(response));
	}

	private PushResult outcome(PushNotificationResponse<SimpleApnsPushNotification> response) {
		String reason = response.isAccepted() ? "success" : response.getRejectionReason().orElse("unknown");
		meters.counter("kairos.apns.responses", "status", Integer.toString(response.getStatusCode()), "reason", reason)
			.increment();
		if (response.isAccepted()) {
			return PushResult.delivered();
		}
		if (DEAD_TOKEN.contains(reason)) {
			return new PushResult(PushResult.Outcome.UNREGISTERED, reason);
		}
		if (response.getStatusCode() == 429 || response.getStatusCode() >= 500 || TRANSIENT.contains(reason)) {
			return PushResult.retry(reason);
		}
		log.warn("APNs refused a push for good: {} ({})", reason, response.getStatusCode());
		return new PushResult(PushResult.Outcome.REJECTED, reason);
	}

	private PushResult transportFailure(Throwable failure) {
		meters.counter("kairos.apns.responses", "status", "none", "reason", "transport").increment();
		log.warn("APNs unreachable: {}", failure.getClass().getSimpleName());
		return PushResult.retry("transport");
	}

	/**
	 * Closes both connections. The dispatch loop has stopped by then, so nothing is in
	 * flight and closing is quick; the wait is bounded so it never holds up shutdown.
	 */
	@Override
	public void close() {
		try {
			CompletableFuture.allOf(production.close(), sandbox.close())
				.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException e) {
			log.warn("APNs connections did not close cleanly: {}", e.getClass().getSimpleName());
		}
	}

}
