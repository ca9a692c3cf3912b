package com.amiqo.kairos.api.error;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Exception messages can carry request content (a parameter value, a form-parsed body, a
 * token), and docs/reference.md#encrypted-blobs forbids that in logs. What we log is a
 * copy of the cause chain that keeps each exception's class and stack frames (enough to
 * find the bug) and drops every message.
 */
final class LoggedThrowables {

	private LoggedThrowables() {
	}

	/**
	 * The copy is built from the innermost cause outwards, each copy made with its cause,
	 * so it never needs {@code initCause} (which a throwable made with an explicit cause
	 * refuses).
	 */
	static Throwable withoutMessages(Throwable failure) {
		List<Throwable> chain = Causes.chain(failure);
		Withheld copy = null;
		for (int i = chain.size() - 1; i >= 0; i--) {
			copy = new Withheld(chain.get(i), copy);
		}
		return Objects.requireNonNull(copy);
	}

	/** Class name chain of a failure, for one-line warnings. */
	static String types(Throwable failure) {
		return Causes.chain(failure)
			.stream()
			.map(cause -> cause.getClass().getName())
			.collect(Collectors.joining(" <- "));
	}

	static final class Withheld extends RuntimeException {

		Withheld(Throwable original, @Nullable Withheld cause) {
			super(original.getClass().getName() + " (message withheld from the log)", cause, false, true);
			setStackTrace(original.getStackTrace());
		}

	}

}
