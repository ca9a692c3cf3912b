package com.amiqo.kairos.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.amiqo.kairos.api.EncryptedBlob;

/**
 * The one agent-preferences row per user. Each write is a single statement (an upsert, or
 * a compare-and-set on the revision), so two devices writing at once can never both win.
 */
@Repository
class AgentPreferencesRepository {

	private static final String COLUMNS = "encrypted_payload, encrypted_blob_version, revision, updated_at";

	private final JdbcClient jdbc;

	AgentPreferencesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AgentPreferences> find(UUID userId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM agent_preferences WHERE user_id = :userId")
			.param("userId", userId)
			.query(AgentPreferencesRepository::row)
			.optional();
	}

	/**
	 * Writes whatever revision is stored (no {@code If-Match}): the first write is
	 * revision 1.
	 */
	AgentPreferences upsert(UUID userId, EncryptedBlob blob, Instant now) {
		return jdbc.sql("""
				INSERT INTO agent_preferences (user_id, encrypted_payload, encrypted_blob_version, revision, updated_at)
				VALUES (:userId, :payload, :version, 1, :now)
				ON CONFLICT (user_id) DO UPDATE
				   SET encrypted_payload = excluded.encrypted_payload,
				       encrypted_blob_version = excluded.encrypted_blob_version,
				       revision = agent_preferences.revision + 1, updated_at = excluded.updated_at
				RETURNING\s""" + COLUMNS)
			.param("userId", userId)
			.param("payload", blob.payload())
			.param("version", blob.version())
			.param("now", Timestamp.from(now))
			.query(AgentPreferencesRepository::row)
			.single();
	}

	/**
	 * Writes only over the given revision; empty when it is not the stored one (or
	 * nothing is stored yet).
	 */
	Optional<AgentPreferences> compareAndSet(UUID userId, EncryptedBlob blob, int expected, Instant now) {
		return jdbc.sql("""
				UPDATE agent_preferences
				   SET encrypted_payload = :payload, encrypted_blob_version = :version, revision = revision + 1,
				       updated_at = :now
				 WHERE user_id = :userId AND revision = :expected
				RETURNING\s""" + COLUMNS)
			.param("userId", userId)
			.param("payload", blob.payload())
			.param("version", blob.version())
			.param("expected", expected)
			.param("now", Timestamp.from(now))
			.query(AgentPreferencesRepository::row)
			.optional();
	}

	private static AgentPreferences row(ResultSet row, int n) throws SQLException {
		return new AgentPreferences(row.getString("encrypted_payload"), row.getInt("encrypted_blob_version"),
				row.getInt("revision"), row.getTimestamp("updated_at").toInstant());
	}

	/**
	 * The stored blob and its revision (the {@code ETag}); never printed with its
	 * payload.
	 */
	record AgentPreferences(String encryptedPayload, int encryptedBlobVersion, int revision, Instant updatedAt) {

		@Override
		public String toString() {
			return "AgentPreferences[revision=" + revision + "]";
		}
	}

}
