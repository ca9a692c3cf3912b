package com.amiqo.kairos.negotiation;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.amiqo.kairos.negotiation.domain.Decisions;
import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.NegotiationRefusals;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.OnDeadline;
import com.amiqo.kairos.negotiation.domain.Previews;
import com.amiqo.kairos.negotiation.sql.NegotiationRepository;
import com.amiqo.kairos.negotiation.sql.StoredNegotiation;
import com.amiqo.kairos.user.AppUser;

/**
 * The decisions that are not an answer: the organizer's pick (finalize), and the
 * deadline's pick or expiry (the batch work that applies deadlines and sends reminders is
 * {@link DeadlineSweeps}). Each runs under the negotiation's row lock, like every reply
 * (the sweep claims rows with {@code SKIP LOCKED}): whichever of a finalize, a confirming
 * reply or the deadline takes the lock first decides, and the others see its result, so
 * the deadline is applied once.
 */
@Service
public class NegotiationDecisions {

	private final NegotiationRepository negotiations;

	private final NegotiationEffects effects;

	private final TransactionTemplate transactions;

	private final Clock clock;

	NegotiationDecisions(NegotiationRepository negotiations, NegotiationEffects effects,
			TransactionTemplate transactions, Clock clock) {
		this.negotiations = negotiations;
		this.effects = effects;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A negotiation locked for a write, its deadline applied, and the write's time. */
	record Locked(StoredNegotiation record, Instant now) {
	}

	/**
	 * Locks the negotiation for this user's write (or refuses them, as a read would),
	 * then applies its deadline. The clock is read once the lock is ours, so answers and
	 * added options are timed in the order they were applied: the awaiting_me rule
	 * compares those times.
	 */
	Locked lock(UUID id, AppUser user) {
		StoredNegotiation locked = Visibility.require(negotiations.findForUpdate(id), user);
		Instant now = clock.instant();
		return new Locked(settleDeadline(locked, now), now);
	}

	/**
	 * A move that found the negotiation past its deadline: marks it expired, and refuses
	 * the move once that has committed.
	 */
	Written refuseExpired(StoredNegotiation record, Negotiation expired, Instant now) {
		markExpired(record, expired, now);
		return new Written(record,
				NegotiationRefusals.expired(record.negotiation().id(), record.negotiation().expiresAt()));
	}

	/** The organizer's pick (docs/reference.md#finalize). */
	StoredNegotiation finalize(AppUser user, NegotiationRequests.Finalize input, @Nullable Integer expectedRevision) {
		Written written = transactions.execute(status -> {
			Locked locked = lock(input.negotiationId(), user);
			StoredNegotiation record = locked.record();
			Instant now = locked.now();
			Decisions.FinalizeDecision decision = record.negotiation()
				.finalize(user.id(), input.slotId(), input.venueId(), expectedRevision, now);
			if (decision instanceof Decisions.NoChange) {
				return new Written(record, null);
			}
			if (decision instanceof Decisions.Expired expired) {
				return refuseExpired(record, expired.expired(), now);
			}
			Negotiation next = ((Decisions.Finalized) decision).next();
			confirm(record, next, user.id(), Previews.finalized(user.displayName()), now);
			return new Written(negotiations.find(next.id()).orElseThrow(), null);
		});
		return written.orThrow();
	}

	/**
	 * Writes a confirmation that is not a reply (the organizer's pick, the deadline's):
	 * the state, one event per attendee, the notifications and the domain event.
	 * {@code actorId} null is the system.
	 */
	void confirm(StoredNegotiation record, Negotiation next, @Nullable UUID actorId, String preview, Instant now) {
		negotiations.writeDecision(next, actorId, preview, now);
		effects.events().createFor(record.confirmedPlan(next), now);
		effects.enqueue(Notices.confirmed(next, actorId, preview));
		effects.publish(new NegotiationEvents.NegotiationConfirmed(next.id(),
				Objects.requireNonNull(next.finalSlotId(), "a confirmed negotiation has a final slot"),
				next.finalVenueId()));
	}

	/**
	 * Applies the deadline to a locked negotiation that is overdue and still awaiting
	 * replies with {@code pick_best}: confirmed on the best option, or left for the
	 * caller's expiry path. The sweep and every write path call this under the row lock,
	 * so the deadline is applied once.
	 */
	StoredNegotiation settleDeadline(StoredNegotiation record, Instant now) {
		Negotiation negotiation = record.negotiation();
		if (!negotiation.isOverdue(now) || negotiation.deciding().onDeadline() != OnDeadline.PICK_BEST) {
			return record;
		}
		Negotiation settled = negotiation.atDeadline(now);
		if (settled.state() != NegotiationState.CONFIRMED) {
			return record;
		}
		confirm(record, settled, null, Previews.confirmedAtDeadline(), now);
		return negotiations.find(negotiation.id()).orElseThrow();
	}

	/**
	 * Settles one negotiation its deadline still has to decide, in its own transaction
	 * under its row lock (the list, before showing it: docs/decisions/0090).
	 */
	void settleOverdue(UUID id, Instant now) {
		transactions.executeWithoutResult(
				status -> negotiations.findForUpdate(id).ifPresent(record -> settleOverdue(record, now)));
	}

	/**
	 * Settles a locked negotiation its deadline has to decide: confirmed on the best
	 * option, or marked expired. Re-checked under the lock, so one that the sweep or a
	 * write settled meanwhile is left as it is.
	 */
	private void settleOverdue(StoredNegotiation record, Instant now) {
		Negotiation negotiation = record.negotiation();
		if (!Negotiation.awaitsDeadline(negotiation.state(), negotiation.deciding().onDeadline(),
				negotiation.expiresAt(), now)) {
			return;
		}
		StoredNegotiation settled = settleDeadline(record, now);
		if (settled.negotiation().state() != NegotiationState.CONFIRMED) {
			markExpired(record, negotiation.expire(), now);
		}
	}

	/** The time these decisions are taken at. */
	Instant now() {
		return clock.instant();
	}

	/**
	 * Settles a negotiation the deadline sweep claimed, whose row lock the sweep's
	 * transaction holds.
	 */
	void settleClaimed(UUID id, Instant now) {
		settleOverdue(negotiations.find(id).orElseThrow(), now);
	}

	/** Marks a negotiation expired once: its state, the notices and the domain event. */
	void markExpired(StoredNegotiation record, Negotiation expired, Instant now) {
		if (record.negotiation().state() != NegotiationState.EXPIRED) {
			negotiations.updateState(expired, null, null, now);
			effects.enqueue(Notices.expired(expired));
			effects.publish(new NegotiationEvents.NegotiationExpired(expired.id()));
		}
	}

}
