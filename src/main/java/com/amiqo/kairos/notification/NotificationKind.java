package com.amiqo.kairos.notification;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a notification tells (SPEC §7). Every kind but {@link #EVALUATE} shows an alert;
 * {@code evaluate} is silent and wakes the invitee's on-device agent.
 */
public enum NotificationKind {
    INVITED("New invitation"),
    JOINED("Someone joined"),
    REPLIED("New reply"),
    COUNTERED("New suggestion"),
    CONFIRMED("Plan confirmed"),
    CANCELLED("Plan cancelled"),
    EXPIRED("Plan expired"),
    EVALUATE(null);

    private final @Nullable String alertTitle;

    NotificationKind(@Nullable String alertTitle) {
        this.alertTitle = alertTitle;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationKind of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    boolean isSilent() {
        return alertTitle == null;
    }

    @Nullable String alertTitle() {
        return alertTitle;
    }
}
