package com.amiqo.kairos.negotiation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.amiqo.kairos.api.EncryptedBlob;
import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.paging.PageCursors;
import com.amiqo.kairos.event.EventService;
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
import com.amiqo.kairos.notification.NotificationOutbox;
import com.amiqo.kairos.user.AppUser;

/**
 * Orchestrates negotiations: every write runs in one transaction that first locks the
 * negotiation row, asks the domain ({@link Negotiation}) what follows, and writes exactly
 * that, events included. Concurrent replies to one negotiation therefore queue on the
 * lock and each sees the previous one's result, so a consensus can be neither missed nor
 * confirmed twice. The same transaction writes the notifications the change causes
 * (outbox) and publishes its domain events, which listeners receive after commit.
 */
@Service
public class NegotiationService {

	static final String LIST = "negotiations";

	private final NegotiationRepository negotiations;

	private final EventService events;

	private final OptionRules rules;

	private final PageCursors cursors;

	private final TransactionTemplate transactions;

	private final NotificationOutbox outbox;

	private final ApplicationEventPublisher domainEvents;

	private final Clock clock;

	NegotiationService(NegotiationRepository negotiations, EventService events, OptionRules rules, PageCursors cursors,
			TransactionTemplate transactions, NotificationOutbox outbox, ApplicationEventPublisher domainEvents,
			Clock clock) {
		this.negotiations = negotiations;
		this.events = events;
		this.rules = rules;
		this.cursors = cursors;
		this.transactions = transactions;
		this.outbox = outbox;
		this.domainEvents = domainEvents;
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
				outbox.enqueue(Notices.sent(negotiation, record.agentMode(), record.lastMessagePreview(), now));
			}
			domainEvents.publishEvent(new NegotiationEvents.NegotiationStarted(id, organizer.id(), negotiation.sent(),
					record.agentMode()));
			return new Started(negotiations.find(id).orElseThrow(), true);
		});
	}

	StoredNegotiation reply(AppUser user, NegotiationRequests.ReplyInput input, @Nullable Integer expectedRevision) {
		Reply reply = input.toReply(rules, now());
		EncryptedBlob blob = input.blob();
		Written written = transactions.execute(status -> {
			// Read the clock once the lock is ours, so answers and added options are
			// timed in the order they were applied: the awaiting_me rule compares those
			// times.
			StoredNegotiation locked = visibleForUpdate(input.negotiationId(), user);
			Instant now = now();
			StoredNegotiation record = settleDeadline(locked, now);
			Negotiation.ReplyDecision decision = record.negotiation()
				.reply(user.id(), reply, expectedRevision, now, UUID::randomUUID);
			if (decision instanceof Negotiation.NoChange) {
				return new Written(record, null);
			}
			if (decision instanceof Negotiation.Expired expired) {
				markExpired(record, expired.expired(), now);
				return new Written(record,
						NegotiationRefusals.expired(record.negotiation().id(), record.negotiation().expiresAt()));
			}
			Negotiation.Applied applied = (Negotiation.Applied) decision;
			Negotiation next = applied.next();
			negotiations.insertSlots(next.id(), applied.addedSlots());
			negotiations.insertVenues(next.id(), applied.addedVenues());
			// Sending a draft is the organizer's act, not an answer: their row stays.
			boolean answered = applied.outcome() != Negotiation.Outcome.SENT;
			String preview = Previews.reply(user.displayName(), reply.action(), applied, record.intentCategory());
			negotiations.writeReply(next, user.id(), preview,
					answered ? new NegotiationRepository.Answer(applied.replier(), blob) : null, now);
			if (applied.outcome() == Negotiation.Outcome.CONFIRMED) {
				events.createFor(record.confirmedPlan(next), now);
			}
			else if (applied.outcome() == Negotiation.Outcome.RSVP) {
				rsvpEvents(record, next, user.id(), reply.action(), now);
			}
			boolean allAnswered = !record.negotiation().isAllAnswered(now) && next.isAllAnswered(now);
			outbox.enqueue(
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
	private StoredNegotiation afterReply(StoredNegotiation record, Negotiation.Applied applied, UUID actorId,
			@Nullable EncryptedBlob storedBlob, String preview, Instant now) {
		Negotiation next = applied.next();
		if (applied.outcome() == Negotiation.Outcome.CONFIRMED || applied.outcome() == Negotiation.Outcome.RSVP
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
			StoredNegotiation locked = visibleForUpdate(input.negotiationId(), user);
			Instant now = now();
			StoredNegotiation record = settleDeadline(locked, now);
			Negotiation.CancelDecision decision = record.negotiation().cancel(user.id(), now);
			if (decision instanceof Negotiation.Expired expired) {
				markExpired(record, expired.expired(), now);
				return new Written(record, NegotiationRefusals.invalidTransition(record.negotiation().id(),
						NegotiationState.EXPIRED, "cancel"));
			}
			Negotiation.Cancelled cancelled = (Negotiation.Cancelled) decision;
			String preview = Previews.cancelled(user.displayName(), input.reason());
			negotiations.writeCancel(cancelled.next(), user.id(), preview, input.reason(), now);
			if (cancelled.wasConfirmed()) {
				events.cancelFor(cancelled.next().id(), input.reason(), now);
			}
			outbox.enqueue(Notices.cancelled(cancelled.next(), user.id(), preview));
			domainEvents.publishEvent(new NegotiationEvents.NegotiationCancelled(cancelled.next().id(), user.id(),
					cancelled.wasConfirmed()));
			return new Written(negotiations.find(cancelled.next().id()).orElseThrow(), null);
		});
		return written.orThrow();
	}

	StoredNegotiation get(AppUser user, UUID id) {
		StoredNegotiation record = negotiations.find(id).orElseThrow(NegotiationRefusals::notFound);
		checkVisible(record, user);
		return record;
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
				transactions.executeWithoutResult(status -> negotiations.findForUpdate(summary.id())
					.ifPresent(record -> settleOverdue(record, now)));
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

	/**
	 * The organizer's pick (docs/reference.md#finalize), under the row lock like every
	 * reply: whichever of a finalize, a confirming reply or the deadline takes the lock
	 * first decides, and the others see a confirmed negotiation.
	 */
	StoredNegotiation finalize(AppUser user, NegotiationRequests.Finalize input, @Nullable Integer expectedRevision) {
		Written written = transactions.execute(status -> {
			StoredNegotiation locked = visibleForUpdate(input.negotiationId(), user);
			Instant now = now();
			StoredNegotiation record = settleDeadline(locked, now);
			Negotiation.FinalizeDecision decision = record.negotiation()
				.finalize(user.id(), input.slotId(), input.venueId(), expectedRevision, now);
			if (decision instanceof Negotiation.NoChange) {
				return new Written(record, null);
			}
			if (decision instanceof Negotiation.Expired expired) {
				markExpired(record, expired.expired(), now);
				return new Written(record,
						NegotiationRefusals.expired(record.negotiation().id(), record.negotiation().expiresAt()));
			}
			Negotiation next = ((Negotiation.Finalized) decision).next();
			String preview = Previews.finalized(user.displayName());
			confirm(record, next, user.id(), preview, now);
			return new Written(negotiations.find(next.id()).orElseThrow(), null);
		});
		return written.orThrow();
	}

	/**
	 * Writes a confirmation that is not a reply (the organizer's pick, the deadline's):
	 * the state, one event per attendee, the notifications and the domain event.
	 * {@code actorId} null is the system.
	 */
	private void confirm(StoredNegotiation record, Negotiation next, @Nullable UUID actorId, String preview,
			Instant now) {
		negotiations.writeDecision(next, actorId, preview, now);
		events.createFor(record.confirmedPlan(next), now);
		outbox.enqueue(Notices.confirmed(next, actorId, preview));
		domainEvents.publishEvent(new NegotiationEvents.NegotiationConfirmed(next.id(),
				Objects.requireNonNull(next.finalSlotId(), "a confirmed negotiation has a final slot"),
				next.finalVenueId()));
	}

	/**
	 * Applies the deadline to a locked negotiation that is overdue and still awaiting
	 * replies with {@code pick_best}: confirmed on the best option, or left for the
	 * caller's expiry path. The sweep and every write path call this under the row lock,
	 * so the deadline is applied once.
	 */
	private StoredNegotiation settleDeadline(StoredNegotiation record, Instant now) {
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

	/**
	 * Marks overdue negotiations expired, and confirms those whose deadline picks an
	 * option; safe to run on many instances at once. Returns how many were settled.
	 */
	public int expireOverdue(int batchSize) {
		Instant now = now();
		int total = 0;
		int swept;
		do {
			swept = transactions.execute(status -> {
				List<NegotiationRepository.ExpiredParticipant> expired = negotiations.expireOverdue(now, batchSize);
				outbox.enqueue(Notices.expired(expired));
				Set<UUID> ids = new LinkedHashSet<>();
				expired.forEach(participant -> ids.add(participant.negotiationId()));
				ids.forEach(id -> domainEvents.publishEvent(new NegotiationEvents.NegotiationExpired(id)));
				return ids.size();
			});
			total += swept;
		}
		while (swept == batchSize);
		do {
			swept = transactions.execute(status -> {
				List<UUID> claimed = negotiations.claimOverduePickBest(now, batchSize);
				for (UUID id : claimed) {
					settleOverdue(negotiations.find(id).orElseThrow(), now);
				}
				return claimed.size();
			});
			total += swept;
		}
		while (swept == batchSize);
		return total;
	}

	/**
	 * Sends the reminders that are due, each once: claiming one clears it in the same
	 * transaction that writes its notifications. Returns how many negotiations were
	 * reminded about.
	 */
	public int remindDue(int batchSize) {
		Instant now = now();
		int total = 0;
		int claimed;
		do {
			claimed = transactions.execute(status -> {
				NegotiationRepository.Reminded reminded = negotiations.claimReminders(now, batchSize);
				outbox.enqueue(Notices.reminders(reminded.recipients()));
				return reminded.claimed();
			});
			total += claimed;
		}
		while (claimed == batchSize);
		return total;
	}

	Instant now() {
		return clock.instant();
	}

	/**
	 * The outcome of a write transaction; a refusal that must commit first (marking
	 * expiry) is thrown after.
	 */
	private record Written(StoredNegotiation record, @Nullable ApiException refusal) {

		StoredNegotiation orThrow() {
			if (refusal != null) {
				throw refusal;
			}
			return record;
		}
	}

	private StoredNegotiation visibleForUpdate(UUID id, AppUser user) {
		StoredNegotiation record = negotiations.findForUpdate(id).orElseThrow(NegotiationRefusals::notFound);
		checkVisible(record, user);
		return record;
	}

	/**
	 * An unsent draft does not exist (404) for anyone but its organizer; a sent
	 * negotiation is refused (403) to anyone who is not a participant.
	 */
	static void checkVisible(StoredNegotiation record, AppUser user) {
		Negotiation negotiation = record.negotiation();
		if (!negotiation.sent() && !negotiation.ownerId().equals(user.id())) {
			throw NegotiationRefusals.notFound();
		}
		if (!negotiation.isVisibleTo(user.id())) {
			throw NegotiationRefusals.notParticipant(negotiation.id());
		}
	}

	private void markExpired(StoredNegotiation record, Negotiation expired, Instant now) {
		if (record.negotiation().state() != NegotiationState.EXPIRED) {
			negotiations.updateState(expired, null, null, now);
			outbox.enqueue(Notices.expired(expired));
			domainEvents.publishEvent(new NegotiationEvents.NegotiationExpired(expired.id()));
		}
	}

	/**
	 * An RSVP changes who has an event: a dropout's is cancelled, and the attendees'
	 * events (a newcomer's included) are made or brought up to date.
	 */
	private void rsvpEvents(StoredNegotiation record, Negotiation next, UUID replierId, ReplyAction action,
			Instant now) {
		if (action == ReplyAction.DECLINE) {
			events.cancelFor(next.id(), replierId, now);
		}
		// Every attendee's event lists who comes now.
		events.createFor(record.confirmedPlan(next), now);
	}

	private void publishReplyEvents(Negotiation.Applied applied, ReplyAction action, UUID replierId) {
		Negotiation next = applied.next();
		domainEvents.publishEvent(new NegotiationEvents.ReplyRecorded(next.id(), replierId, action.value(),
				next.state().value(), next.revision()));
		if (applied.outcome() == Negotiation.Outcome.CONFIRMED) {
			domainEvents.publishEvent(new NegotiationEvents.NegotiationConfirmed(next.id(),
					Objects.requireNonNull(next.finalSlotId(), "a confirmed negotiation has a final slot"),
					next.finalVenueId()));
		}
		else if (applied.outcome() == Negotiation.Outcome.EVERYONE_DECLINED) {
			domainEvents.publishEvent(new NegotiationEvents.NegotiationCancelled(next.id(), replierId, false));
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
