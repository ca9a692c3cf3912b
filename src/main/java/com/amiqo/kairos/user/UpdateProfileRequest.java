package com.amiqo.kairos.user;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /me}. Absent (or null) fields stay as they are. {@code display_name} is
 * trimmed before its length is checked, so " " is refused rather than stored as an empty
 * name.
 */
record UpdateProfileRequest(
		@Size(min = 1, max = UserService.MAX_DISPLAY_NAME_LENGTH,
				message = "must be 1-80 characters after trimming") @Pattern(regexp = "[^\\p{Cc}]*",
						message = "must not contain control characters") @Nullable String displayName,
		@LanguageTag @Nullable String locale, @Nullable Boolean agentModeDefault) {

	UpdateProfileRequest {
		displayName = displayName == null ? null : displayName.strip();
		locale = locale == null ? null : locale.strip();
	}
}
