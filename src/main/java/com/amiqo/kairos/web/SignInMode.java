package com.amiqo.kairos.web;

import com.fasterxml.jackson.annotation.JsonValue;

import com.amiqo.kairos.api.WireValues;

/**
 * How the web client signs people in, decided by the server's configuration
 * (docs/reference.md#authentication).
 */
enum SignInMode {

	/**
	 * The local development issuer: a display name is enough ({@code POST /dev/tokens}).
	 */
	LOCAL,
	/**
	 * The Firebase Auth Emulator's REST sign-in (email and password, no real accounts).
	 */
	EMULATOR,
	/** Firebase Authentication's REST sign-in with the public web API key. */
	FIREBASE,
	/**
	 * Nothing the browser can use: Firebase is the verifier but no web API key is
	 * configured.
	 */
	NONE;

	@JsonValue
	String json() {
		return WireValues.of(this);
	}

}
