package com.amiqo.kairos.api.paging;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Paging cursors.
 *
 * @param secret {@code KAIROS_CURSOR_SECRET}: HMAC key (at least 32 characters) that
 * signs cursors; required in prod and shared by all instances so any of them accepts any
 * cursor. Unset locally: a random key per start (cursors then die with a restart).
 * @param ttl how long a cursor stays valid
 */
@Validated
@ConfigurationProperties("kairos.cursor")
public record CursorProperties(@Nullable String secret, @NotNull Duration ttl) {
}
