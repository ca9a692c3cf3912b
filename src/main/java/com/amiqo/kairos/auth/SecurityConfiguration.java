package com.amiqo.kairos.auth;

import java.net.MalformedURLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.health.HealthStatus;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.filter.CorsFilter;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.error.ErrorResponseWriter;

/**
 * The single security filter chain: stateless bearer-token authentication with Firebase
 * ID tokens, every endpoint authenticated except the public ones in
 * {@link PublicEndpoints}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final int JWKS_HTTP_TIMEOUT_MS = 2_000;

	private static final int JWKS_MAX_BYTES = 256 * 1024;

	private static final long JWKS_REFRESH_TIMEOUT_MS = 5_000;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, FirebaseTokenVerifier verifier,
			AuthProperties properties, Clock clock, ErrorResponseWriter errors,
			@Qualifier("corsConfigurationSource") CorsConfigurationSource cors, CorsProcessor corsProcessor)
			throws Exception {
		ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint(errors);
		// Spring Security's CORS configurer takes no processor: the filter is added here,
		// in the place the configurer would put it.
		CorsFilter corsFilter = new CorsFilter(cors);
		corsFilter.setCorsProcessor(corsProcessor);
		http.csrf(AbstractHttpConfigurer::disable)
			.cors(AbstractHttpConfigurer::disable)
			.addFilter(corsFilter)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			// No code asks the servlet request for its principal or roles: no wrapper per
			// request.
			.servletApi(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(PublicEndpoints.MATCHER)
				.permitAll()
				// Actuator lives on the management port only, which is not exposed
				// publicly (Cloud Run routes just PORT); on the API port these paths
				// are 404.
				.requestMatchers(EndpointRequest.toAnyEndpoint())
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenResolver(new BearerTokenHeaderResolver())
				.authenticationEntryPoint(entryPoint)
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
					@Override
					public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(new TokenFailureHandler(entryPoint, errors));
						return filter;
					}
				})
				.jwt(jwt -> jwt.decoder(new VerifiedTokenCache(verifier, clock, properties.clockSkew()))
					.jwtAuthenticationConverter(FirebaseTokenVerifier::authentication)))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler((request, response, denied) -> errors.write(response,
						new ApiException(ErrorCode.FORBIDDEN, "Not allowed"))));
		return http.build();
	}

	/**
	 * No Micrometer observation per filter of the chain (Spring Security's default wraps
	 * every filter, a large share of a read's CPU: docs/performance.md); requests are
	 * still timed as a whole by {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	FirebaseTokenVerifier firebaseTokenVerifier(AuthProperties properties, ObjectProvider<LocalTokenIssuer> localIssuer,
			Clock clock) throws MalformedURLException {
		// Whether the most recent fetch of the key set worked: an unknown kid is only the
		// token's fault when we could actually look (see
		// FirebaseTokenVerifier#signingKey).
		AtomicBoolean lastFetchSucceeded = new AtomicBoolean(false);
		JWKSource<SecurityContext> firebaseKeys = JWKSourceBuilder
			.<SecurityContext>create(properties.jwksUrl().toURL(),
					new DefaultResourceRetriever(JWKS_HTTP_TIMEOUT_MS, JWKS_HTTP_TIMEOUT_MS, JWKS_MAX_BYTES))
			.cache(properties.jwksCacheTtl().toMillis(), JWKS_REFRESH_TIMEOUT_MS)
			.rateLimited(properties.jwksRefetchMinInterval().toMillis())
			.healthReporting(report -> lastFetchSucceeded.set(report.getHealthStatus() == HealthStatus.HEALTHY))
			.build();
		LocalTokenIssuer issuer = localIssuer.getIfAvailable();
		// One line a developer can check when every token comes back 401 (e.g.
		// wrong_issuer).
		log.info(
				"Authentication: Firebase ID tokens of project '{}' (issuer {}), signing keys from {}; "
						+ "local issuer {}; emulator mode {}",
				properties.firebaseProjectId(), properties.expectedIssuer(), properties.jwksUrl().getHost(),
				issuer != null ? "ON (POST /dev/tokens)" : "off",
				properties.emulatorMode() ? "ON (unsigned tokens accepted)" : "off");
		JWKSource<SecurityContext> keys = issuer == null ? firebaseKeys : localFirst(issuer.publicKeys(), firebaseKeys);
		return new FirebaseTokenVerifier(keys, lastFetchSucceeded::get, properties, clock);
	}

	@Bean
	@Conditional(LocalIssuerCondition.class)
	LocalTokenIssuer localTokenIssuer(AuthProperties properties, Clock clock) {
		return new LocalTokenIssuer(properties, clock);
	}

	/**
	 * The local issuer's key is looked up first, so local tokens never trigger a fetch
	 * from Google.
	 */
	private static JWKSource<SecurityContext> localFirst(JWKSet localKeys, JWKSource<SecurityContext> firebaseKeys) {
		return (selector, context) -> {
			List<JWK> local = selector.select(localKeys);
			return local.isEmpty() ? firebaseKeys.get(selector, context) : local;
		};
	}

}
