package com.amiqo.kairos.auth;

/**
 * Why a request is not authenticated: the {@code details.reason} of every 401 (SPEC §2).
 */
enum TokenRejection {

	MISSING_TOKEN, MALFORMED_HEADER, TOKEN_EXPIRED, INVALID_SIGNATURE, WRONG_AUDIENCE, WRONG_ISSUER, INVALID_TOKEN;

	public String reason() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
