package com.amiqo.kairos.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTagsTest {

	@ParameterizedTest
	@CsvSource({ "en, en", "en-us, en-US", "zh-Hant-TW, zh-Hant-TW", "de-CH-1996, de-CH-1996", "sr-latn, sr-Latn" })
	void canonicalNormalisesWellFormedTags(String tag, String canonical) {
		assertThat(LanguageTags.canonical(tag)).contains(canonical);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "en_US", "not a tag", "123", "english-united-states-of-america-x" })
	void canonicalRejectsMalformedTags(String tag) {
		assertThat(LanguageTags.canonical(tag)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "fr-CH, fr;q=0.9, en;q=0.8 | fr-CH", "en-gb | en-GB", "da ;q=1 | da", "  pt-BR,pt | pt-BR" })
	void firstOfTakesTheFirstTagOfAcceptLanguage(String header, String expected) {
		assertThat(LanguageTags.firstOf(header)).contains(expected);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "*", "*, en", ";;;", "$$$" })
	void firstOfIgnoresUnusableHeaders(String header) {
		assertThat(LanguageTags.firstOf(header)).isEmpty();
	}

}
