package com.amiqo.kairos.negotiation;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.negotiation.domain.NegotiationRefusal;
import com.amiqo.kairos.negotiation.sql.StoredNegotiation;

/**
 * The outcome of a write transaction; a refusal that must commit first (marking expiry)
 * is thrown after.
 */
record Written(StoredNegotiation record, @Nullable NegotiationRefusal refusal) {

	StoredNegotiation orThrow() {
		if (refusal != null) {
			throw refusal;
		}
		return record;
	}

}
