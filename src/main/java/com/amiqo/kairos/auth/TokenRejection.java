package com.amiqo.kairos.auth;

import com.amiqo.kairos.api.WireValues;

/**
 * Why a request is not authenticated: the {@code details.reason} of every 401
 * (docs/reference.md#conventions).
 */
enum TokenRejection {

	MISSING_TOKEN, MALFORMED_HEADER, TOKEN_EXPIRED, INVALID_SIGNATURE, WRONG_AUDIENCE, WRONG_ISSUER, INVALID_TOKEN;

	public String reason() {
		return WireValues.of(this);
	}

}
