package com.amiqo.kairos.negotiation.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.paging.KeysetSql;
import com.amiqo.kairos.api.paging.PageCursors;
import com.amiqo.kairos.negotiation.ListQuery;
import com.amiqo.kairos.negotiation.NegotiationSummary;
import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.OnDeadline;
import com.amiqo.kairos.negotiation.domain.ProposedSlot;
import com.amiqo.kairos.negotiation.domain.Role;

/**
 * The statement of {@code GET /negotiations} and the mapping of its rows. Served by the
 * {@code (user_id, negotiation_updated_at DESC, negotiation_id DESC)} index; only the
 * filters in use are added (see {@link KeysetSql}), so the keyset bound stays an index
 * condition. What a row shows about the options comes from the negotiation row's own
 * columns (migration V5), not from the option tables.
 */
final class NegotiationListSql {

	private static final String SELECT = """
			SELECT n.id, owner.firebase_uid AS owner_uid, owner.display_name AS owner_name, n.title,
			       n.intent_category, n.state, n.agent_mode,
			       n.agent_round, n.revision, n.participant_count, n.accepted_count, p.status AS my_status,
			       n.final_slot_id, n.final_venue_id, cardinality(n.slot_starts_at) AS slot_count, n.final_starts_at,
			       n.auto_confirm, n.on_deadline, n.min_attendees, n.attendee_count, n.cancel_reason,
			       (SELECT min(t) FROM unnest(n.slot_starts_at) t WHERE t > :now) AS next_open_starts_at,
			       n.venue_count, actor.firebase_uid AS last_actor_uid,
			       n.last_message_preview, n.created_at, p.negotiation_updated_at AS updated_at, n.expires_at
			  FROM negotiation_participants p
			  JOIN negotiations n ON n.id = p.negotiation_id
			  JOIN app_users owner ON owner.id = n.owner_id
			  LEFT JOIN app_users actor ON actor.id = n.last_actor_id
			 WHERE p.user_id = :userId
			   AND (n.sent OR p.status = 'organizer')
			""";

	/**
	 * The {@code state} filter, on the state a reader sees: an overdue negotiation reads
	 * as expired, except one awaiting replies with {@code pick_best}, which its deadline
	 * either confirms or expires; such a row matches a filter naming either, and the
	 * service settles it before the page is shown (see
	 * {@link Negotiation#awaitsDeadline}). A constant: it does not depend on the request.
	 */
	private static final String EFFECTIVE_STATE_IN = "(CASE WHEN "
			+ Negotiation.overdueSql("p.negotiation_state", "n.expires_at")
			+ " THEN (CASE WHEN p.negotiation_state = 'awaiting_replies' AND n.on_deadline = 'pick_best'"
			+ " THEN ARRAY['expired', 'confirmed'] ELSE ARRAY['expired'] END)"
			+ " ELSE ARRAY[p.negotiation_state] END) && CAST(:states AS text[])";

	private NegotiationListSql() {
	}

	static KeysetSql query(UUID userId, ListQuery query, PageCursors.@Nullable Position after, Instant now, int limit) {
		return new KeysetSql(SELECT).bind("userId", userId)
			.bind("now", now)
			.andIfGiven((query.states() != null)
					? query.states().stream().map(NegotiationState::value).collect(Collectors.joining(",", "{", "}"))
					: null, "states", EFFECTIVE_STATE_IN)
			.andIf(query.role() == Role.ORGANIZER, "p.status = 'organizer'")
			.andIf(query.role() == Role.INVITEE, "p.status <> 'organizer'")
			.andIf(query.awaitingMe(), "p.awaiting_me AND n.expires_at > :now")
			.andIfGiven(query.updatedAfter(), "updatedAfter", "p.negotiation_updated_at > :updatedAfter")
			.page(after, "p.negotiation_updated_at", "p.negotiation_id", limit);
	}

	/**
	 * The negotiation row's copy of what a list row shows about the options (slot starts,
	 * venue count, the final slot's start; V5 says why it is kept there), as parameters
	 * of the statements that write the row: always taken from the domain's options.
	 */
	static Map<String, @Nullable Object> storedColumns(Negotiation negotiation) {
		Map<String, @Nullable Object> columns = new HashMap<>();
		columns.put("slotStarts",
				negotiation.slots()
					.stream()
					.map(ProposedSlot::startsAt)
					.sorted()
					.map(Instant::toString)
					.collect(Collectors.joining(",", "{", "}")));
		columns.put("venueCount", negotiation.venues().size());
		columns.put("finalStartsAt",
				negotiation.slots()
					.stream()
					.filter(slot -> slot.id().equals(negotiation.finalSlotId()))
					.findFirst()
					.map(slot -> Timestamp.from(slot.startsAt()))
					.orElse(null));
		return columns;
	}

	static NegotiationSummary summary(ResultSet row, Instant now) throws SQLException {
		Instant expiresAt = instant(row, "expires_at");
		NegotiationState state = NegotiationState.of(row.getString("state"));
		// An overdue row reads as expired, except one its deadline may still confirm:
		// that keeps its stored state here, and the service settles it before showing
		// the page.
		boolean overdue = Negotiation.isOverdue(state, expiresAt, now)
				&& !Negotiation.awaitsDeadline(state, OnDeadline.of(row.getString("on_deadline")), expiresAt, now);
		UUID finalSlotId = row.getObject("final_slot_id", UUID.class);
		Timestamp nextStartsAt = row.getTimestamp(finalSlotId != null ? "final_starts_at" : "next_open_starts_at");
		return new NegotiationSummary(row.getObject("id", UUID.class), row.getString("owner_uid"),
				row.getString("owner_name"), row.getString("title"), row.getString("intent_category"),
				(overdue ? NegotiationState.EXPIRED : state).value(), row.getBoolean("agent_mode"),
				row.getInt("agent_round"), row.getInt("revision"), row.getInt("participant_count"),
				row.getInt("accepted_count"), row.getString("my_status"), row.getBoolean("auto_confirm"),
				row.getString("on_deadline"), row.getInt("min_attendees"), finalSlotId,
				row.getObject("final_venue_id", UUID.class), row.getObject("attendee_count", Integer.class),
				row.getString("cancel_reason"), row.getInt("slot_count"), row.getInt("venue_count"),
				nextStartsAt == null ? null : nextStartsAt.toInstant(), row.getString("last_actor_uid"),
				row.getString("last_message_preview"), instant(row, "created_at"), instant(row, "updated_at"),
				expiresAt);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getTimestamp(column).toInstant();
	}

}
