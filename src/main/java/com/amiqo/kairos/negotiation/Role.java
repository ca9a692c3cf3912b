package com.amiqo.kairos.negotiation;

import com.amiqo.kairos.api.WireValues;

/**
 * The caller's side of a negotiation, as the list's {@code role} filter names it (SPEC
 * §5.6).
 */
enum Role {

	ORGANIZER, INVITEE;

	/**
	 * For the request parameter's pattern (annotations need a constant); RoleTest ties it
	 * to the constants.
	 */
	static final String VALUES = "organizer|invitee";

	String value() {
		return WireValues.of(this);
	}

	static Role of(String value) {
		return WireValues.parse(Role.class, value);
	}

}
