package com.amiqo.kairos.api;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Exception messages can carry request content (a parameter value, a form-parsed body, a
 * token), and SPEC §8 forbids that in logs. What we log is a copy of the cause chain that
 * keeps each exception's class and stack frames (enough to find the bug) and drops every
 * message.
 */
final class LoggedThrowables {

	private LoggedThrowables() {
	}

	static Throwable withoutMessages(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Withheld top = new Withheld(failure);
		seen.add(failure);
		Withheld last = top;
		for (Throwable t = failure.getCause(); t != null && seen.add(t); t = t.getCause()) {
			Withheld copy = new Withheld(t);
			last.initCause(copy);
			last = copy;
		}
		return top;
	}

	/** Class name chain of a failure, for one-line warnings. */
	static String types(Throwable failure) {
		StringBuilder types = new StringBuilder();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
			types.append(types.isEmpty() ? "" : " <- ").append(t.getClass().getName());
		}
		return types.toString();
	}

	static final class Withheld extends RuntimeException {

		Withheld(Throwable original) {
			super(original.getClass().getName() + " (message withheld from the log)", null, false, true);
			setStackTrace(original.getStackTrace());
		}

	}

}
