package com.amiqo.kairos.api;

import org.jspecify.annotations.Nullable;

/** Reads an {@code If-Match} header holding a revision ETag. */
public final class IfMatch {

	private IfMatch() {
	}

	/**
	 * {@code "3"}, {@code W/"3"} or {@code 3}; {@code *} or absent means "any revision".
	 */
	public static @Nullable Integer revisionOf(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String value = ifMatch.strip();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw ApiException.invalidField("If-Match", "must be an ETag from this resource, e.g. \"3\"");
		}
	}

}
