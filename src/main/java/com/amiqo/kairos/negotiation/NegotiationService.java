package com.amiqo.kairos.negotiation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.amiqo.kairos.api.EncryptedBlob;
import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.paging.PageCursors;
import com.amiqo.kairos.negotiation.domain.Decisions;
import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.NegotiationRefusals;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.OnDeadline;
import com.amiqo.kairos.negotiation.domain.Previews;
import com.amiqo.kairos.negotiation.domain.Reply;
import com.amiqo.kairos.negotiation.domain.ReplyAction;
import com.amiqo.kairos.negotiation.domain.SlotOption;
import com.amiqo.kairos.negotiation.domain.VenueOption;
import com.amiqo.kairos.negotiation.sql.NegotiationRepository;
import com.amiqo.kairos.negotiation.sql.StoredNegotiation;
import com.amiqo.kairos.user.AppUser;

/**
 * Orchestrates negotiations: every write runs in one transaction that first locks the
 * negotiation row, asks the domain ({@link Negotiation}) what follows, and writes exactly
 * that, events included. Concurrent replies to one negotiation therefore queue on the
 * lock and each sees the previous one's result, so a consensus can be neither missed nor
 * confirmed twice. The same transaction writes the notifications the change causes
 * (outbox) and publishes its domain events, which listeners receive after commit. The
 * decisions that are not answers (the organizer's pick, the deadline, the reminders) are
 * {@link NegotiationDecisions}.
 */
@Service
public class NegotiationService {

	static final String LIST = "negotiations";

	private final NegotiationRepository negotiations;

	private final NegotiationDecisions decisions;

	private final NegotiationEffects effects;

	private final OptionRules rules;

	private final PageCursors cursors;

	private final TransactionTemplate transactions;

	private final Clock clock;

