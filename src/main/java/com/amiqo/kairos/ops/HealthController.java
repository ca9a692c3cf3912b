package com.amiqo.kairos.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.Envelope;
import com.amiqo.kairos.api.error.ApiErrors;
import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;

/**
 * {@code GET /health} (public): liveness plus a database round trip; 503 while the
 * database is away.
 */
@Tag(name = "operations")
@RestController
class HealthController {

	private final DatabaseCheck database;

	private final Clock clock;

	private final Instant startedAt;

	HealthController(DatabaseCheck database, Clock clock) {
		this.database = database;
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	@Operation(operationId = "getHealth", summary = "Liveness and database reachability")
	@SecurityRequirements
	@ApiErrors(ErrorCode.SERVICE_UNAVAILABLE)
	@GetMapping("/health")
	ResponseEntity<Envelope<Health>> health() {
		if (!database.isUp()) {
			throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The database is unreachable",
					Map.of("checks", Map.of("database", "unavailable"), "retryable", true));
		}
		Instant now = clock.instant();
		Health health = new Health("ok", Duration.between(startedAt, now).toSeconds(), now, Map.of("database", "ok"));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Envelope.of(health));
	}

	record Health(String status, long uptimeSeconds, Instant timestamp, Map<String, String> checks) {
	}

}
