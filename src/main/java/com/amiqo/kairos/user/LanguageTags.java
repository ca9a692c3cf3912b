package com.amiqo.kairos.user;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * BCP 47 language tags: validation, canonical form and the first tag of
 * {@code Accept-Language}.
 */
final class LanguageTags {

	static final int MAX_LENGTH = 35;

	private LanguageTags() {
	}

	/**
	 * The canonical form ({@code en-us} → {@code en-US}), or empty when the tag is not
	 * well-formed BCP 47.
	 */
	static Optional<String> canonical(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Locale.Builder().setLanguageTag(tag.strip()).build().toLanguageTag());
		}
		catch (IllformedLocaleException e) {
			return Optional.empty();
		}
	}

	/**
	 * The first language of an {@code Accept-Language} header ({@code fr-CH, fr;q=0.9} →
	 * {@code fr-CH}), if usable.
	 */
	static Optional<String> firstOf(@Nullable String acceptLanguage) {
		if (acceptLanguage == null) {
			return Optional.empty();
		}
		String first = acceptLanguage.split(",", 2)[0].split(";", 2)[0].strip();
		return first.equals("*") ? Optional.empty() : canonical(first);
	}

}
