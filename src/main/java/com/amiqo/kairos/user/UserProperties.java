package com.amiqo.kairos.user;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param profileCacheTtl how long an instance reuses the profile it last read for a
 * signed-in user ({@code KAIROS_PROFILE_CACHE_TTL}); a profile changed through another
 * instance shows up here within this bound, through this one at once
 */
@Validated
@ConfigurationProperties("kairos.users")
record UserProperties(@NotNull Duration profileCacheTtl) {
}
