package com.amiqo.kairos.negotiation.domain;

import com.amiqo.kairos.api.WireValue;

public enum ReplyAction implements WireValue<ReplyAction> {

	ACCEPT, DECLINE, COUNTER;

}
