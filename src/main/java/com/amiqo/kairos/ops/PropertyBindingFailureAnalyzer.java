package com.amiqo.kairos.ops;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import com.amiqo.kairos.api.error.Causes;

/**
 * A typed settings record ({@code @ConfigurationProperties}, Bean Validation) refused a
 * value: one line naming the environment variable and the rule, never the value, which
 * may be a secret (Spring Boot's own analyzers print it). The variable is the placeholder
 * in {@code application.yaml} ({@code secret: ${KAIROS_CURSOR_SECRET:}}), or the
 * environment variable that set the property directly. Any new settings record gets this
 * for free: annotate it, write its messages without the value.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class PropertyBindingFailureAnalyzer implements FailureAnalyzer {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)");

	private static final Pattern INDEX = Pattern.compile("\\[[^]]*]");

	private final Environment environment;

	PropertyBindingFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		BindException bind = Causes.find(failure, BindException.class);
		if (bind == null) {
			return null;
		}
		Set<String> problems = new LinkedHashSet<>();
		BindValidationException validation = Causes.find(bind, BindValidationException.class);
		if (validation != null) {
			String prefix = validation.getValidationErrors().getName().toString();
			for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
				String property = error instanceof FieldError field
						? prefix + "." + DataObjectPropertyName.toDashedForm(field.getField()) : prefix;
				problems.add(variable(property) + ": " + error.getDefaultMessage());
			}
		}
		else {
			problems.add(variable(bind.getName().toString()) + " is not a valid value"
					+ (bind.getTarget() != null ? " for " + bind.getTarget().getType() : ""));
		}
		return new FailureAnalysis("Invalid configuration: " + String.join("; ", problems),
				SettingsFailureAnalyzer.ACTION, failure);
	}

	/** The environment variable behind a property, else the property itself. */
	String variable(String property) {
		String name = INDEX.matcher(property).replaceAll("");
		if (environment instanceof ConfigurableEnvironment configurable) {
			for (PropertySource<?> source : configurable.getPropertySources()) {
				if (source.getName().equals("configurationProperties")) {
					continue; // Spring Boot's view over all the others
				}
				String found = variableIn(source, name);
				if (found != null) {
					return found;
				}
			}
		}
		return name;
	}

	private static @Nullable String variableIn(PropertySource<?> source, String property) {
		Object raw = source.getProperty(property);
		if (raw == null) {
			return null;
		}
		if (source instanceof OriginLookup<?>) {
			@SuppressWarnings("unchecked")
			Origin origin = ((OriginLookup<String>) source).getOrigin(property);
			if (origin instanceof SystemEnvironmentOrigin environmentOrigin) {
				return environmentOrigin.getProperty();
			}
		}
		if (source instanceof SystemEnvironmentPropertySource) {
			return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
		}
		Matcher placeholder = PLACEHOLDER.matcher(raw.toString());
		return placeholder.find() ? placeholder.group(1) : property;
	}

}
