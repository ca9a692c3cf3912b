package com.amiqo.kairos.user;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.ApiErrors;
import com.amiqo.kairos.api.ApiException;
import com.amiqo.kairos.api.ApiResponse;
import com.amiqo.kairos.api.ETagged;
import com.amiqo.kairos.api.EncryptedBlob;
import com.amiqo.kairos.api.ErrorCode;
import com.amiqo.kairos.api.IfMatch;

/**
 * {@code GET}/{@code PUT /me/agent-preferences} (SPEC §4): one opaque blob per user that the iOS
 * agent keeps for its other devices. The revision is the {@code ETag}; a write with a stale
 * {@code If-Match} (another device wrote meanwhile) is {@code 412} and changes nothing. Each write
 * is a single compare-and-set statement, so two devices can never both win.
 */
@Tag(name = "users")
@RestController
class AgentPreferencesController {

    private final JdbcClient jdbc;
    private final Clock clock;

    AgentPreferencesController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record PutRequest(@Nullable String encryptedPayload, @Nullable Integer encryptedBlobVersion) {
    }

    record AgentPreferences(String encryptedPayload, int encryptedBlobVersion, int revision, Instant updatedAt) {

        @Override
        public String toString() {
            return "AgentPreferences[revision=" + revision + "]";
        }
    }

    @Operation(operationId = "getAgentPreferences", summary = "The caller's agent preferences blob")
    @ETagged
    @ApiErrors(ErrorCode.NOT_FOUND)
    @GetMapping("/me/agent-preferences")
    ResponseEntity<ApiResponse<AgentPreferences>> get(AppUser user) {
        AgentPreferences preferences = find(user.id());
        if (preferences == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No agent preferences saved yet");
        }
        return respond(preferences);
    }

    @Operation(operationId = "putAgentPreferences", summary = "Replace the caller's agent preferences blob")
    @ETagged
    @ApiErrors(ErrorCode.PRECONDITION_FAILED)
    @PutMapping("/me/agent-preferences")
    ResponseEntity<ApiResponse<AgentPreferences>> put(AppUser user, @RequestBody PutRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        if (request.encryptedPayload() == null) {
            throw ApiException.invalidField("encrypted_payload", "is required");
        }
        EncryptedBlob blob = Objects.requireNonNull(
                EncryptedBlob.of(request.encryptedPayload(), request.encryptedBlobVersion(), ""), "payload checked above");
        Integer expected = IfMatch.revisionOf(ifMatch);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AgentPreferences written = expected == null ? upsert(user.id(), blob, now)
                : compareAndSet(user.id(), blob, expected, now);
        if (written == null) {
            AgentPreferences current = find(user.id());
            throw new ApiException(ErrorCode.PRECONDITION_FAILED,
                    "The agent preferences changed since this revision was read", current == null
                            ? Map.of("field", "If-Match")
                            : Map.of("field", "If-Match", "current_revision", current.revision()));
        }
        return respond(written);
    }

    private @Nullable AgentPreferences upsert(UUID userId, EncryptedBlob blob, Instant now) {
        return jdbc.sql("""
                INSERT INTO agent_preferences (user_id, encrypted_payload, encrypted_blob_version, revision, updated_at)
                VALUES (:userId, :payload, :version, 1, :now)
                ON CONFLICT (user_id) DO UPDATE
                   SET encrypted_payload = excluded.encrypted_payload,
                       encrypted_blob_version = excluded.encrypted_blob_version,
                       revision = agent_preferences.revision + 1, updated_at = excluded.updated_at
                RETURNING encrypted_payload, encrypted_blob_version, revision, updated_at
                """)
                .param("userId", userId).param("payload", blob.payload()).param("version", blob.version())
                .param("now", java.sql.Timestamp.from(now))
                .query(AgentPreferencesController::row).optional().orElse(null);
    }

    /** Writes only over the given revision; {@code If-Match} before the first write never matches. */
    private @Nullable AgentPreferences compareAndSet(UUID userId, EncryptedBlob blob, int expected, Instant now) {
        return jdbc.sql("""
                UPDATE agent_preferences
                   SET encrypted_payload = :payload, encrypted_blob_version = :version, revision = revision + 1,
                       updated_at = :now
                 WHERE user_id = :userId AND revision = :expected
                RETURNING encrypted_payload, encrypted_blob_version, revision, updated_at
                """)
                .param("userId", userId).param("payload", blob.payload()).param("version", blob.version())
                .param("expected", expected).param("now", java.sql.Timestamp.from(now))
                .query(AgentPreferencesController::row).optional().orElse(null);
    }

    private @Nullable AgentPreferences find(UUID userId) {
        return jdbc.sql("""
                SELECT encrypted_payload, encrypted_blob_version, revision, updated_at
                  FROM agent_preferences WHERE user_id = :userId
                """)
                .param("userId", userId).query(AgentPreferencesController::row).optional().orElse(null);
    }

    private static ResponseEntity<ApiResponse<AgentPreferences>> respond(AgentPreferences preferences) {
        return ResponseEntity.ok().eTag(Integer.toString(preferences.revision())).body(ApiResponse.of(preferences));
    }

    private static AgentPreferences row(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new AgentPreferences(row.getString("encrypted_payload"), row.getInt("encrypted_blob_version"),
                row.getInt("revision"), row.getTimestamp("updated_at").toInstant());
    }
}
