package com.amiqo.kairos.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.amiqo.kairos.secret.Sha256;

/**
 * Pushes to browsers through their push services (RFC 8030): the payload encrypted to the
 * subscription's keys (RFC 8291), a VAPID token per push service origin (RFC 8292), over
 * the JDK's HTTP client with short timeouts and redirects never followed. Every endpoint
 * is checked against the allowlist again right before the post. A {@code 429} or
 * {@code 503} with {@code Retry-After} also holds back further pushes to that origin
 * until the time given, so the whole batch waits instead of hammering the service.
 */
class WebPushSender implements PushSender<WebPushSubscription>, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WebPushSender.class);

	/** How long a push service keeps a message for an offline browser. */
	static final Duration PUSH_LIFETIME = Duration.ofDays(1);

	/** The longest {@code Retry-After} honoured; a longer one is cut to this. */
	static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

	private final WebPushSetup setup;

	private final @Nullable VapidTokens tokens;

	private final HttpClient http;

	private final Duration requestTimeout;

	private final InFlightLimit inFlight;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ConcurrentMap<String, Instant> heldBack = new ConcurrentHashMap<>();

	private final ExecutorService encryption = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
			runnable -> {
				Thread thread = new Thread(runnable, "web-push-encryption");
				thread.setDaemon(true);
				return thread;
			});

	WebPushSender(WebPushSetup setup, WebPushProperties properties, @Nullable SSLContext tls, Clock clock,
			MeterRegistry meters) {
		this.setup = setup;
		VapidKeys keys = setup.keys();
		this.tokens = keys == null ? null : new VapidTokens(keys, setup.subject(), clock);
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_2)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.connectTimeout());
		if (tls != null) {
			builder.sslContext(tls);
		}
		this.http = builder.build();
		this.requestTimeout = properties.requestTimeout();
		this.inFlight = new InFlightLimit(properties.maxConcurrentPushes());
		this.clock = clock;
		this.meters = meters;
	}

	/** Whether Web Push is on (a VAPID key pair is configured or, locally, generated). */
	boolean isEnabled() {
		return tokens != null;
	}

	@Override
	public CompletableFuture<PushResult> send(Push push, WebPushSubscription subscription) {
		VapidTokens vapid = tokens;
		if (vapid == null) {
			return done(PushResult.rejected("web_push_off"));
		}
		String refusal = setup.allowlist().refusal(subscription.endpoint());
		if (refusal != null) {
			log.warn("Web Push endpoint {} is not on the allowlist (any more): not posted to",
					WebPushSubscription.describe(subscription.endpoint()));
			count("refused");
			return done(PushResult.rejected("endpoint_not_allowed"));
		}
		URI endpoint = URI.create(subscription.endpoint());
		String origin = VapidTokens.origin(endpoint);
		Instant until = heldBack.get(origin);
		Instant now = clock.instant();
		if (until != null && now.isBefore(until)) {
			return done(PushResult.retry("held_back", Duration.between(now, until)));
		}
		byte[] plaintext = WebPushPayloads.of(push);
		String authorization = vapid.authorization(endpoint);
		String topic = topic(push);
		// Encrypting (a key pair and an ECDH per message) runs on all cores, not on the
		// dispatcher's thread.
		return CompletableFuture
			.supplyAsync(() -> WebPushEncryption.encrypt(plaintext, decode(subscription.p256dh()),
					decode(subscription.auth())), encryption)
			.thenCompose(body -> inFlight.submit(() -> http.sendAsync(request(endpoint, authorization, topic, body),
					HttpResponse.BodyHandlers.discarding())))
			.handle((response, failure) -> failure != null ? transportFailure(subscription, failure)
					: outcome(subscription, origin, response));
	}

	private HttpRequest request(URI endpoint, String authorization, @Nullable String topic, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.timeout(requestTimeout)
			.header("TTL", Long.toString(PUSH_LIFETIME.toSeconds()))
			.header("Urgency", "normal")
			.header("Content-Encoding", "aes128gcm")
			.header("Content-Type", "application/octet-stream")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (topic != null) {
			request.header("Topic", topic);
		}
		return request.build();
	}

	/** Stops the encryption threads; the dispatch loop has stopped by then. */
	@Override
	public void close() {
		encryption.shutdown();
	}

	private PushResult outcome(WebPushSubscription subscription, String origin, HttpResponse<?> response) {
		int status = response.statusCode();
		count(Integer.toString(status));
		if (status >= 200 && status < 300) {
			return PushResult.delivered();
		}
		if (status == 404 || status == 410) {
			return new PushResult(PushResult.Outcome.UNREGISTERED, "gone_" + status);
		}
		if (status == 429 || status >= 500) {
			Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
			if (retryAfter != null) {
				heldBack.merge(origin, clock.instant().plus(retryAfter), (a, b) -> a.isAfter(b) ? a : b);
			}
			return PushResult.retry("push_service_" + status, retryAfter);
		}
		log.warn("Push service {} refused a push for good: {}", WebPushSubscription.describe(subscription.endpoint()),
				status);
		return PushResult.rejected("push_service_" + status);
	}

	private PushResult transportFailure(WebPushSubscription subscription, Throwable failure) {
		count("none");
		Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
				? failure.getCause() : failure;
		log.warn("Push service {} unreachable: {}", WebPushSubscription.describe(subscription.endpoint()),
				cause.getClass().getSimpleName());
		return PushResult.retry("transport");
	}

	/**
	 * {@code Retry-After} as seconds or an HTTP date, cut to {@link #MAX_RETRY_AFTER};
	 * null when absent or unreadable.
	 */
	@Nullable Duration retryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Duration wait;
		try {
			wait = Duration.ofSeconds(Long.parseLong(value.strip()));
		}
		catch (NumberFormatException e) {
			try {
				wait = Duration.between(clock.instant(),
						ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
		if (wait.isNegative()) {
			return Duration.ZERO;
		}
		return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
	}

	/**
	 * A newer push of the same kind about the same negotiation replaces one the push
	 * service still holds ({@code Topic}: at most 32 base64url characters, so a hash).
	 */
	static @Nullable String topic(Push push) {
		String collapse = push.collapseId();
		return collapse == null ? null
				: Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(collapse)).substring(0, 32);
	}

	private static byte[] decode(String base64Url) {
		return Base64.getUrlDecoder().decode(base64Url);
	}

	private void count(String status) {
		meters.counter("kairos.webpush.responses", "status", status).increment();
	}

	private static CompletableFuture<PushResult> done(PushResult result) {
		return CompletableFuture.completedFuture(result);
	}

}
