package com.amiqo.kairos.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import com.amiqo.kairos.ops.KairosProperties.DatabaseMode;
import com.amiqo.kairos.ops.KairosProperties.Environment;

/**
 * Checks the environment variables before any bean exists, so a bad deployment stops at
 * once with a message naming each offending variable, and never gets as far as touching a
 * database. In {@code prod} it also refuses every local-only convenience: the local token
 * issuer and the Firebase Auth Emulator mode. Values are never echoed, since some of them
 * are secrets. It runs just after logging is set up, so the refusal is one line in the
 * configured (prod: JSON) format, written by {@link SettingsFailureAnalyzer}. Rules on a
 * single value belong on the typed properties records instead (Bean Validation), which
 * that analyzer reports the same way.
 */
class StartupSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		List<String> problems = problems(event.getEnvironment(), System.getProperty("user.name"),
				ClassUtils.isPresent(EmbeddedDatabase.LIBRARY_CLASS, StartupSettingsCheck.class.getClassLoader()));
		if (!problems.isEmpty()) {
			throw new InvalidSettingsException(problems);
		}
	}

	static List<String> problems(org.springframework.core.env.Environment environment, String osUser) {
		return problems(environment, osUser, true);
	}

	static List<String> problems(org.springframework.core.env.Environment environment, String osUser,
			boolean embeddedDatabaseAvailable) {
		List<String> problems = new ArrayList<>();
		Optional<Environment> env = KairosProperties.environmentOf(environment);
		if (env.isEmpty()) {
			problems.add("KAIROS_ENV must be 'local' or 'prod'");
		}
		boolean prod = env.equals(Optional.of(Environment.PROD));
		String databaseUrl = KairosProperties.databaseUrlOf(environment);
		DatabaseMode databaseMode = DatabaseMode.of(databaseUrl);
		if (databaseUrl != null && databaseMode == DatabaseMode.SERVER
				&& !databaseUrl.startsWith("jdbc:postgresql://")) {
			problems.add("DATABASE_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database)");
		}
		boolean embedded = databaseMode == DatabaseMode.EMBEDDED && !prod;
		if (embedded && !embeddedDatabaseAvailable) {
			problems.add("DATABASE_URL is required: this packaged build has no embedded PostgreSQL"
					+ " (that is for ./mvnw spring-boot:run and the tests)");
		}
		else if (embedded && "root".equals(osUser)) {
			problems.add("DATABASE_URL is unset, and the embedded PostgreSQL cannot run as root (PostgreSQL refuses);"
					+ " run as a regular user (as .ci/run does) or set DATABASE_URL");
		}
		String localIssuer = environment.getProperty("kairos.auth.local-issuer");
		if (StringUtils.hasText(localIssuer) && !localIssuer.strip().matches("(?i)true|false")) {
			problems.add("KAIROS_LOCAL_ISSUER must be 'true' or 'false'");
		}
		String publicUrl = environment.getProperty("kairos.links.public-url");
		if (StringUtils.hasText(publicUrl) && !isPublicUrl(publicUrl)) {
			problems.add("KAIROS_PUBLIC_URL must be an absolute http(s) URL without query or fragment"
					+ " (e.g. https://kairos.example.com)");
		}
		if (prod) {
			if (databaseMode == DatabaseMode.EMBEDDED) {
				problems
					.add("DATABASE_URL is required when KAIROS_ENV=prod (the embedded database is for local use only)");
			}
			if (!StringUtils.hasText(environment.getProperty("kairos.auth.firebase-project-id"))) {
				problems.add("FIREBASE_PROJECT_ID is required when KAIROS_ENV=prod");
			}
			String cursorSecret = environment.getProperty("kairos.cursor.secret");
			if (!StringUtils.hasText(cursorSecret) || cursorSecret.length() < 32) {
				problems.add("KAIROS_CURSOR_SECRET is required when KAIROS_ENV=prod (at least 32 characters,"
						+ " the same on every instance)");
			}
			if (!StringUtils.hasText(publicUrl)) {
				problems
					.add("KAIROS_PUBLIC_URL is required when KAIROS_ENV=prod (the base of invite and calendar links)");
			}
			if (localIssuer != null && "true".equalsIgnoreCase(localIssuer.strip())) {
				problems.add("KAIROS_LOCAL_ISSUER must not be enabled when KAIROS_ENV=prod");
			}
			if (StringUtils.hasText(environment.getProperty("kairos.auth.emulator-host"))) {
				problems.add("FIREBASE_AUTH_EMULATOR_HOST must not be set when KAIROS_ENV=prod");
			}
			if (StringUtils.hasText(environment.getProperty("kairos.web-push.trusted-certificate"))) {
				problems.add("kairos.web-push.trusted-certificate (a test push service's certificate) must not be set"
						+ " when KAIROS_ENV=prod");
			}
		}
		return problems;
	}

	private static boolean isPublicUrl(String value) {
		try {
			java.net.URI uri = new java.net.URI(value.strip());
			return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
					&& uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null;
		}
		catch (java.net.URISyntaxException e) {
			return false;
		}
	}

	@Override
	public int getOrder() {
		// After application.yaml is loaded (environment post-processors) and logging is
		// configured.
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	static final class InvalidSettingsException extends IllegalStateException {

		private final List<String> problems;

		InvalidSettingsException(List<String> problems) {
			super("Invalid configuration, the service cannot start: " + String.join("; ", problems));
			this.problems = List.copyOf(problems);
		}

		List<String> problems() {
			return problems;
		}

	}

}
