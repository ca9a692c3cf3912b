package com.amiqo.kairos.notification;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.amiqo.kairos.secret.Sha256;

/**
 * A browser's Web Push subscription: the push service endpoint to post to and the keys
 * the payload is encrypted to (base64url, as the browser gave them).
 */
record WebPushSubscription(String endpoint, UUID userId, String p256dh, String auth, Instant createdAt,
		Instant updatedAt) implements PushTarget {

	/**
	 * What logs may show of an endpoint: its origin and a short hash, enough to tell
	 * subscriptions apart and never enough to push to one.
	 */
	static String describe(String endpoint) {
		String origin;
		try {
			URI uri = URI.create(endpoint);
			origin = uri.getScheme() + "://" + uri.getHost();
		}
		catch (IllegalArgumentException e) {
			origin = "(unparsable)";
		}
		return origin + " #" + java.util.HexFormat.of().formatHex(Sha256.of(endpoint), 0, 4);
	}

	@Override
	public String toString() {
		return "WebPushSubscription[" + describe(endpoint) + "]";
	}

}
