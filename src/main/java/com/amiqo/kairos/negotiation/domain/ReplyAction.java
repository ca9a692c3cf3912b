package com.amiqo.kairos.negotiation.domain;

import com.amiqo.kairos.api.WireValues;

public enum ReplyAction {

	ACCEPT, DECLINE, COUNTER;

	public String value() {
		return WireValues.of(this);
	}

}
