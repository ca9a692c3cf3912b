package com.amiqo.kairos.api;

import java.util.UUID;
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

	/** The client's id when it is well-formed, else a fresh UUID (SPEC §2). */
	static String accept(@Nullable String clientValue) {
		if (clientValue != null && CLIENT_ID.matcher(clientValue).matches()) {
			return clientValue;
		}
		return UUID.randomUUID().toString();
	}

	public static String current() {
		String id = MDC.get(MDC_KEY);
		return id != null ? id : UUID.randomUUID().toString();
	}

}
