package com.amiqo.kairos.api.http;

import org.apache.catalina.core.StandardHost;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.amiqo.kairos.api.error.ErrorResponseWriter;
import com.amiqo.kairos.api.error.JsonErrorReportValve;

/**
 * Makes sure even requests refused before routing get the error envelope, never an HTML
 * page.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
			}
		});
	}

	/**
	 * URLs that Spring Security's firewall refuses (encoded dots and line breaks, path
	 * parameters, dot segments, …) become a validation error naming the path variable
	 * ({@link RejectedRequestHandler}).
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ErrorResponseWriter errors,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		return new RejectedRequestHandler(errors, mappings);
	}

	/**
	 * Spring Security's strict firewall, its character checks without regular expressions
	 * (see {@link FirewallCharacters}); every other rule is the library's default.
	 */
	@Bean
	WebSecurityCustomizer strictFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(FirewallCharacters::name);
		firewall.setAllowedHeaderValues(FirewallCharacters::value);
		firewall.setAllowedParameterNames(FirewallCharacters::name);
		return web -> web.httpFirewall(firewall);
	}

}
