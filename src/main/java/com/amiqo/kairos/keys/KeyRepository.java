package com.amiqo.kairos.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the key directory and the wrapped plan keys. */
@Repository
class KeyRepository {

	private final JdbcClient jdbc;

	KeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored public key and whose it is. */
	record StoredKey(String keyId, UUID userId, String uid, PublicJwk publicKey, @Nullable String label,
			Instant createdAt) {
	}

	/** A stored wrapping: only what deciding no-op or conflict needs. */
	record StoredWrapping(String recipientKeyId, String wrappedKey, int wrappedKeyVersion) {
	}

	/**
	 * Serialises the caller's key writes, so the per-user limit holds under concurrency.
	 */
	void lockUser(UUID userId) {
		jdbc.sql("SELECT id FROM app_users WHERE id = :id FOR UPDATE").param("id", userId).query(UUID.class).single();
	}

	Optional<StoredKey> find(String keyId) {
		return jdbc.sql(SELECT + " WHERE k.key_id = :keyId").param("keyId", keyId).query(KeyRepository::key).optional();
	}

	int count(UUID userId) {
		return jdbc.sql("SELECT count(*) FROM user_keys WHERE user_id = :userId")
			.param("userId", userId)
			.query(Integer.class)
			.single();
	}

	/** Inserts the key unless its id exists; true when inserted. */
	boolean insert(UUID userId, String keyId, PublicJwk key, @Nullable String label, Instant now) {
		return jdbc.sql("""
				INSERT INTO user_keys (key_id, user_id, x, y, label, created_at)
				VALUES (:keyId, :userId, :x, :y, :label, :now)
				ON CONFLICT (key_id) DO NOTHING
				""")
			.param("keyId", keyId)
			.param("userId", userId)
			.param("x", key.x())
			.param("y", key.y())
			.param("label", label)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void relabel(String keyId, @Nullable String label) {
		jdbc.sql("UPDATE user_keys SET label = :label WHERE key_id = :keyId AND label IS DISTINCT FROM :label")
			.param("keyId", keyId)
			.param("label", label)
			.update();
	}

	/** The user's keys, oldest first. */
	List<StoredKey> keysOf(UUID userId) {
		return jdbc.sql(SELECT + " WHERE k.user_id = :userId ORDER BY k.created_at, k.key_id")
			.param("userId", userId)
			.query(KeyRepository::key)
			.list();
	}

	/** A participant's key, and whether the negotiation's plan key is wrapped for it. */
	record ParticipantKey(StoredKey key, boolean wrapped) {
	}

	/** The keys of these users, by user then age, each with whether it has a wrapping. */
	List<ParticipantKey> keysOf(UUID negotiationId, Collection<UUID> userIds) {
		return jdbc.sql("""
				SELECT k.key_id, k.user_id, u.firebase_uid, k.x, k.y, k.label, k.created_at,
				       EXISTS (SELECT 1 FROM negotiation_wrapped_keys w
				                WHERE w.negotiation_id = :id AND w.recipient_key_id = k.key_id) AS wrapped
				  FROM user_keys k JOIN app_users u ON u.id = k.user_id
				 WHERE k.user_id = ANY(:users)
				 ORDER BY u.firebase_uid, k.created_at, k.key_id
				""")
			.param("id", negotiationId)
			.param("users", userIds.toArray(UUID[]::new))
			.query((row, n) -> new ParticipantKey(key(row, n), row.getBoolean("wrapped")))
			.list();
	}

	/**
	 * The keys with these ids, share-locked until the transaction ends so none can be
	 * deleted before wrappings for it are written.
	 */
	List<StoredKey> lockKeys(Collection<String> keyIds) {
		return jdbc.sql(SELECT + " WHERE k.key_id = ANY(:keys) FOR KEY SHARE OF k")
			.param("keys", keyIds.toArray(String[]::new))
			.query(KeyRepository::key)
			.list();
	}

	/** Deletes the key if it is this user's; its wrappings go with it (cascade). */
	boolean delete(UUID userId, String keyId) {
		return jdbc.sql("DELETE FROM user_keys WHERE key_id = :keyId AND user_id = :userId")
			.param("keyId", keyId)
			.param("userId", userId)
			.update() == 1;
	}

	List<StoredWrapping> wrappings(UUID negotiationId, Collection<String> keyIds) {
		return jdbc.sql("""
				SELECT recipient_key_id, wrapped_key, wrapped_key_version FROM negotiation_wrapped_keys
				 WHERE negotiation_id = :id AND recipient_key_id = ANY(:keys)
				""")
			.param("id", negotiationId)
			.param("keys", keyIds.toArray(String[]::new))
			.query((row, n) -> new StoredWrapping(row.getString("recipient_key_id"), row.getString("wrapped_key"),
					row.getInt("wrapped_key_version")))
			.list();
	}

	/** A new wrapping; the caller has checked none exists for the key. */
	void insertWrapping(UUID negotiationId, StoredKey recipient, String wrappedKey, int version, UUID wrappedBy,
			Instant now) {
		jdbc.sql("""
				INSERT INTO negotiation_wrapped_keys (negotiation_id, recipient_key_id, recipient_user_id, wrapped_key,
				                                      wrapped_key_version, wrapped_by, created_at)
				VALUES (:id, :keyId, :userId, :wrappedKey, :version, :wrappedBy, :now)
				""")
			.param("id", negotiationId)
			.param("keyId", recipient.keyId())
			.param("userId", recipient.userId())
			.param("wrappedKey", wrappedKey)
			.param("version", version)
			.param("wrappedBy", wrappedBy)
			.param("now", Timestamp.from(now))
			.update();
	}

	private static final String SELECT = """
			SELECT k.key_id, k.user_id, u.firebase_uid, k.x, k.y, k.label, k.created_at
			  FROM user_keys k JOIN app_users u ON u.id = k.user_id""";

	private static StoredKey key(ResultSet row, int n) throws SQLException {
		return new StoredKey(row.getString("key_id"), row.getObject("user_id", UUID.class),
				row.getString("firebase_uid"), new PublicJwk("EC", "P-256", row.getString("x"), row.getString("y")),
				row.getString("label"), row.getTimestamp("created_at").toInstant());
	}

}
