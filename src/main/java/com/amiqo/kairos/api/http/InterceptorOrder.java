package com.amiqo.kairos.api.http;

/**
 * The order of every MVC interceptor, in one place although they are registered by
 * several modules: rate limiting runs first (a throttled caller costs no lookup), then
 * the JSON-only check, then the signed-in user's lookup. Lower runs first.
 */
public final class InterceptorOrder {

	public static final int RATE_LIMIT = 10;

	public static final int JSON_ONLY = 20;

	public static final int CURRENT_USER = 30;

	private InterceptorOrder() {
	}

}
