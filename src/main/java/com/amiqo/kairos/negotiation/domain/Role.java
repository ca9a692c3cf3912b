package com.amiqo.kairos.negotiation.domain;

import com.amiqo.kairos.api.WireValue;
import com.amiqo.kairos.api.WireValues;

/**
 * The caller's side of a negotiation, as the list's {@code role} filter names it
 * (docs/reference.md#reading-negotiations).
 */
public enum Role implements WireValue<Role> {

	ORGANIZER, INVITEE;

	/**
	 * For the request parameter's pattern (annotations need a constant); RoleTest ties it
	 * to the constants.
	 */
	public static final String VALUES = "organizer|invitee";

	public static Role of(String value) {
		return WireValues.parse(Role.class, value);
	}

}
