package com.amiqo.kairos.auth;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A bearer token that failed verification, with the reason
 * docs/reference.md#authentication names. The message never contains the token.
 */
class InvalidTokenException extends BadJwtException {

	private final TokenRejection rejection;

	InvalidTokenException(TokenRejection rejection, String message) {
		super(message);
		this.rejection = rejection;
	}

	TokenRejection rejection() {
		return rejection;
	}

}
