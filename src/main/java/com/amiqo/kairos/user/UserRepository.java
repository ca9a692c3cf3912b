package com.amiqo.kairos.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code app_users}. */
@Repository
class UserRepository {

	private static final String COLUMNS = "id, firebase_uid, display_name, locale, feature_flags::text AS feature_flags, agent_mode_default, created_at, updated_at";

	private static final TypeReference<Map<String, Object>> FLAGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	UserRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<AppUser> findByFirebaseUid(String firebaseUid) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_users WHERE firebase_uid = :uid")
			.param("uid", firebaseUid)
			.query(this::toUser)
			.optional();
	}

	/**
	 * Creates the user unless a row for the UID exists already; concurrent first requests
	 * of the same user race on the unique index and exactly one insert wins.
	 */
	void insertIfAbsent(String firebaseUid, @Nullable String displayName, @Nullable String locale) {
		jdbc.sql("""
				INSERT INTO app_users (firebase_uid, display_name, locale)
				VALUES (:uid, :displayName, :locale)
				ON CONFLICT (firebase_uid) DO NOTHING
				""").param("uid", firebaseUid).param("displayName", displayName).param("locale", locale).update();
	}

	/** Applies the given changes (null = keep) and returns the updated row. */
	AppUser update(UUID id, ProfileChanges changes) {
		return jdbc.sql("""
				UPDATE app_users
				   SET display_name = COALESCE(:displayName, display_name),
				       locale = COALESCE(:locale, locale),
				       agent_mode_default = COALESCE(:agentModeDefault, agent_mode_default),
				       updated_at = now()
				 WHERE id = :id
				RETURNING %s
				""".formatted(COLUMNS))
			.param("id", id)
			.param("displayName", changes.displayName())
			.param("locale", changes.locale())
			.param("agentModeDefault", changes.agentModeDefault())
			.query(this::toUser)
			.single();
	}

	private AppUser toUser(ResultSet row, int rowNum) throws SQLException {
		return new AppUser(row.getObject("id", UUID.class), row.getString("firebase_uid"),
				row.getString("display_name"), row.getString("locale"),
				json.readValue(row.getString("feature_flags"), FLAGS), row.getBoolean("agent_mode_default"),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
	}

}
