package com.amiqo.kairos.user;

import org.jspecify.annotations.Nullable;

/** A validated, normalised profile update; a null field stays as it is. */
record ProfileChanges(@Nullable String displayName, @Nullable String locale, @Nullable Boolean agentModeDefault) {

	boolean isEmpty() {
		return displayName == null && locale == null && agentModeDefault == null;
	}
}
