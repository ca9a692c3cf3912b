package com.amiqo.kairos.support;

import java.util.UUID;

/** A signed-in test user: Firebase UID, display name and a valid token. */
public record TestUser(String uid, String name, String token) {

	/** A fresh user; call {@link ApiTest#signIn(String)} to also provision them. */
	public static TestUser named(String name) {
		String uid = name.toLowerCase() + "-" + UUID.randomUUID();
		return new TestUser(uid, name, TestTokens.forUser(uid).name(name).sign());
	}
}
