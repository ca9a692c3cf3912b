package com.amiqo.kairos.api.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
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
	 * {@code failure} and its causes, outermost first; a cyclic chain ends at the first
	 * repeat.
	 */
	public static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

	/** The first of {@code failure} and its causes that is a {@code type}, or null. */
	public static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		return chain(failure).stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
	}

}
