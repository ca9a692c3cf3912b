package com.amiqo.kairos.negotiation;

import java.util.Locale;

/** SPEC §5.2. {@code cancelled} and {@code expired} are terminal. */
public enum NegotiationState {
    AWAITING_INVITES,
    AWAITING_REPLIES,
    CONFIRMED,
    CANCELLED,
    EXPIRED;

    /** Still negotiating: can expire, can take replies. */
    public boolean isOpen() {
        return this == AWAITING_INVITES || this == AWAITING_REPLIES;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NegotiationState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
