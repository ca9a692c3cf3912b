package com.amiqo.kairos.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.ETagged;
import com.amiqo.kairos.api.EncryptedBlob;
import com.amiqo.kairos.api.EncryptedBlobFields;
import com.amiqo.kairos.api.Envelope;
import com.amiqo.kairos.api.IfMatch;
import com.amiqo.kairos.api.error.ApiErrors;
import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.user.AgentPreferencesRepository.AgentPreferences;

/**
 * {@code GET}/{@code PUT /me/agent-preferences} (docs/reference.md#users): one opaque
 * blob per user that the iOS agent keeps for its other devices. The revision is the
 * {@code ETag}; a write with a stale {@code If-Match} (another device wrote meanwhile) is
 * {@code 412} and changes nothing. Each write is a single compare-and-set statement, so
 * two devices can never both win.
 */
@Tag(name = "users")
@RestController
class AgentPreferencesController {

	private final AgentPreferencesRepository preferences;

	private final Clock clock;

	AgentPreferencesController(AgentPreferencesRepository preferences, Clock clock) {
		this.preferences = preferences;
		this.clock = clock;
	}

	@EncryptedBlobFields(required = true)
	@Schema(name = "AgentPreferencesUpdate")
	record PutRequest(@Nullable String encryptedPayload,
			@Nullable Integer encryptedBlobVersion) implements EncryptedBlob.Fields {
	}

	@Operation(operationId = "getAgentPreferences", summary = "The caller's agent preferences blob")
	@ETagged
	@ApiErrors(ErrorCode.NOT_FOUND)
	@GetMapping("/me/agent-preferences")
	ResponseEntity<Envelope<AgentPreferences>> get(AppUser user) {
		return respond(preferences.find(user.id())
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No agent preferences saved yet")));
	}

	@Operation(operationId = "putAgentPreferences", summary = "Replace the caller's agent preferences blob")
	@ETagged
	@ApiErrors(ErrorCode.PRECONDITION_FAILED)
	@PutMapping("/me/agent-preferences")
	ResponseEntity<Envelope<AgentPreferences>> put(AppUser user, @Valid @RequestBody PutRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		EncryptedBlob blob = Objects.requireNonNull(EncryptedBlob.of(request), "a required payload");
		Integer expected = IfMatch.revisionOf(ifMatch);
		Instant now = clock.instant();
		if (expected == null) {
			return respond(preferences.upsert(user.id(), blob, now));
		}
		return respond(preferences.compareAndSet(user.id(), blob, expected, now).orElseThrow(() -> stale(user)));
	}

	private ApiException stale(AppUser user) {
		Optional<AgentPreferences> current = preferences.find(user.id());
		return new ApiException(ErrorCode.PRECONDITION_FAILED,
				"The agent preferences changed since this revision was read",
				current
					.<Map<String, Object>>map(
							stored -> Map.of("field", "If-Match", "current_revision", stored.revision()))
					.orElse(Map.of("field", "If-Match")));
	}

	private static ResponseEntity<Envelope<AgentPreferences>> respond(AgentPreferences stored) {
		return ResponseEntity.ok().eTag(Integer.toString(stored.revision())).body(Envelope.of(stored));
	}

}
