package com.amiqo.kairos.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;

/**
 * Turns Java property paths ({@code proposedSlots[0].startsAt}) into the API's JSON names
 * ({@code proposed_slots[0].starts_at}) with Jackson's own snake_case strategy, the one
 * {@code spring.jackson.property-naming-strategy} gives the bodies, applied to each
 * property of the path.
 */
public final class JsonNames {

	/** A property name in a path: everything between dots and index brackets. */
	private static final Pattern PROPERTY = Pattern.compile("[^.\\[\\]]+");

	private JsonNames() {
	}

	public static String fromJavaPath(@Nullable String javaPath) {
		if (javaPath == null || javaPath.isEmpty()) {
			return "body";
		}
		Matcher property = PROPERTY.matcher(javaPath);
		StringBuilder result = new StringBuilder(javaPath.length() + 8);
		while (property.find()) {
			boolean index = property.start() > 0 && javaPath.charAt(property.start() - 1) == '[';
			property.appendReplacement(result,
					Matcher.quoteReplacement(index ? property.group() : snakeCase(property.group())));
		}
		return property.appendTail(result).toString();
	}

	/** Jackson's strategy needs neither the mapper's config nor the member to rename. */
	private static String snakeCase(String javaName) {
		return PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, javaName);
	}

}
