package com.amiqo.kairos.api.http;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FirewallCharacters} decides exactly what Spring Security's own patterns decide:
 * compared on every code point alone, on lone surrogates, and on random mixed strings.
 */
class FirewallCharactersTest {

	/** StrictHttpFirewall's patterns (Spring Security 7). */
	private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void nameAndValueWhenAnySingleCodePointAgreeWithTheFirewallPatterns() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = Character.toString(codePoint);
			assertThat(FirewallCharacters.name(text)).as("U+%04X", codePoint).isEqualTo(NAME.matcher(text).matches());
			assertThat(FirewallCharacters.value(text)).as("U+%04X", codePoint).isEqualTo(VALUE.matcher(text).matches());
		}
	}

	@Test
	void nameAndValueWhenMixedStringsAgreeWithTheFirewallPatterns() {
		SplittableRandom random = new SplittableRandom(11);
		int[] interesting = { 'a', 'Z', '0', ' ', '\t', '\n', 0x7F, 0x85, 0xA0, 0xE9, 0x378, 0xD800, 0xDC00, 0xFFFF,
				0x1F600, 0xE0001, 0x10FFFF };
		for (int n = 0; n < 200_000; n++) {
			StringBuilder text = new StringBuilder();
			for (int k = random.nextInt(6); k >= 0; k--) {
				text.appendCodePoint(random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
						: random.nextInt(Character.MAX_CODE_POINT + 1));
			}
			String s = text.toString();
			assertThat(FirewallCharacters.name(s)).as(s).isEqualTo(NAME.matcher(s).matches());
			assertThat(FirewallCharacters.value(s)).as(s).isEqualTo(VALUE.matcher(s).matches());
		}
	}

	@Test
	void valueWhenPrintableAsciiOrTabIsAllowedAndNameRefusesTheTab() {
		assertThat(FirewallCharacters.value("Bearer eyJhbGciOi.x-y_z~")).isTrue();
		assertThat(FirewallCharacters.value("a\tb")).isTrue();
		assertThat(FirewallCharacters.name("a\tb")).isFalse();
		assertThat(FirewallCharacters.value("")).isTrue();
	}

}
