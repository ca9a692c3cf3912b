package com.amiqo.kairos.api.http;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import com.amiqo.kairos.api.error.ErrorResponseWriter;

/**
 * CORS for the origins in {@code KAIROS_CORS_ALLOWED_ORIGINS}. Used by the security
 * filter chain, so a preflight is answered before authentication (browsers send it
 * without the token). Bearer tokens need no credentials mode, so none is allowed.
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginConfiguration {

	/** Refusals in the error envelope ({@link EnvelopeCorsProcessor}). */
	@Bean
	CorsProcessor corsProcessor(ErrorResponseWriter errors) {
		return new EnvelopeCorsProcessor(errors);
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
				HttpHeaders.IF_NONE_MATCH, HttpHeaders.ACCEPT_LANGUAGE, RequestIds.HEADER, "Kairos-API-Version",
				TraceContext.TRACEPARENT));
		cors.setExposedHeaders(
				List.of(RequestIds.HEADER, HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
		cors.setAllowCredentials(false);
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
