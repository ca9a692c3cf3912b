package com.amiqo.kairos.negotiation.domain;

import com.amiqo.kairos.api.WireValue;
import com.amiqo.kairos.api.WireValues;

/**
 * What the deadline does to a negotiation still awaiting replies: {@code expire} it, or
 * {@code pick_best}: confirm the best-supported option when enough people can come.
 */
public enum OnDeadline implements WireValue<OnDeadline> {

	EXPIRE, PICK_BEST;

	/** For the request field's pattern; OnDeadlineTest ties it to the constants. */
	public static final String VALUES = "expire|pick_best";

	public static OnDeadline of(String value) {
		return WireValues.parse(OnDeadline.class, value);
	}

}
