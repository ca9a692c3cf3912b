package com.amiqo.kairos.api;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The one walk down an exception's cause chain, for handlers that answer by what caused a
 * failure.
 */
public final class Causes {

	private Causes() {
	}

	/**
	 * The first of {@code failure} and its causes that is a {@code type}, or null (a
	 * cyclic chain ends the walk).
	 */
	public static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
