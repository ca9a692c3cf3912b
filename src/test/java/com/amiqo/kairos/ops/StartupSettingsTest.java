package com.amiqo.kairos.ops;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import com.amiqo.kairos.KairosApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Startup refuses unsafe or incomplete production settings, naming each one
 * (docs/reference.md#authentication, docs/reference.md#health-and-version).
 */
class StartupSettingsTest {

	private static final String[] COMPLETE_PROD = { "KAIROS_ENV=prod",
			"DATABASE_URL=jdbc:postgresql://db.internal:5432/kairos", "FIREBASE_PROJECT_ID=kairos-prod",
			"KAIROS_CURSOR_SECRET=0123456789abcdef0123456789abcdef", "KAIROS_PUBLIC_URL=https://kairos.example.com" };

	@Test
	void startupInProdWithLocalIssuerEnabledFailsNamingTheSetting() {
		assertThatThrownBy(() -> start(COMPLETE_PROD, "KAIROS_LOCAL_ISSUER=true"))
			.hasMessageContaining("KAIROS_LOCAL_ISSUER must not be enabled when KAIROS_ENV=prod");
	}

	@Test
	void startupInProdWithEmulatorHostFailsNamingTheSetting() {
		assertThatThrownBy(() -> start(COMPLETE_PROD, "FIREBASE_AUTH_EMULATOR_HOST=localhost:9099"))
			.hasMessageContaining("FIREBASE_AUTH_EMULATOR_HOST must not be set when KAIROS_ENV=prod");
	}

	@Test
	void startupInProdWithATestPushServiceCertificateFailsNamingTheSetting() {
		assertThatThrownBy(() -> start(COMPLETE_PROD, "kairos.web-push.trusted-certificate=/tmp/ca.pem"))
			.hasMessageContaining("kairos.web-push.trusted-certificate")
			.hasMessageContaining("must not be set when KAIROS_ENV=prod");
	}

	@Test
	void startupInProdWithoutDatabaseUrlFailsNamingIt() {
		assertThatThrownBy(() -> start(new String[] { "KAIROS_ENV=prod", "FIREBASE_PROJECT_ID=kairos-prod" }))
			.hasMessageContaining("DATABASE_URL is required when KAIROS_ENV=prod");
	}

	@Test
	void startupInProdWithoutFirebaseProjectIdFailsNamingIt() {
		assertThatThrownBy(() -> start(
				new String[] { "KAIROS_ENV=prod", "DATABASE_URL=jdbc:postgresql://db.internal:5432/kairos" }))
			.hasMessageContaining("FIREBASE_PROJECT_ID is required when KAIROS_ENV=prod");
	}

	@Test
	void startupInProdWithoutCursorSecretFailsNamingIt() {
		assertThatThrownBy(() -> start(new String[] { "KAIROS_ENV=prod", "FIREBASE_PROJECT_ID=kairos-prod",
				"DATABASE_URL=jdbc:postgresql://db.internal:5432/kairos", "KAIROS_CURSOR_SECRET=short" }))
			.hasMessageContaining("KAIROS_CURSOR_SECRET is required when KAIROS_ENV=prod")
			.hasMessageNotContaining("short");
	}

	@Test
	void startupInProdWithoutPublicUrlFailsNamingIt() {
		assertThatThrownBy(() -> start(java.util.Arrays.copyOf(COMPLETE_PROD, COMPLETE_PROD.length - 1)))
			.hasMessageContaining("KAIROS_PUBLIC_URL is required when KAIROS_ENV=prod");
	}

	@Test
	void problemsRefusesAPublicUrlThatIsNotAnAbsoluteHttpUrl() {
		for (String bad : new String[] { "kairos.example.com", "ftp://kairos.example.com", "https://x.example/?a=1",
				"https://x.example/#f", "https://" }) {
			MockEnvironment environment = new MockEnvironment().withProperty("kairos.environment", "local")
				.withProperty("kairos.database.url", "jdbc:postgresql://db/kairos")
				.withProperty("kairos.links.public-url", bad);
			assertThat(StartupSettingsCheck.problems(environment, "kairos")).as(bad)
				.singleElement()
				.asString()
				.startsWith("KAIROS_PUBLIC_URL must be an absolute http(s) URL");
		}
	}

	@Test
	void startupWithUnknownEnvironmentFailsNamingIt() {
		assertThatThrownBy(() -> start(new String[] { "KAIROS_ENV=staging" }))
			.hasMessageContaining("KAIROS_ENV must be 'local' or 'prod'");
	}

	@Test
	void startupWithNonJdbcDatabaseUrlFailsNamingIt() {
		assertThatThrownBy(() -> start(new String[] { "DATABASE_URL=postgres://user:secret@db/kairos" }))
			.hasMessageContaining("DATABASE_URL must be a PostgreSQL JDBC URL")
			.hasMessageNotContaining("secret");
	}

	@Test
	void problemsListsEveryMissingProdSettingAtOnce() {
		MockEnvironment environment = new MockEnvironment().withProperty("kairos.environment", "prod")
			.withProperty("kairos.auth.local-issuer", "true")
			.withProperty("kairos.auth.emulator-host", "localhost:9099");

		assertThat(StartupSettingsCheck.problems(environment, "kairos")).hasSize(6);
	}

	@Test
	void problemsIsEmptyForCompleteProdSettings() {
		MockEnvironment environment = new MockEnvironment().withProperty("kairos.environment", "prod")
			.withProperty("kairos.database.url", "jdbc:postgresql://db/kairos")
			.withProperty("kairos.auth.firebase-project-id", "kairos-prod")
			.withProperty("kairos.auth.local-issuer", "false")
			.withProperty("kairos.cursor.secret", "0123456789abcdef0123456789abcdef")
			.withProperty("kairos.links.public-url", "https://kairos.example.com");

		assertThat(StartupSettingsCheck.problems(environment, "kairos")).isEmpty();
	}

	@Test
	void problemsIsEmptyForLocalDefaults() {
		assertThat(StartupSettingsCheck.problems(new MockEnvironment().withProperty("kairos.environment", "local"),
				"kairos"))
			.isEmpty();
	}

	@Test
	void problemsRefusesTheEmbeddedDatabaseForRoot() {
		MockEnvironment environment = new MockEnvironment().withProperty("kairos.environment", "local");

		assertThat(StartupSettingsCheck.problems(environment, "root")).singleElement()
			.asString()
			.contains("cannot run as root");
		assertThat(StartupSettingsCheck
			.problems(environment.withProperty("kairos.database.url", "jdbc:postgresql://db/kairos"), "root"))
			.isEmpty();
	}

	@Test
	void problemsWhenThePackagedBuildHasNoEmbeddedDatabaseAsksForDatabaseUrl() {
		MockEnvironment environment = new MockEnvironment().withProperty("kairos.environment", "local");

		assertThat(StartupSettingsCheck.problems(environment, "root", false))
			.containsExactly("DATABASE_URL is required: this packaged build has no embedded PostgreSQL"
					+ " (that is for ./mvnw spring-boot:run and the tests)");
		assertThat(StartupSettingsCheck.problems(environment.withProperty("kairos.environment", "prod"), "root", false))
			.filteredOn(problem -> problem.startsWith("DATABASE_URL"))
			.singleElement()
			.asString()
			.startsWith("DATABASE_URL is required when KAIROS_ENV=prod");
	}

	private static void start(String[] settings, String... more) {
		new SpringApplicationBuilder(KairosApplication.class).properties(settings)
			.properties(more)
			.properties("PORT=0", "MANAGEMENT_PORT=0")
			.run()
			.close();
	}

}
