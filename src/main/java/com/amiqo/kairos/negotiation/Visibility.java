package com.amiqo.kairos.negotiation;

import java.util.Optional;

import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.NegotiationRefusals;
import com.amiqo.kairos.negotiation.sql.StoredNegotiation;
import com.amiqo.kairos.user.AppUser;

/**
 * Who may see a negotiation: an unsent draft does not exist (404) for anyone but its
 * organizer; a sent negotiation is refused (403) to anyone who is not a participant.
 * Every read and write checks it here.
 */
final class Visibility {

	private Visibility() {
	}

	/** The negotiation found, if this user may see it; else its refusal (404 or 403). */
	static StoredNegotiation require(Optional<StoredNegotiation> found, AppUser user) {
		StoredNegotiation record = found.orElseThrow(NegotiationRefusals::notFound);
		Negotiation negotiation = record.negotiation();
		if (!negotiation.sent() && !negotiation.ownerId().equals(user.id())) {
			throw NegotiationRefusals.notFound();
		}
		if (!negotiation.isVisibleTo(user.id())) {
			throw NegotiationRefusals.notParticipant(negotiation.id());
		}
		return record;
	}

}
