package com.amiqo.kairos.notification;

import java.time.Instant;
import java.util.UUID;

/** A push token of one of a user's phones, and which APNs environment it belongs to. */
record Device(String token, UUID userId, String platform, String environment, Instant createdAt,
		Instant updatedAt) implements PushTarget {

	boolean isSandbox() {
		return "sandbox".equals(environment);
	}

	/**
	 * What logs may show of a token: enough to tell devices apart, too little to push to
	 * it.
	 */
	static String shortToken(String token) {
		return token.substring(0, Math.min(8, token.length())) + "…";
	}

	@Override
	public String toString() {
		return "Device[" + shortToken(token) + ", " + platform + ", " + environment + "]";
	}
}
