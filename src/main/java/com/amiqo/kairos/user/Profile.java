package com.amiqo.kairos.user;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The {@code /me} representation (docs/reference.md#users). Never carries email, phone or
 * token data.
 */
record Profile(UUID id, String userId, @Nullable String displayName, @Nullable String locale,
		Map<String, Object> featureFlags, boolean agentModeDefault, Instant createdAt, Instant updatedAt) {

	static Profile of(AppUser user) {
		return new Profile(user.id(), user.firebaseUid(), user.displayName(), user.locale(), user.featureFlags(),
				user.agentModeDefault(), user.createdAt(), user.updatedAt());
	}
}
