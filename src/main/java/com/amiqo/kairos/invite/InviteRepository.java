package com.amiqo.kairos.invite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for invite links. Tokens never reach the database: only their SHA-256. */
@Repository
class InviteRepository {

	/** A link as stored, with whether it can still be used at {@code now}. */
	@SuppressWarnings("ArrayRecordComponent") // the hash is compared in constant time,
												// never by equals
	record StoredLink(UUID id, UUID negotiationId, byte[] tokenHash, Instant expiresAt, @Nullable Integer maxUses,
			int uses, @Nullable Instant revokedAt, Instant createdAt) {

		boolean isActive(Instant now) {
			return revokedAt == null && expiresAt.isAfter(now) && (maxUses == null || uses < maxUses);
		}

		InviteLinks.Link view(Instant now) {
			return new InviteLinks.Link(id, expiresAt, maxUses, uses, revokedAt, isActive(now), createdAt);
		}
	}

	/** A link found by its token, with what its preview shows, in one statement. */
	record Found(StoredLink link, InviteLinks.Preview preview, boolean sent, Instant negotiationExpiresAt) {
	}

	private static final String LINK_COLUMNS = """
			l.id, l.negotiation_id, l.token_hash, l.expires_at, l.max_uses, l.uses, l.revoked_at, l.created_at
			""";

	private final JdbcClient jdbc;

	InviteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredLink link) {
		jdbc.sql("""
				INSERT INTO invite_links (id, negotiation_id, token_hash, expires_at, max_uses, uses, created_at)
				VALUES (:id, :negotiationId, :hash, :expiresAt, :maxUses, 0, :createdAt)
				""")
			.param("id", link.id())
			.param("negotiationId", link.negotiationId())
			.param("hash", link.tokenHash())
			.param("expiresAt", Timestamp.from(link.expiresAt()))
			.param("maxUses", link.maxUses())
			.param("createdAt", Timestamp.from(link.createdAt()))
			.update();
	}

	int countActive(UUID negotiationId, Instant now) {
		return jdbc.sql("""
				SELECT count(*) FROM invite_links
				 WHERE negotiation_id = :negotiationId AND revoked_at IS NULL AND expires_at > :now
				   AND (max_uses IS NULL OR uses < max_uses)
				""")
			.param("negotiationId", negotiationId)
			.param("now", Timestamp.from(now))
			.query(Integer.class)
			.single();
	}

	List<StoredLink> list(UUID negotiationId) {
		return jdbc
			.sql("SELECT " + LINK_COLUMNS + " FROM invite_links l WHERE l.negotiation_id = :negotiationId"
					+ " ORDER BY l.created_at, l.id")
			.param("negotiationId", negotiationId)
			.query(InviteRepository::toLink)
			.list();
	}

	/**
	 * Revokes the link; false when the negotiation has no such link (revoking twice is
	 * fine).
	 */
	boolean revoke(UUID negotiationId, UUID linkId, Instant now) {
		return jdbc.sql("""
				UPDATE invite_links SET revoked_at = coalesce(revoked_at, :now)
				 WHERE id = :id AND negotiation_id = :negotiationId
				""")
			.param("now", Timestamp.from(now))
			.param("id", linkId)
			.param("negotiationId", negotiationId)
			.update() == 1;
	}

	/**
	 * The link with this token hash and what its preview needs, in one indexed statement
	 * whatever the outcome, so that every refusal costs the same.
	 */
	Optional<Found> findByHash(byte[] tokenHash, UUID viewerId) {
		return jdbc.sql("SELECT " + LINK_COLUMNS + """
				       , n.title, n.intent_category, n.state, n.sent, n.participant_count,
				       n.expires_at AS negotiation_expires_at,
				       o.firebase_uid AS organizer_uid, o.display_name AS organizer_name,
				       EXISTS (SELECT 1 FROM negotiation_participants p
				                WHERE p.negotiation_id = n.id AND p.user_id = :viewer) AS already_participant
				  FROM invite_links l
				  JOIN negotiations n ON n.id = l.negotiation_id
				  JOIN app_users o ON o.id = n.owner_id
				 WHERE l.token_hash = :hash
				""").param("hash", tokenHash).param("viewer", viewerId).query((row, n) -> {
			Instant negotiationExpiresAt = row.getTimestamp("negotiation_expires_at").toInstant();
			StoredLink link = toLink(row, n);
			InviteLinks.Preview preview = new InviteLinks.Preview(link.negotiationId(), row.getString("title"),
					row.getString("intent_category"),
					new InviteLinks.Organizer(row.getString("organizer_uid"), row.getString("organizer_name")),
					row.getInt("participant_count"), row.getString("state"), negotiationExpiresAt,
					row.getBoolean("already_participant"));
			return new Found(link, preview, row.getBoolean("sent"), negotiationExpiresAt);
		}).optional();
	}

	/**
	 * Counts one use if the link is still usable; false when it is revoked, expired or
	 * used up. Runs under the negotiation's row lock, so concurrent joins through one
	 * link queue here.
	 */
	boolean claimUse(UUID linkId, Instant now) {
		return jdbc.sql("""
				UPDATE invite_links SET uses = uses + 1
				 WHERE id = :id AND revoked_at IS NULL AND expires_at > :now AND (max_uses IS NULL OR uses < max_uses)
				""").param("id", linkId).param("now", Timestamp.from(now)).update() == 1;
	}

	private static StoredLink toLink(ResultSet row, int rowNum) throws SQLException {
		Timestamp revokedAt = row.getTimestamp("revoked_at");
		return new StoredLink(row.getObject("id", UUID.class), row.getObject("negotiation_id", UUID.class),
				row.getBytes("token_hash"), row.getTimestamp("expires_at").toInstant(),
				(Integer) row.getObject("max_uses"), row.getInt("uses"),
				revokedAt == null ? null : revokedAt.toInstant(), row.getTimestamp("created_at").toInstant());
	}

}
