package com.amiqo.kairos.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the web client's files under {@code /app/} and the site's {@code /favicon.ico}
 * (and nothing else: Spring Boot's default static mappings stay off, so unknown API paths
 * are still the JSON 404) and gives its pages their headers.
 */
@Configuration(proxyBeanMethods = false)
class WebClientConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/app/**").addResourceLocations("classpath:/static/app/");
		// Browsers ask every site for it; a day in their cache.
		registry.addResourceHandler("/favicon.ico")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(1)));
	}

	@Bean
	FilterRegistrationBean<PageHeadersFilter> pageHeadersFilter(WebClientSettings settings) {
		FilterRegistrationBean<PageHeadersFilter> registration = new FilterRegistrationBean<>(
				new PageHeadersFilter(settings.contentSecurityPolicy()));
		registration.addUrlPatterns("/app", "/app/*", "/i/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * The page headers: the CSP; no referrer, so an invite token in the page's URL never
	 * reaches another site; and no caching by shared caches.
	 */
	static final class PageHeadersFilter extends OncePerRequestFilter {

		private final String policy;

		PageHeadersFilter(String policy) {
			this.policy = policy;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			response.setHeader("Content-Security-Policy", policy);
			response.setHeader("Referrer-Policy", "no-referrer");
			response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
			response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
			chain.doFilter(request, response);
		}

	}

}
