package com.amiqo.kairos.ops;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.amiqo.kairos.support.ApiClient;
import com.amiqo.kairos.support.StandaloneApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the embedded defaults, data survives a restart and the local issuer's tokens work
 * end to end.
 */
class EmbeddedDatabasePersistenceTest {

	@TempDir
	Path workDirectory;

	@Test
	void dataWrittenBeforeARestartIsThereAfterIt() {
		String dataDirectory = "KAIROS_EMBEDDED_DB_DIR=" + workDirectory.resolve("postgres");
		String userId;
		try (StandaloneApp first = StandaloneApp.start(dataDirectory)) {
			String token = devToken(first.api(), "persistent-alice");
			assertThat(first.api().get("/health").send().status()).isEqualTo(200);
			JsonNode updated = first.api()
				.patch("/me")
				.token(token)
				.json("{\"display_name\": \"Alice Persisted\"}")
				.send()
				.data();
			userId = updated.path("id").asString();
		}

		try (StandaloneApp second = StandaloneApp.start(dataDirectory)) {
			String token = devToken(second.api(), "persistent-alice");
			JsonNode me = second.api().get("/me").token(token).send().data();

			assertThat(me.path("id").asString()).isEqualTo(userId);
			assertThat(me.path("display_name").asString()).isEqualTo("Alice Persisted");
		}
	}

	private static String devToken(ApiClient api, String uid) {
		ApiClient.ApiResponse issued = api.post("/dev/tokens").json("{\"uid\": \"" + uid + "\"}").send();
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		return issued.data().path("id_token").asString();
	}

}
