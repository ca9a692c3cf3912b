package com.amiqo.kairos.negotiation;

import java.util.Locale;

enum ReplyAction {
    ACCEPT,
    DECLINE,
    COUNTER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
