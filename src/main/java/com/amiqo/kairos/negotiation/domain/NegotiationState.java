package com.amiqo.kairos.negotiation.domain;

import org.springframework.modulith.NamedInterface;

import com.amiqo.kairos.api.WireValue;
import com.amiqo.kairos.api.WireValues;

/**
 * A negotiation's state ({@code docs/reference.md#negotiation-states}); {@code cancelled}
 * and {@code expired} are terminal. Other modules may read it.
 */
@NamedInterface("state")
public enum NegotiationState implements WireValue<NegotiationState> {

	AWAITING_INVITES, AWAITING_REPLIES, CONFIRMED, CANCELLED, EXPIRED;

	/** Still negotiating: can expire, can take replies. */
	public boolean isOpen() {
		return this == AWAITING_INVITES || this == AWAITING_REPLIES;
	}

	public static NegotiationState of(String value) {
		return WireValues.parse(NegotiationState.class, value);
	}

}
