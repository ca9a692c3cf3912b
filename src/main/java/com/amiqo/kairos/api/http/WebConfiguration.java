package com.amiqo.kairos.api.http;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.amiqo.kairos.api.ratelimit.RateLimitInterceptor;

/** API-wide MVC wiring; the interceptors' order is {@link InterceptorOrder}. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

	/** Health probes from the platform must never be throttled. */
	public static final String[] RATE_LIMIT_EXEMPT = { "/health", "/error" };

	private final RateLimitInterceptor rateLimitInterceptor;

	WebConfiguration(RateLimitInterceptor rateLimitInterceptor) {
		this.rateLimitInterceptor = rateLimitInterceptor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(rateLimitInterceptor)
			.excludePathPatterns(RATE_LIMIT_EXEMPT)
			.order(InterceptorOrder.RATE_LIMIT);
		registry.addInterceptor(new JsonOnlyInterceptor()).order(InterceptorOrder.JSON_ONLY);
	}

}
