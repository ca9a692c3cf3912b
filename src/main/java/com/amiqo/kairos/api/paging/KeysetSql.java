package com.amiqo.kairos.api.paging;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The statement of one keyset page of a list with optional filters, for every list
 * repository. A filter that is not in use is left out of the SQL, never switched off in
 * it with {@code (CAST(:x AS …) IS NULL OR column > :x)}: such an OR cannot become an
 * index condition, and once the JDBC driver prepares the statement on the server (from
 * its fifth execution) PostgreSQL may settle on a generic plan that has to keep every
 * such OR as a filter. With only the filters in use each shape of the query is planned
 * for what it asks, and the keyset bound stays an index condition on the list's
 * {@code (owner, updated_at DESC, id DESC)} index (see docs/query-plans.md, whose
 * statements are written the same way).
 */
public final class KeysetSql {

	private final StringBuilder sql;

	private final MapSqlParameterSource params = new MapSqlParameterSource();

	/**
	 * @param selectWhere the query up to and including its WHERE clause's required
	 * conditions
	 */
	public KeysetSql(String selectWhere) {
		this.sql = new StringBuilder(selectWhere.stripTrailing()).append('\n');
	}

	/** Binds a parameter the required part of the query uses. */
	public KeysetSql bind(String name, @Nullable Object value) {
		params.addValue(name, bindable(value));
		return this;
	}

	/** Adds a condition when its filter is in use. */
	public KeysetSql andIf(boolean inUse, String condition) {
		if (inUse) {
			sql.append(" AND ").append(condition).append('\n');
		}
		return this;
	}

	/**
	 * Adds a condition and binds {@code :name} to the value when the value is given.
	 */
	public KeysetSql andIfGiven(@Nullable Object value, String name, String condition) {
		if (value != null) {
			bind(name, value);
			andIf(true, condition);
		}
		return this;
	}

	/**
	 * Ends the statement as a keyset page, newest change first: rows strictly after the
	 * position when given, in {@code (updatedAt DESC, id DESC)} order, at most
	 * {@code limit} of them.
	 */
	public KeysetSql page(PageCursors.@Nullable Position after, String updatedAtColumn, String idColumn, int limit) {
		if (after != null) {
			bind("afterUpdatedAt", after.updatedAt()).bind("afterId", after.id());
			andIf(true, "(" + updatedAtColumn + ", " + idColumn + ") < (:afterUpdatedAt, :afterId)");
		}
		sql.append(" ORDER BY ")
			.append(updatedAtColumn)
			.append(" DESC, ")
			.append(idColumn)
			.append(" DESC LIMIT :limit");
		bind("limit", limit);
		return this;
	}

	public String sql() {
		return sql.toString();
	}

	public SqlParameterSource params() {
		return params;
	}

	private static @Nullable Object bindable(@Nullable Object value) {
		return (value instanceof Instant instant) ? Timestamp.from(instant) : value;
	}

}
