package com.amiqo.kairos.web;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the web client signs people in, decided by the server's configuration (SPEC §3).
 */
enum SignInMode {

	/**
	 * The local development issuer: a display name is enough ({@code POST /dev/tokens}).
	 */
	LOCAL("local"),
	/**
	 * The Firebase Auth Emulator's REST sign-in (email and password, no real accounts).
	 */
	EMULATOR("emulator"),
	/** Firebase Authentication's REST sign-in with the public web API key. */
	FIREBASE("firebase"),
	/**
	 * Nothing the browser can use: Firebase is the verifier but no web API key is
	 * configured.
	 */
	NONE("none");

	private final String json;

	SignInMode(String json) {
		this.json = json;
	}

	@JsonValue
	String json() {
		return json;
	}

}
