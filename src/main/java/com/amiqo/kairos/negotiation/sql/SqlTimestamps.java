package com.amiqo.kairos.negotiation.sql;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Binding an optional instant as an SQL parameter, for every repository (JDBC takes a
 * null Timestamp as NULL).
 */
public final class SqlTimestamps {

	private SqlTimestamps() {
	}

	public static @Nullable Timestamp orNull(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
