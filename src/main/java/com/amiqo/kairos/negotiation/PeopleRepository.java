package com.amiqo.kairos.negotiation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.amiqo.kairos.api.paging.KeysetSql;
import com.amiqo.kairos.api.paging.PageCursors;

/**
 * The people a user shares plans with, read from the participant rows. A draft links its
 * organizer to the people it names, never the other way round: invitees do not know of a
 * draft. One row per person, keyed for paging by the latest change of a shared plan and
 * the person's internal id.
 */
@Repository
class PeopleRepository {

	/**
	 * The caller's own participant rows come from the {@code (user_id,
	 * negotiation_updated_at DESC, …)} index; the others' rows of those negotiations by
	 * the primary key.
	 */
	private static final String SELECT = """
			SELECT * FROM (
			    SELECT other.user_id AS id, u.firebase_uid, u.display_name,
			           max(mine.negotiation_updated_at) AS last_planned_at
			      FROM negotiation_participants mine
			      JOIN negotiations n ON n.id = mine.negotiation_id
			      JOIN negotiation_participants other
			        ON other.negotiation_id = mine.negotiation_id AND other.user_id <> mine.user_id
			      JOIN app_users u ON u.id = other.user_id
			     WHERE mine.user_id = :userId
			       AND (n.sent OR mine.status = 'organizer')
			     GROUP BY other.user_id, u.firebase_uid, u.display_name
			) people
			WHERE TRUE
			""";

	/** A person with the internal id that orders the page. */
	record Row(UUID id, Friend person) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	PeopleRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> page(UUID userId, PageCursors.@Nullable Position after, int limit) {
		KeysetSql sql = new KeysetSql(SELECT).bind("userId", userId).page(after, "last_planned_at", "id", limit);
		return jdbc.query(sql.sql(), sql.params(), (rs, n) -> {
			Timestamp planned = rs.getTimestamp("last_planned_at");
			return new Row(rs.getObject("id", UUID.class), new Friend(rs.getString("firebase_uid"),
					rs.getString("display_name"), planned == null ? Instant.EPOCH : planned.toInstant()));
		});
	}

}
