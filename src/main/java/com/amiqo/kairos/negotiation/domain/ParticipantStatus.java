package com.amiqo.kairos.negotiation.domain;

import com.amiqo.kairos.api.WireValue;
import com.amiqo.kairos.api.WireValues;

/** A participant's answer so far (docs/reference.md#negotiation-states). */
public enum ParticipantStatus implements WireValue<ParticipantStatus> {

	ORGANIZER, INVITED, ACCEPTED, DECLINED, COUNTERED;

	public static ParticipantStatus of(String value) {
		return WireValues.parse(ParticipantStatus.class, value);
	}

}
