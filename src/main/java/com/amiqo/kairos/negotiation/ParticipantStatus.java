package com.amiqo.kairos.negotiation;

import java.util.Locale;

/** A participant's answer so far (SPEC §5.2). */
enum ParticipantStatus {
    ORGANIZER,
    INVITED,
    ACCEPTED,
    DECLINED,
    COUNTERED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ParticipantStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
