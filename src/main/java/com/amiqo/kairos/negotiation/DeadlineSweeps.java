package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import com.amiqo.kairos.negotiation.sql.DeadlineRepository;

/**
 * The deadline's batch work, which the scheduled sweep runs on every instance: overdue
 * negotiations expired, or confirmed when their deadline picks an option (that decision
 * is {@link NegotiationDecisions}'), and due reminders sent. Each batch is a transaction
 * of its own, and rows are claimed with {@code SKIP LOCKED}, so instances never work on
 * the same negotiation. A sweep's time is the decisions' clock, the one it settles
 * negotiations by.
 */
@Service
public class DeadlineSweeps {

	private final DeadlineRepository deadlines;

	private final NegotiationDecisions decisions;

	private final NegotiationEffects effects;

	private final TransactionTemplate transactions;

	DeadlineSweeps(DeadlineRepository deadlines, NegotiationDecisions decisions, NegotiationEffects effects,
			TransactionTemplate transactions) {
		this.deadlines = deadlines;
		this.decisions = decisions;
		this.effects = effects;
		this.transactions = transactions;
	}

	/**
	 * Marks overdue negotiations expired, and confirms those whose deadline picks an
	 * option; safe to run on many instances at once. Returns how many were settled.
	 */
	public int expireOverdue(int batchSize) {
		Instant now = decisions.now();
		int expired = inBatches(batchSize, status -> {
			List<DeadlineRepository.ExpiredParticipant> participants = deadlines.expireOverdue(now, batchSize);
			effects.enqueue(Notices.expired(participants));
			Set<UUID> ids = new LinkedHashSet<>();
			participants.forEach(participant -> ids.add(participant.negotiationId()));
			ids.forEach(id -> effects.publish(new NegotiationEvents.NegotiationExpired(id)));
			return ids.size();
		});
		int picked = inBatches(batchSize, status -> {
			List<UUID> claimed = deadlines.claimOverduePickBest(now, batchSize);
			for (UUID id : claimed) {
				decisions.settleClaimed(id, now);
			}
			return claimed.size();
		});
		return expired + picked;
	}

	/**
	 * Sends the reminders that are due, each once: claiming one clears it in the same
	 * transaction that writes its notifications. Returns how many negotiations were
	 * reminded about.
	 */
	public int remindDue(int batchSize) {
		Instant now = decisions.now();
		return inBatches(batchSize, status -> {
			DeadlineRepository.Reminded reminded = deadlines.claimReminders(now, batchSize);
			effects.enqueue(Notices.reminders(reminded.recipients()));
			return reminded.claimed();
		});
	}

	/**
	 * Runs the batch, each time in a transaction of its own, until one handles fewer than
	 * {@code batchSize}; returns how many all of them handled.
	 */
	private int inBatches(int batchSize, TransactionCallback<Integer> batch) {
		int total = 0;
		int handled;
		do {
			handled = transactions.execute(batch);
			total += handled;
		}
		while (handled == batchSize);
		return total;
	}

}
