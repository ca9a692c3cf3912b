package com.amiqo.kairos.ops;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where people reach the service from outside, for links it hands out (invite links,
 * calendar feed URLs). Its form is checked before startup ({@link StartupSettingsCheck}),
 * naming the variable.
 *
 * @param publicUrl {@code KAIROS_PUBLIC_URL}: absolute http(s) URL without query or
 * fragment, e.g. {@code https://kairos.amiqo.app}; required in prod,
 * {@code http://localhost:8080} locally
 */
@Validated
@ConfigurationProperties("kairos.links")
public record PublicUrlProperties(@NotNull URI publicUrl) {

	/**
	 * An absolute URL under the public one: {@code link("/i/abc")} →
	 * {@code https://kairos.amiqo.app/i/abc}.
	 */
	public String link(String path) {
		String base = publicUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}
}
