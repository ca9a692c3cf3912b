package com.amiqo.kairos.ops;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.validation.annotation.Validated;

import com.amiqo.kairos.api.WireValue;

/**
 * Deployment-wide settings: which environment this is and where the data lives. The one
 * home of "local or prod?" and "is {@code DATABASE_URL} set?"; code that runs before the
 * context binds this record (conditions, {@link StartupSettingsCheck}) asks the static
 * helpers below, which read the same properties.
 *
 * @param environment {@code KAIROS_ENV}: {@code local} (default: embedded defaults,
 * readable logs) or {@code prod} (JSON logs, development conveniences refused, production
 * settings required)
 * @param database where the data lives
 */
@Validated
@ConfigurationProperties(KairosProperties.PREFIX)
public record KairosProperties(@NotNull Environment environment, @NotNull @Valid Database database) {

	static final String PREFIX = "kairos";

	public boolean isProduction() {
		return environment == Environment.PROD;
	}

	public DatabaseMode databaseMode() {
		return database.mode();
	}

	/**
	 * {@code KAIROS_ENV} before the context exists; empty when it is not exactly
	 * {@code local} or {@code prod}.
	 */
	static Optional<Environment> environmentOf(org.springframework.core.env.Environment environment) {
		return Environment.parse(environment.getProperty(PREFIX + ".environment"));
	}

	/**
	 * Whether {@code DATABASE_URL} is set, for code that runs before this record is bound
	 * (conditions): the same property through Spring Boot's binder.
	 */
	public static DatabaseMode databaseModeOf(org.springframework.core.env.Environment environment) {
		return DatabaseMode.of(databaseUrlOf(environment));
	}

	/** {@code DATABASE_URL} before the context exists; null when unset. */
	static @Nullable String databaseUrlOf(org.springframework.core.env.Environment environment) {
		return Binder.get(environment).bind(PREFIX + ".database.url", String.class).orElse(null);
	}

	/** {@code KAIROS_ENV}; its wire value is also the name of the Spring profile. */
	public enum Environment implements WireValue<Environment> {

		LOCAL, PROD;

		/**
		 * Exactly {@code local} or {@code prod}, nothing looser: the value also activates
		 * the Spring profile of that name, so {@code PROD} must not pass for
		 * {@code prod}.
		 */
		static Optional<Environment> parse(@Nullable String value) {
			return Arrays.stream(values()).filter(constant -> constant.value().equals(value)).findFirst();
		}

	}

	/** Where the data lives, decided by {@code DATABASE_URL} alone. */
	public enum DatabaseMode {

		/**
		 * No {@code DATABASE_URL}: the embedded PostgreSQL (local runs and tests; refused
		 * in {@code prod}).
		 */
		EMBEDDED,
		/** {@code DATABASE_URL} names a PostgreSQL server. */
		SERVER;

		static DatabaseMode of(@Nullable String databaseUrl) {
			return databaseUrl == null || databaseUrl.isBlank() ? EMBEDDED : SERVER;
		}

	}

	/**
	 * Where the data lives.
	 *
	 * @param url {@code DATABASE_URL}: JDBC URL of the PostgreSQL server
	 * ({@code jdbc:postgresql://host:5432/kairos}); unset means the embedded database
	 * @param username {@code DATABASE_USER}
	 * @param password {@code DATABASE_PASSWORD}; never logged
	 * @param embedded the embedded PostgreSQL used when {@code url} is unset
	 */
	public record Database(@Nullable String url, @Nullable String username, @Nullable String password,
			@NotNull Embedded embedded) {

		public DatabaseMode mode() {
			return DatabaseMode.of(url);
		}

		@Override
		public String toString() {
			// The password never reaches a log line, nor the URL (it may carry
			// credentials).
			return "Database[" + mode() + "]";
		}

	}

	/**
	 * The embedded PostgreSQL.
	 *
	 * @param dataDirectory {@code KAIROS_EMBEDDED_DB_DIR}: data directory, kept across
	 * restarts
	 * @param ephemeral start from an empty temporary directory and delete it on shutdown
	 * (tests)
	 */
	public record Embedded(@NotNull Path dataDirectory, boolean ephemeral) {
	}

}
