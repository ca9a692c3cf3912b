package com.amiqo.kairos.negotiation.domain;

import com.amiqo.kairos.api.WireValues;

/** A participant's answer so far (docs/reference.md#negotiation-states). */
public enum ParticipantStatus {

	ORGANIZER, INVITED, ACCEPTED, DECLINED, COUNTERED;

	public String value() {
		return WireValues.of(this);
	}

	public static ParticipantStatus of(String value) {
		return WireValues.parse(ParticipantStatus.class, value);
	}

}
