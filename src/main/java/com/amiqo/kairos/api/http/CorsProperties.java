package com.amiqo.kairos.api.http;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Browsers on other origins allowed to call the API.
 *
 * @param allowedOrigins {@code KAIROS_CORS_ALLOWED_ORIGINS}: comma-separated origins such
 * as {@code https://app.example.com} (scheme, host, optional port; no path, no wildcard);
 * none by default
 */
@Validated
@ConfigurationProperties("kairos.cors")
public record CorsProperties(@NotNull List<@Pattern(regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?",
		message = "each origin must be scheme://host[:port] without a path") String> allowedOrigins) {
}
