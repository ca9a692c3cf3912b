package com.amiqo.kairos.ops;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import com.amiqo.kairos.api.http.CorsProperties;
import com.amiqo.kairos.api.ratelimit.RateLimitProperties;
import com.amiqo.kairos.auth.AuthProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A typed settings record refusing an environment variable's value: the startup report is
 * one line naming the variable (found through the placeholder in the real
 * application.yaml) and never the value. Binding goes through Spring Boot's binder and
 * Bean Validation exactly as at startup.
 */
class SettingsBindingTest {

	@Test
	void malformedCorsOriginWhenBoundIsReportedByVariableWithoutValue() throws IOException {
		String report = failureLine(CorsProperties.class, "kairos.cors",
				Map.of("KAIROS_CORS_ALLOWED_ORIGINS", "https://ok.example,ftp://secret-origin.example/path"));

		assertThat(report).isEqualTo("Invalid configuration: KAIROS_CORS_ALLOWED_ORIGINS: each origin must be"
				+ " scheme://host[:port] without a path");
	}

	@Test
	void malformedFirebaseProjectIdWhenBoundIsReportedByVariableWithoutValue() throws IOException {
		String report = failureLine(AuthProperties.class, "kairos.auth",
				Map.of("FIREBASE_PROJECT_ID", "Secret Project!"));

		assertThat(report).startsWith("Invalid configuration: FIREBASE_PROJECT_ID: must be a Firebase project id")
			.doesNotContain("Secret");
	}

	@Test
	void nonNumericRateLimitWhenBoundIsReportedByVariableWithoutValue() throws IOException {
		String report = failureLine(RateLimitProperties.class, "kairos.rate-limit",
				Map.of("RATE_LIMIT_PER_USER_PER_MINUTE", "lots-and-lots"));

		assertThat(report).startsWith("Invalid configuration: RATE_LIMIT_PER_USER_PER_MINUTE is not a valid value")
			.doesNotContain("lots");
	}

	@Test
	void wellFormedValuesWhenBoundGiveNoFailure() throws IOException {
		StandardEnvironment environment = environment(Map.of("KAIROS_CORS_ALLOWED_ORIGINS",
				"https://app.example,http://localhost:3000", "FIREBASE_PROJECT_ID", "kairos-prod-1"));

		assertThat(bind(environment, CorsProperties.class, "kairos.cors").allowedOrigins())
			.containsExactly("https://app.example", "http://localhost:3000");
		assertThat(bind(environment, AuthProperties.class, "kairos.auth").firebaseProjectId())
			.isEqualTo("kairos-prod-1");
	}

	private static String failureLine(Class<?> type, String prefix, Map<String, Object> variables) throws IOException {
		StandardEnvironment environment = environment(variables);
		BindException failure = catchThrowableOfType(BindException.class, () -> bind(environment, type, prefix));
		FailureAnalysis analysis = new PropertyBindingFailureAnalyzer(environment).analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).doesNotContain("\n");
		for (Object value : variables.values()) {
			assertThat(analysis.getDescription()).doesNotContain(value.toString());
		}
		return analysis.getDescription();
	}

	private static <T> T bind(StandardEnvironment environment, Class<T> type, String prefix) {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		try {
			return Binder.get(environment)
				.bindOrCreate(prefix, Bindable.of(type),
						new ValidationBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler(), validator));
		}
		finally {
			validator.close();
		}
	}

	/** application.yaml's default document, under the given environment variables. */
	private static StandardEnvironment environment(Map<String, Object> variables) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
		environment.getPropertySources()
			.addLast(new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
				.get(0));
		return environment;
	}

}
