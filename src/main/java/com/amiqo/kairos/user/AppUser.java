package com.amiqo.kairos.user;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A row of {@code app_users}: someone who has signed in at least once. */
public record AppUser(UUID id, String firebaseUid, @Nullable String displayName, @Nullable String locale,
		Map<String, Object> featureFlags, boolean agentModeDefault, Instant createdAt, Instant updatedAt) {
}
