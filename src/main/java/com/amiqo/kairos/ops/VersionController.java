package com.amiqo.kairos.ops;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.Envelope;

/**
 * {@code GET /version} (public): what is running, from the build metadata Maven writes
 * into the jar.
 */
@Tag(name = "operations")
@RestController
class VersionController {

	static final String SCHEMA_VERSION = "negotiations-v1";

	private final Version version;

	VersionController(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git,
			KairosProperties kairos) {
		BuildProperties buildInfo = build.getIfAvailable();
		GitProperties gitInfo = git.getIfAvailable();
		String builtVersion = buildInfo != null ? buildInfo.getVersion() : null;
		this.version = new Version(builtVersion != null ? builtVersion : "unknown", SCHEMA_VERSION,
				kairos.environment().value(), buildInfo != null ? buildInfo.getTime() : null,
				gitInfo != null && gitInfo.getCommitId() != null ? gitInfo.getCommitId() : "unknown");
	}

	@Operation(operationId = "getVersion", summary = "What is running")
	@SecurityRequirements
	@GetMapping("/version")
	ResponseEntity<Envelope<Version>> version() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Envelope.of(version));
	}

	record Version(String backendVersion, String schemaVersion, String environment, @Nullable Instant buildTimestamp,
			String commitSha) {
	}

}
