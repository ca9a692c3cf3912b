package com.amiqo.kairos.ops;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Deployment-wide settings.
 *
 * @param environment {@code KAIROS_ENV}: {@code local} (default: embedded defaults,
 * readable logs) or {@code prod} (JSON logs, development conveniences refused, production
 * settings required)
 */
@Validated
@ConfigurationProperties("kairos")
public record KairosProperties(@NotBlank @Pattern(regexp = "local|prod") String environment) {

	public boolean isProduction() {
		return "prod".equals(environment);
	}
}
