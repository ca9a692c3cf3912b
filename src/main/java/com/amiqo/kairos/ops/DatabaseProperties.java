package com.amiqo.kairos.ops;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives.
 *
 * @param url {@code DATABASE_URL}: JDBC URL of the PostgreSQL server
 * ({@code jdbc:postgresql://host:5432/kairos}); unset means the embedded database
 * @param username {@code DATABASE_USER}
 * @param password {@code DATABASE_PASSWORD}; never logged
 * @param embedded the embedded PostgreSQL used when {@code url} is unset
 */
@ConfigurationProperties("kairos.database")
record DatabaseProperties(@Nullable String url, @Nullable String username, @Nullable String password,
		Embedded embedded) {

	public boolean useEmbedded() {
		return url == null || url.isBlank();
	}

	/**
	 * @param dataDirectory {@code KAIROS_EMBEDDED_DB_DIR}: data directory, kept across
	 * restarts
	 * @param ephemeral start from an empty temporary directory and delete it on shutdown
	 * (tests)
	 */
	public record Embedded(Path dataDirectory, boolean ephemeral) {
	}
}
