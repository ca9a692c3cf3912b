package com.amiqo.kairos.api;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ETag;

import com.amiqo.kairos.api.error.ApiException;

/** Reads an {@code If-Match} header holding a revision ETag. */
public final class IfMatch {

	private IfMatch() {
	}

	/**
	 * {@code "3"}, {@code W/"3"} or {@code 3} (Spring's {@link ETag} takes off the weak
	 * prefix and the quotes); {@code *} or absent means "any revision".
	 */
	public static @Nullable Integer revisionOf(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		try {
			return Integer.parseInt(ETag.create(ifMatch.strip()).tag());
		}
		catch (NumberFormatException e) {
			throw ApiException.invalidField("If-Match", "must be an ETag from this resource, e.g. \"3\"");
		}
	}

}
