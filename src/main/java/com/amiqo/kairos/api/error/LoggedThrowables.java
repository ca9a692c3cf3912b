package com.amiqo.kairos.api.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Exception messages can carry request content (a parameter value, a form-parsed body, a
 * token), and docs/reference.md#encrypted-blobs forbids that in logs. What we log is a
 * copy of the cause chain that keeps each exception's class and stack frames (enough to
 * find the bug) and drops every message.
 */
final class LoggedThrowables {

	private LoggedThrowables() {
	}

	static Throwable withoutMessages(Throwable failure) {
		List<Throwable> chain = Causes.chain(failure);
		Withheld top = new Withheld(failure);
		Withheld last = top;
		for (Throwable cause : chain.subList(1, chain.size())) {
			Withheld copy = new Withheld(cause);
			last.initCause(copy);
			last = copy;
		}
		return top;
	}

	/** Class name chain of a failure, for one-line warnings. */
	static String types(Throwable failure) {
		return Causes.chain(failure)
			.stream()
			.map(cause -> cause.getClass().getName())
			.collect(Collectors.joining(" <- "));
	}

	static final class Withheld extends RuntimeException {

		Withheld(Throwable original) {
			super(original.getClass().getName() + " (message withheld from the log)", null, false, true);
			setStackTrace(original.getStackTrace());
		}

	}

}
