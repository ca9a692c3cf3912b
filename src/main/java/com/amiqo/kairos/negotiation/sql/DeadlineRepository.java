package com.amiqo.kairos.negotiation.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.amiqo.kairos.negotiation.domain.Negotiation;

/**
 * The sweep's SQL: overdue negotiations marked expired, those whose deadline picks an
 * option claimed for settling, and due reminders claimed. Every statement claims rows
 * with {@code FOR UPDATE SKIP LOCKED}, so any number of instances sweep at once, each row
 * once, without waiting on each other or on a negotiation being answered.
 */
@Repository
public class DeadlineRepository {

	private final JdbcClient jdbc;

	DeadlineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A participant of a negotiation the sweep just expired, and whether invitees had
	 * ever seen it.
	 */
	public record ExpiredParticipant(UUID negotiationId, UUID userId, boolean organizer, boolean sent) {
	}

	/**
	 * Marks up to {@code limit} overdue open negotiations expired and returns their
	 * participants. {@code SKIP LOCKED} lets many instances sweep at once without waiting
	 * on each other or on a negotiation being answered.
	 */
	public List<ExpiredParticipant> expireOverdue(Instant now, int limit) {
		List<UUID> expired = jdbc.sql("""
				WITH due AS (
				    SELECT id FROM negotiations
				     WHERE %s AND NOT (state = 'awaiting_replies' AND on_deadline = 'pick_best')
				     ORDER BY expires_at
				     LIMIT :limit
				       FOR UPDATE SKIP LOCKED)
				UPDATE negotiations n
				   SET state = 'expired', revision = n.revision + 1, updated_at = :now
				  FROM due
				 WHERE n.id = due.id
				RETURNING n.id
				""".formatted(Negotiation.overdueSql("state", "expires_at")))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(UUID.class)
			.list();
		if (expired.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				UPDATE negotiation_participants p
				   SET negotiation_state = 'expired', negotiation_updated_at = :now, awaiting_me = false
				  FROM negotiations n
				 WHERE n.id = p.negotiation_id AND p.negotiation_id = ANY(CAST(:ids AS uuid[]))
				RETURNING p.negotiation_id, p.user_id, p.status = 'organizer' AS organizer, n.sent
				""")
			.param("now", Timestamp.from(now))
			.param("ids", expired.toArray(UUID[]::new))
			.query((row, n) -> new ExpiredParticipant(row.getObject("negotiation_id", UUID.class),
					row.getObject("user_id", UUID.class), row.getBoolean("organizer"), row.getBoolean("sent")))
			.list();
	}

	/**
	 * Locks up to {@code limit} overdue negotiations whose deadline may pick an option
	 * ({@code pick_best}, awaiting replies), skipping those another sweeper or request
	 * holds; the caller loads and settles each in the same transaction.
	 */
	public List<UUID> claimOverduePickBest(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id FROM negotiations
				 WHERE state = 'awaiting_replies' AND on_deadline = 'pick_best' AND expires_at <= :now
				 ORDER BY expires_at
				 LIMIT :limit
				   FOR UPDATE SKIP LOCKED
				""").param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
	}

	/** One reminder to send: who, about which negotiation. */
	public record Reminder(UUID negotiationId, UUID userId) {
	}

	/** The reminders one claim took: how many negotiations, and who is reminded. */
	public record Reminded(int claimed, List<Reminder> recipients) {
	}

	/**
	 * Claims up to {@code limit} due reminders in one statement: their {@code remind_at}
	 * is cleared (under row locks, skipping rows others hold), so each is claimed once on
	 * any number of instances, and the participants the still-open ones wait for
	 * ({@code awaiting_me}, kept in step by every write) are returned.
	 */
	public Reminded claimReminders(Instant now, int limit) {
		List<ClaimedRow> rows = jdbc
			.sql("""
					WITH due AS (
					    SELECT id FROM negotiations
					     WHERE remind_at <= :now
					     ORDER BY remind_at
					     LIMIT :limit
					       FOR UPDATE SKIP LOCKED),
					claimed AS (
					    UPDATE negotiations n SET remind_at = NULL
					      FROM due
					     WHERE n.id = due.id
					    RETURNING n.id, n.state, n.expires_at)
					SELECT c.id, p.user_id
					  FROM claimed c
					  LEFT JOIN negotiation_participants p
					    ON p.negotiation_id = c.id AND p.awaiting_me AND c.state = 'awaiting_replies' AND c.expires_at > :now
					""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((row, n) -> new ClaimedRow(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class)))
			.list();
		Set<UUID> claimed = new HashSet<>();
		List<Reminder> recipients = new ArrayList<>();
		for (ClaimedRow row : rows) {
			claimed.add(row.negotiationId());
			UUID userId = row.userId();
			if (userId != null) {
				recipients.add(new Reminder(row.negotiationId(), userId));
			}
		}
		return new Reminded(claimed.size(), recipients);
	}

	private record ClaimedRow(UUID negotiationId, @Nullable UUID userId) {
	}

}
