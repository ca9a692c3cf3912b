package com.amiqo.kairos.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** API-wide MVC wiring; ordered first so rate limiting runs before any feature's interceptors. */
@Configuration(proxyBeanMethods = false)
@Order(1)
class WebConfiguration implements WebMvcConfigurer {

    /** Health probes from the platform must never be throttled. */
    static final String[] RATE_LIMIT_EXEMPT = { "/health", "/error" };

    private final RateLimitInterceptor rateLimitInterceptor;

    WebConfiguration(RateLimitInterceptor rateLimitInterceptor) {
        this.rateLimitInterceptor = rateLimitInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimitInterceptor).excludePathPatterns(RATE_LIMIT_EXEMPT);
        registry.addInterceptor(new JsonOnlyInterceptor());
    }
}
