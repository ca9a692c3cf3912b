package com.amiqo.kairos.negotiation.domain;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A negotiation rule refused a move: the reason, a message for people, the field at fault
 * (when one is) and the details a client can act on. The rules know nothing of HTTP; the
 * web layer maps each reason to its error code and status in one place
 * (NegotiationRefusalHandler). {@link NegotiationRefusals} makes every instance.
 */
public final class NegotiationRefusal extends RuntimeException {

	/** Why a move was refused; each reason is one error code of the API. */
	public enum Reason {

		NOT_FOUND, FULL, NOT_PARTICIPANT, ORGANIZER_ONLY, INVALID_TRANSITION, EXPIRED, STALE_REVISION, UNKNOWN_OPTION,
		SLOT_IN_PAST,
		/** One request field breaks a rule; the message says how. */
		INVALID_FIELD, MISSING_COUNTER_FIELDS, TOO_MANY_OPTIONS

	}

	private final Reason reason;

	private final @Nullable String field;

	private final Map<String, Object> details;

	NegotiationRefusal(Reason reason, String message, Map<String, ?> details) {
		this(reason, message, null, details);
	}

	NegotiationRefusal(Reason reason, String message, @Nullable String field, Map<String, ?> details) {
		super(message, null, false, false);
		this.reason = reason;
		this.field = field;
		this.details = Map.copyOf(details);
	}

	public Reason reason() {
		return reason;
	}

	/** The request field at fault, for {@link Reason#INVALID_FIELD}; otherwise null. */
	public @Nullable String field() {
		return field;
	}

	public Map<String, Object> details() {
		return details;
	}

}
