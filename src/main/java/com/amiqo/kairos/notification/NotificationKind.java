package com.amiqo.kairos.notification;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.WireValue;
import com.amiqo.kairos.api.WireValues;

/**
 * What a notification tells (docs/reference.md#notifications). Every kind but
 * {@link #EVALUATE} shows an alert; {@code evaluate} is silent and wakes the invitee's
 * on-device agent.
 */
public enum NotificationKind implements WireValue<NotificationKind> {

	INVITED("New invitation"), JOINED("Someone joined"), REPLIED("New reply"), COUNTERED("New suggestion"),
	CONFIRMED("Plan confirmed"), CANCELLED("Plan cancelled"), EXPIRED("Plan expired"),
	ALL_ANSWERED("Everyone has answered"), REMINDER("Reminder"), EVALUATE(null);

	private final @Nullable String alertTitle;

	NotificationKind(@Nullable String alertTitle) {
		this.alertTitle = alertTitle;
	}

	public static NotificationKind of(String value) {
		return WireValues.parse(NotificationKind.class, value);
	}

	boolean isSilent() {
		return alertTitle == null;
	}

	@Nullable String alertTitle() {
		return alertTitle;
	}

}
