package com.amiqo.kairos.ops;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.GitProperties;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /version} as built: from a git checkout it names the commit; a source
 * tarball has no {@code git.properties} and serves {@code "unknown"}
 * ({@link HealthAndVersionTest} checks that case whatever the checkout).
 */
class VersionTest extends ApiTest {

	@Autowired
	private ObjectProvider<GitProperties> gitProperties;

	@Test
	void versionReturnsBuildMetadataWithoutToken() {
		ApiResponse response = api.get("/version").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		assertThat(response.data().path("schema_version").asString()).isEqualTo("negotiations-v1");
		assertThat(response.data().path("environment").asString()).isEqualTo("local");
		assertThat(response.data().path("backend_version").asString()).isEqualTo("0.1.0-SNAPSHOT");
		GitProperties git = gitProperties.getIfAvailable();
		if (git != null && git.getCommitId() != null) {
			assertThat(response.data().path("commit_sha").asString()).matches("[0-9a-f]{40}")
				.isEqualTo(git.getCommitId());
		}
		else {
			assertThat(response.data().path("commit_sha").asString()).isEqualTo("unknown");
		}
		assertThat(response.data().path("build_timestamp").asString()).endsWith("Z");
	}

}
