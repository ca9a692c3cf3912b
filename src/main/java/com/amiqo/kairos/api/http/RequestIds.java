package com.amiqo.kairos.api.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The request id of the request being served; kept in the logging MDC so every log line
 * carries it.
 */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "request_id";

	/**
	 * MDC key of the authenticated user's Firebase UID (an opaque id, not personal data).
	 */
	public static final String USER_MDC_KEY = "user_id";

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	private RequestIds() {
	}

	/**
	 * The client's id when it is well-formed, else a fresh UUID
	 * (docs/reference.md#conventions).
	 */
	public static String accept(@Nullable String clientValue) {
		if (clientValue != null && CLIENT_ID.matcher(clientValue).matches()) {
			return clientValue;
		}
		return fresh();
	}

	public static String current() {
		String id = MDC.get(MDC_KEY);
		return id != null ? id : fresh();
	}

	/**
	 * A random (version 4) UUID from the thread's own generator: a request id only needs
	 * to be unique, not unguessable, and {@code UUID.randomUUID()} serialises every
	 * request on the shared SecureRandom.
	 */
	static String fresh() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low).toString();
	}

}
