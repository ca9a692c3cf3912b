package com.amiqo.kairos.negotiation;

import java.util.Locale;

public enum ReplyAction {
    ACCEPT,
    DECLINE,
    COUNTER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
