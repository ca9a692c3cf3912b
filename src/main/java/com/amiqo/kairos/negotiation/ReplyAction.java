package com.amiqo.kairos.negotiation;

import com.amiqo.kairos.api.WireValues;

enum ReplyAction {

	ACCEPT, DECLINE, COUNTER;

	public String value() {
		return WireValues.of(this);
	}

}