	NegotiationService(NegotiationRepository negotiations, NegotiationDecisions decisions, NegotiationEffects effects,
			OptionRules rules, PageCursors cursors, TransactionTemplate transactions, Clock clock) {
		this.negotiations = negotiations;
		this.decisions = decisions;
		this.effects = effects;
		this.rules = rules;
		this.cursors = cursors;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A created (or, for a retried client id, the existing) negotiation. */
	record Started(StoredNegotiation record, boolean created) {
	}

	Started start(AppUser organizer, NegotiationRequests.Start request) {
		Instant now = now();
		OptionRules.Problems problems = new OptionRules.Problems();
		List<SlotOption> slotOptions = rules.slots(request.proposedSlots(), "proposed_slots", now, problems);
		List<VenueOption> venueOptions = rules.venues(request.proposedVenues(), "proposed_venues", problems);
		Instant expiresAt = rules.expiresAt(request.expiresAt(), now, problems);
		List<String> inviteeUids = request.inviteeUids(organizer.firebaseUid());
		problems.throwIfAny();
		EncryptedBlob blob = request.blob();
		String fingerprint = request.fingerprint();
		UUID id = request.id() != null ? request.id() : UUID.randomUUID();

		return transactions.execute(status -> {
			Map<String, StoredNegotiation.UserRef> invitees = negotiations.usersByUid(inviteeUids);
			List<String> unknown = inviteeUids.stream().filter(uid -> !invitees.containsKey(uid)).toList();
			if (!unknown.isEmpty()) {
				throw new ApiException(ErrorCode.UNKNOWN_PARTICIPANTS, "Some invitees have never signed in",
						Map.of("field", "participant_ids", "unknown", unknown));
			}
			List<UUID> inviteeIds = inviteeUids.stream()
				.map(uid -> Objects.requireNonNull(invitees.get(uid)).id())
				.toList();
			Negotiation negotiation = Negotiation.start(id, organizer.id(), inviteeIds, slotOptions, venueOptions,
					expiresAt, !Boolean.FALSE.equals(request.send()), request.deciding(), now, UUID::randomUUID);
			StoredNegotiation record = StoredNegotiation.started(negotiation, request, blob, organizer.displayName(),
					fingerprint, now);
			if (!negotiations.insertIfAbsent(record)) {
				return new Started(existingFor(id, organizer, fingerprint), false);
			}
			negotiations.insertParticipants(negotiation, now);
			negotiations.insertSlots(id, negotiation.slots());
			negotiations.insertVenues(id, negotiation.venues());
			if (negotiation.sent()) {
				effects.enqueue(Notices.sent(negotiation, record.agentMode(), record.lastMessagePreview(), now));
			}
			effects.publish(new NegotiationEvents.NegotiationStarted(id, organizer.id(), negotiation.sent(),
					record.agentMode()));
			return new Started(negotiations.find(id).orElseThrow(), true);
		});
	}

	StoredNegotiation reply(AppUser user, NegotiationRequests.ReplyInput input, @Nullable Integer expectedRevision) {
		Reply reply = input.toReply(rules, now());
		EncryptedBlob blob = input.blob();
		Written written = transactions.execute(status -> {
			NegotiationDecisions.Locked locked = decisions.lock(input.negotiationId(), user);
			StoredNegotiation record = locked.record();
			Instant now = locked.now();
			Decisions.ReplyDecision decision = record.negotiation()
				.reply(user.id(), reply, expectedRevision, now, UUID::randomUUID);
			if (decision instanceof Decisions.NoChange) {
				return new Written(record, null);
			}
			if (decision instanceof Decisions.Expired expired) {
				return decisions.refuseExpired(record, expired.expired(), now);
			}
			Decisions.Applied applied = (Decisions.Applied) decision;
			Negotiation next = applied.next();
			negotiations.insertSlots(next.id(), applied.addedSlots());
			negotiations.insertVenues(next.id(), applied.addedVenues());
			// Sending a draft is the organizer's act, not an answer: their row stays.
			boolean answered = applied.outcome() != Decisions.Outcome.SENT;
			String preview = Previews.reply(user.displayName(), reply.action(), applied, record.intentCategory());
			negotiations.writeReply(next, user.id(), preview,
					answered ? new NegotiationRepository.Answer(applied.replier(), blob) : null, now);
			if (applied.outcome() == Decisions.Outcome.CONFIRMED) {
				effects.events().createFor(record.confirmedPlan(next), now);
			}
			else if (applied.outcome() == Decisions.Outcome.RSVP) {
				rsvpEvents(record, next, user.id(), reply.action(), now);
			}
			boolean allAnswered = !record.negotiation().isAllAnswered(now) && next.isAllAnswered(now);
			effects.enqueue(
					Notices.reply(applied, reply.action(), user.id(), record.agentMode(), preview, allAnswered, now));
			publishReplyEvents(applied, reply.action(), user.id());
			return new Written(afterReply(record, applied, user.id(), answered ? blob : null, preview, now), null);
		});
		return written.orThrow();
	}

	/**
	 * The record as the reply's own writes leave it, without reading it back (a statement
	 * less per reply): nothing else can have changed it while the row lock is held. A
	 * reply that adds options or confirms (and so creates events) is read back instead,
	 * so that stored forms (jsonb metadata, event ids) show as stored; that is the rarer
	 * case.
	 */
	private StoredNegotiation afterReply(StoredNegotiation record, Decisions.Applied applied, UUID actorId,
			@Nullable EncryptedBlob storedBlob, String preview, Instant now) {
		Negotiation next = applied.next();
		if (applied.outcome() == Decisions.Outcome.CONFIRMED || applied.outcome() == Decisions.Outcome.RSVP
				|| !applied.addedSlots().isEmpty() || !applied.addedVenues().isEmpty()) {
			return negotiations.find(next.id()).orElseThrow();
		}
		Map<UUID, EncryptedBlob> blobs = record.participantBlobs();
		if (storedBlob != null) {
			blobs = new HashMap<>(blobs);
			blobs.put(applied.replier().userId(), storedBlob);
		}
		return new StoredNegotiation(next, record.title(), record.intentCategory(), record.agentMode(), record.blob(),
				actorId, preview, record.requestFingerprint(), record.createdAt(), now, record.users(), blobs,
				record.eventIdsByOwner(), record.cancelReason(), record.wrappedKeys());
	}

	StoredNegotiation cancel(AppUser user, NegotiationRequests.Cancel input) {
		Written written = transactions.execute(status -> {
			NegotiationDecisions.Locked locked = decisions.lock(input.negotiationId(), user);
			StoredNegotiation record = locked.record();
			Instant now = locked.now();
			Decisions.CancelDecision decision = record.negotiation().cancel(user.id(), now);
			if (decision instanceof Decisions.Expired expired) {
				decisions.markExpired(record, expired.expired(), now);
				return new Written(record, NegotiationRefusals.invalidTransition(record.negotiation().id(),
						NegotiationState.EXPIRED, "cancel"));
			}
			Decisions.Cancelled cancelled = (Decisions.Cancelled) decision;
			String preview = Previews.cancelled(user.displayName(), input.reason());
			negotiations.writeCancel(cancelled.next(), user.id(), preview, input.reason(), now);
			if (cancelled.wasConfirmed()) {
				effects.events().cancelFor(cancelled.next().id(), input.reason(), now);
			}
			effects.enqueue(Notices.cancelled(cancelled.next(), user.id(), preview));
			effects.publish(new NegotiationEvents.NegotiationCancelled(cancelled.next().id(), user.id(),
					cancelled.wasConfirmed()));
			return new Written(negotiations.find(cancelled.next().id()).orElseThrow(), null);
		});
		return written.orThrow();
	}

	StoredNegotiation get(AppUser user, UUID id) {
		return Visibility.require(negotiations.find(id), user);
	}

	/**
	 * A page of the caller's negotiations. A row the deadline still has to decide
	 * ({@link Negotiation#awaitsDeadline}: overdue, awaiting replies, {@code pick_best})
	 * is settled first, as the sweep would settle it, and the page read again, so the
	 * list shows (and filters on) what a read of that negotiation shows. Only such a page
	 * costs more than the one statement.
	 */
	PageCursors.Page<NegotiationSummary> list(AppUser user, ListQuery query, int limit, @Nullable String cursor) {
		Instant now = now();
		PageCursors.Page<NegotiationSummary> page = page(user, query, limit, cursor, now);
		boolean settled = false;
		for (NegotiationSummary summary : page.items()) {
			if (Negotiation.awaitsDeadline(NegotiationState.of(summary.state()), OnDeadline.of(summary.onDeadline()),
					summary.expiresAt(), now)) {
				decisions.settleOverdue(summary.id(), now);
				settled = true;
			}
		}
		return settled ? page(user, query, limit, cursor, now) : page;
	}

	private PageCursors.Page<NegotiationSummary> page(AppUser user, ListQuery query, int limit, @Nullable String cursor,
			Instant now) {
		return cursors.page(LIST, user.id(), query.scope(), limit, cursor,
				(after, rows) -> negotiations.page(user.id(), query, after, now, rows),
				summary -> new PageCursors.Position(summary.updatedAt(), summary.id()));
	}

	Instant now() {
		return clock.instant();
	}

	/**
	 * An RSVP changes who has an event: a dropout's is cancelled, and the attendees'
	 * events (a newcomer's included) are made or brought up to date.
	 */
	private void rsvpEvents(StoredNegotiation record, Negotiation next, UUID replierId, ReplyAction action,
			Instant now) {
		if (action == ReplyAction.DECLINE) {
			effects.events().cancelFor(next.id(), replierId, now);
		}
		// Every attendee's event lists who comes now.
		effects.events().createFor(record.confirmedPlan(next), now);
	}

	private void publishReplyEvents(Decisions.Applied applied, ReplyAction action, UUID replierId) {
		Negotiation next = applied.next();
		effects.publish(new NegotiationEvents.ReplyRecorded(next.id(), replierId, action.value(), next.state().value(),
				next.revision()));
		if (applied.outcome() == Decisions.Outcome.CONFIRMED) {
			effects.publish(new NegotiationEvents.NegotiationConfirmed(next.id(),
					Objects.requireNonNull(next.finalSlotId(), "a confirmed negotiation has a final slot"),
					next.finalVenueId()));
		}
		else if (applied.outcome() == Decisions.Outcome.EVERYONE_DECLINED) {
			effects.publish(new NegotiationEvents.NegotiationCancelled(next.id(), replierId, false));
		}
	}

	private StoredNegotiation existingFor(UUID id, AppUser organizer, String fingerprint) {
		StoredNegotiation existing = negotiations.find(id).orElseThrow();
		if (!existing.negotiation().ownerId().equals(organizer.id())
				|| !existing.requestFingerprint().equals(fingerprint)) {
			throw new ApiException(ErrorCode.CONFLICT, "A different negotiation already uses this id",
					Map.of("field", "id", "negotiation_id", id));
		}
		return existing;
	}

}
