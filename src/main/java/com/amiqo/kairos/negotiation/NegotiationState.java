package com.amiqo.kairos.negotiation;

import com.amiqo.kairos.api.WireValues;

/** SPEC §5.2. {@code cancelled} and {@code expired} are terminal. */
public enum NegotiationState {

	AWAITING_INVITES, AWAITING_REPLIES, CONFIRMED, CANCELLED, EXPIRED;

	/** Still negotiating: can expire, can take replies. */
	public boolean isOpen() {
		return this == AWAITING_INVITES || this == AWAITING_REPLIES;
	}

	public String value() {
		return WireValues.of(this);
	}

	public static NegotiationState of(String value) {
		return WireValues.parse(NegotiationState.class, value);
	}

}
