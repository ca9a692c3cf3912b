package com.amiqo.kairos.ops;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.env.MockEnvironment;

import com.amiqo.kairos.ops.KairosProperties.DatabaseMode;
import com.amiqo.kairos.ops.KairosProperties.Environment;

import static org.assertj.core.api.Assertions.assertThat;

class KairosPropertiesTest {

	@Test
	void environmentOfWhenExactlyLocalOrProdGivesTheConstant() {
		assertThat(KairosProperties.environmentOf(new MockEnvironment().withProperty("kairos.environment", "local")))
			.contains(Environment.LOCAL);
		assertThat(KairosProperties.environmentOf(new MockEnvironment().withProperty("kairos.environment", "prod")))
			.contains(Environment.PROD);
	}

	/** The value also names the Spring profile, so no looser spelling may pass. */
	@ParameterizedTest
	@ValueSource(strings = { "PROD", "Prod", "production", "staging", "", " prod" })
	void environmentOfWhenNotExactlyLocalOrProdIsEmpty(String value) {
		assertThat(KairosProperties.environmentOf(new MockEnvironment().withProperty("kairos.environment", value)))
			.isEmpty();
	}

	@Test
	void environmentOfWhenUnsetIsEmpty() {
		assertThat(KairosProperties.environmentOf(new MockEnvironment())).isEmpty();
	}

	@Test
	void databaseModeOfWhenUrlUnsetOrBlankIsEmbedded() {
		assertThat(KairosProperties.databaseModeOf(new MockEnvironment())).isEqualTo(DatabaseMode.EMBEDDED);
		assertThat(KairosProperties.databaseModeOf(new MockEnvironment().withProperty("kairos.database.url", "")))
			.isEqualTo(DatabaseMode.EMBEDDED);
		assertThat(KairosProperties.databaseModeOf(new MockEnvironment().withProperty("kairos.database.url", "  ")))
			.isEqualTo(DatabaseMode.EMBEDDED);
	}

	@Test
	void databaseModeOfWhenUrlSetIsServerAndAgreesWithTheBoundRecord() {
		String url = "jdbc:postgresql://db.internal:5432/kairos";
		KairosProperties.Database database = new KairosProperties.Database(url, "kairos", "secret",
				new KairosProperties.Embedded(Path.of(".kairos/postgres"), false));

		assertThat(KairosProperties.databaseModeOf(new MockEnvironment().withProperty("kairos.database.url", url)))
			.isEqualTo(DatabaseMode.SERVER)
			.isEqualTo(database.mode());
	}

	@Test
	void toStringWhenDatabaseSetNamesNeitherUrlNorPassword() {
		KairosProperties properties = new KairosProperties(Environment.PROD,
				new KairosProperties.Database("jdbc:postgresql://user:hunter2@db/kairos", "kairos", "hunter2",
						new KairosProperties.Embedded(Path.of(".kairos/postgres"), false)));

		assertThat(properties.toString()).doesNotContain("hunter2").doesNotContain("jdbc:");
	}

}
