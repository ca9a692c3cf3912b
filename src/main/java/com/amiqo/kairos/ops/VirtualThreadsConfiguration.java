package com.amiqo.kairos.ops;

import org.springframework.boot.thread.Threading;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.autoconfigure.TomcatVirtualThreadsWebServerFactoryCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Serves requests on virtual threads whenever the running JVM has them
 * ({@code spring.threads.virtual.enabled}, Java 21+), decided when the server starts.
 * <p>
 * Spring Boot's own customizer is behind {@code @ConditionalOnThreading}, which Spring
 * AOT evaluates at build time: the build runs on Java 17, so the image (Java 25, Spring
 * AOT) would otherwise serve on platform threads (slower on reads: docs/performance.md).
 * This bean always exists and asks at run time instead; where Boot's customizer also
 * applies, both set the same executor.
 */
@Configuration(proxyBeanMethods = false)
class VirtualThreadsConfiguration {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> virtualThreadsWhenAvailable(
			Environment environment) {
		TomcatVirtualThreadsWebServerFactoryCustomizer virtualThreads = new TomcatVirtualThreadsWebServerFactoryCustomizer();
		return factory -> {
			if (Threading.VIRTUAL.isActive(environment)) {
				virtualThreads.customize(factory);
			}
		};
	}

}
