package com.amiqo.kairos.negotiation.domain;

import com.amiqo.kairos.api.WireValues;

/** A participant's answer so far (SPEC §5.2). */
public enum ParticipantStatus {

	ORGANIZER, INVITED, ACCEPTED, DECLINED, COUNTERED;

	public String value() {
		return WireValues.of(this);
	}

	public static ParticipantStatus of(String value) {
		return WireValues.parse(ParticipantStatus.class, value);
	}

}
