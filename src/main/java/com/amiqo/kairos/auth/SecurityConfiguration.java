package com.amiqo.kairos.auth;

import java.net.MalformedURLException;
import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfigurationSource;

import com.amiqo.kairos.api.ApiException;
import com.amiqo.kairos.api.ErrorCode;
import com.amiqo.kairos.api.ErrorResponseWriter;

/**
 * The single security filter chain: stateless bearer-token authentication with Firebase ID tokens,
 * every endpoint authenticated except the public ones in {@link PublicEndpoints}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final int JWKS_HTTP_TIMEOUT_MS = 2_000;
    private static final int JWKS_MAX_BYTES = 256 * 1024;
    private static final long JWKS_REFRESH_TIMEOUT_MS = 5_000;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, FirebaseTokenVerifier verifier,
            ErrorResponseWriter errors, @Qualifier("corsConfigurationSource") CorsConfigurationSource cors)
            throws Exception {
        ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint(errors);
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(configurer -> configurer.configurationSource(cors))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PublicEndpoints.MATCHER).permitAll()
                        // Actuator lives on the management port only, which is not exposed publicly
                        // (Cloud Run routes just PORT); on the API port these paths are 404.
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerTokenHeaderResolver())
                        .authenticationEntryPoint(entryPoint)
                        .jwt(jwt -> jwt.decoder(verifier)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) -> errors.write(response,
                                new ApiException(ErrorCode.FORBIDDEN, "Not allowed"))));
        return http.build();
    }

    @Bean
    FirebaseTokenVerifier firebaseTokenVerifier(AuthProperties properties, ObjectProvider<LocalTokenIssuer> localIssuer,
            Clock clock) throws MalformedURLException {
        JWKSource<SecurityContext> firebaseKeys = JWKSourceBuilder
                .<SecurityContext>create(properties.jwksUrl().toURL(),
                        new DefaultResourceRetriever(JWKS_HTTP_TIMEOUT_MS, JWKS_HTTP_TIMEOUT_MS, JWKS_MAX_BYTES))
                .cache(properties.jwksCacheTtl().toMillis(), JWKS_REFRESH_TIMEOUT_MS)
                .rateLimited(properties.jwksRefetchMinInterval().toMillis())
                .build();
        LocalTokenIssuer issuer = localIssuer.getIfAvailable();
        JWKSource<SecurityContext> keys = issuer == null ? firebaseKeys : localFirst(issuer.publicKeys(), firebaseKeys);
        return new FirebaseTokenVerifier(keys, properties, clock);
    }

    @Bean
    @Conditional(LocalIssuerCondition.class)
    LocalTokenIssuer localTokenIssuer(AuthProperties properties, Clock clock) {
        return new LocalTokenIssuer(properties, clock);
    }

    /** The local issuer's key is looked up first, so local tokens never trigger a fetch from Google. */
    private static JWKSource<SecurityContext> localFirst(JWKSet localKeys, JWKSource<SecurityContext> firebaseKeys) {
        return (selector, context) -> {
            List<JWK> local = selector.select(localKeys);
            return local.isEmpty() ? firebaseKeys.get(selector, context) : local;
        };
    }
}
