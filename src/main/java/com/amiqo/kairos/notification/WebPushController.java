package com.amiqo.kairos.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.Envelope;
import com.amiqo.kairos.api.error.ApiErrors;
import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.user.AppUser;

/**
 * Web Push for the web client: the application server key browsers subscribe with, and
 * the caller's own subscriptions. A user only ever sees or touches their own.
 */
@Tag(name = "web-push")
@RestController
class WebPushController {

	private final WebPushSetup setup;

	private final PushTargets<WebPushSubscription> subscriptions;

	private final Clock clock;

	WebPushController(WebPushSetup setup, PushTargets<WebPushSubscription> subscriptions, Clock clock) {
		this.setup = setup;
		this.subscriptions = subscriptions;
		this.clock = clock;
	}

	/**
	 * @param publicKey base64url uncompressed P-256 point, for
	 * {@code applicationServerKey}
	 */
	record VapidPublicKey(String publicKey) {
	}

	/**
	 * @param p256dh the browser's P-256 public key, base64url (65 bytes decoded)
	 * @param auth the browser's authentication secret, base64url (16 bytes decoded)
	 */
	@Schema(name = "WebPushSubscriptionKeys")
	record SubscriptionKeys(@NotNull String p256dh, @NotNull String auth) {
	}

	/** What {@code PushSubscription.toJSON()} gives (its other fields are ignored). */
	@Schema(name = "WebPushSubscriptionRequest")
	record SubscribeRequest(@NotNull String endpoint, @NotNull @Valid SubscriptionKeys keys) {
	}

	@Schema(name = "WebPushSubscription")
	record SubscriptionView(String endpoint, Instant createdAt, Instant updatedAt) {
	}

	@Operation(operationId = "getVapidPublicKey",
			summary = "The application server key (VAPID) browsers subscribe to Web Push with")
	@SecurityRequirements
	@ApiErrors(ErrorCode.NOT_FOUND)
	@GetMapping("/web-push/vapid-public-key")
	Envelope<VapidPublicKey> vapidPublicKey() {
		return Envelope.of(new VapidPublicKey(enabledKeys().publicKeyBase64Url()));
	}

	@Operation(operationId = "putWebPushSubscription",
			summary = "Store (or move to the caller) a browser's Web Push subscription")
	@ApiErrors(ErrorCode.NOT_FOUND)
	@PutMapping("/me/web-push-subscriptions")
	Envelope<SubscriptionView> subscribe(AppUser user, @Valid @RequestBody SubscribeRequest request) {
		enabledKeys();
		Map<String, String> problems = new LinkedHashMap<>();
		String refusal = setup.allowlist().refusal(request.endpoint());
		if (refusal != null) {
			problems.put("endpoint", refusal);
		}
		byte[] p256dh = P256.fromBase64Url(request.keys().p256dh());
		if (p256dh == null || !P256.isPublicKey(p256dh)) {
			problems.put("keys.p256dh",
					"must be the browser's P-256 public key: base64url of 65 bytes (an uncompressed point)");
		}
		byte[] auth = P256.fromBase64Url(request.keys().auth());
		if (auth == null || auth.length != 16) {
			problems.put("keys.auth", "must be the browser's authentication secret: base64url of 16 bytes");
		}
		if (!problems.isEmpty() || p256dh == null || auth == null) {
			throw ApiException.invalidFields(problems);
		}
		WebPushSubscription saved = subscriptions.register(user.id(), request.endpoint(), P256.base64Url(p256dh),
				P256.base64Url(auth), clock.instant());
		return Envelope.of(new SubscriptionView(saved.endpoint(), saved.createdAt(), saved.updatedAt()));
	}

	/**
	 * Idempotent: removing an endpoint that is not (or no longer) the caller's is a 204
	 * that changes nothing. Any endpoint may be removed, on the allowlist or not.
	 */
	@Operation(operationId = "deleteWebPushSubscription", summary = "Forget one of the caller's Web Push subscriptions",
			responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204",
					description = "Removed"))
	@DeleteMapping("/me/web-push-subscriptions")
	ResponseEntity<Void> unsubscribe(AppUser user, @RequestParam String endpoint) {
		if (endpoint.isBlank() || endpoint.length() > PushServiceAllowlist.MAX_ENDPOINT_LENGTH) {
			throw ApiException.invalidField("endpoint", "must be the subscription's endpoint URL (1 to "
					+ PushServiceAllowlist.MAX_ENDPOINT_LENGTH + " characters)");
		}
		subscriptions.remove(user.id(), endpoint);
		return ResponseEntity.noContent().build();
	}

	private VapidKeys enabledKeys() {
		VapidKeys keys = setup.keys();
		if (keys == null) {
			throw new ApiException(ErrorCode.NOT_FOUND, "Web Push is not enabled on this server");
		}
		return keys;
	}

}
