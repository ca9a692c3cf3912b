package com.amiqo.kairos.support;

import java.util.UUID;

/** A signed-in test user: Firebase UID, display name and a valid token. */
public record TestUser(String uid, String name, String token) {

	/** A fresh user; {@link #signedIn} also provisions them. */
	public static TestUser named(String name) {
		String uid = name.toLowerCase() + "-" + UUID.randomUUID();
		return new TestUser(uid, name, TestTokens.forUser(uid).name(name).sign());
	}

	/**
	 * A new user who has signed in once through {@code api} (so others can invite them).
	 */
	public static TestUser signedIn(ApiClient api, String name) {
		TestUser user = named(name);
		ApiClient.ApiResponse me = api.get("/me").token(user.token()).send();
		if (me.status() != 200) {
			throw new IllegalStateException("sign-in failed: " + me);
		}
		return user;
	}
}
