package com.amiqo.kairos.auth;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** An {@code Authorization} header that is present but not {@code Bearer <token>}. */
class MalformedAuthorizationHeaderException extends OAuth2AuthenticationException {

	MalformedAuthorizationHeaderException() {
		super(new OAuth2Error("invalid_request"), "Authorization header must be 'Bearer <token>'");
	}

}
