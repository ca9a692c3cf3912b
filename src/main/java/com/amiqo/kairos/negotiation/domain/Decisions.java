package com.amiqo.kairos.negotiation.domain;

import java.util.List;

/**
 * What the negotiation's moves decide ({@link Negotiation#reply},
 * {@link Negotiation#cancel}, {@link Negotiation#finalize}): each move returns one of
 * these, and the service writes exactly what it holds.
 */
public final class Decisions {

	private Decisions() {
	}

	/** What a reply came to. */
	public sealed interface ReplyDecision permits NoChange, Expired, Applied {

	}

	/**
	 * What a cancel came to: the negotiation either is cancelled now or had expired
	 * already.
	 */
	public sealed interface CancelDecision permits Cancelled, Expired {

	}

	/** What a finalize came to. */
	public sealed interface FinalizeDecision permits NoChange, Expired, Finalized {

	}

	/**
	 * The move repeats what is recorded already: nothing to write (safe retries).
	 */
	public record NoChange() implements ReplyDecision, FinalizeDecision {
	}

	/**
	 * The deadline has passed: the negotiation is (to be marked) expired and the move
	 * refused.
	 */
	public record Expired(Negotiation expired) implements ReplyDecision, CancelDecision, FinalizeDecision {
	}

	/** The reply changed the negotiation. */
	public record Applied(Negotiation next, Participant replier, List<ProposedSlot> addedSlots,
			List<ProposedVenue> addedVenues, Outcome outcome) implements ReplyDecision {
	}

	public enum Outcome {

		/** The organizer sent a draft. */
		SENT,
		/** An answer was recorded; no consensus yet. */
		ANSWERED, CONFIRMED,
		/** The last active invitee declined. */
		EVERYONE_DECLINED,
		/** An invitee's accept or decline of a confirmed plan. */
		RSVP

	}

	public record Cancelled(Negotiation next, boolean wasConfirmed) implements CancelDecision {
	}

	/** The organizer's pick confirmed the negotiation. */
	public record Finalized(Negotiation next) implements FinalizeDecision {
	}

}
