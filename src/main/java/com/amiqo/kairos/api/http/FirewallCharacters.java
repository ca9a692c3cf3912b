package com.amiqo.kairos.api.http;

/**
 * The characters Spring Security's {@code StrictHttpFirewall} allows in header names,
 * header values and parameter names, decided without its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, values also a tab). The same rule
 * (FirewallCharactersTest compares both on every code point), but the patterns run per
 * character over every header of every request, the bearer token of about a kilobyte
 * included, which a read notices (docs/performance.md). Printable ASCII, nearly every
 * character a client sends, is decided by one comparison.
 */
final class FirewallCharacters {

	private FirewallCharacters() {
	}

	/**
	 * Header and parameter names: every code point assigned and not a control character.
	 */
	static boolean name(String text) {
		return allowed(text, false);
	}

	/** Header values: as names, and a tab is allowed. */
	static boolean value(String text) {
		return allowed(text, true);
	}

	private static boolean allowed(String text, boolean tab) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c >= 0x20 && c < 0x7F) || (tab && c == '\t')) {
				continue;
			}
			int codePoint = text.codePointAt(i);
			if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
				return false;
			}
			i += Character.charCount(codePoint) - 1;
		}
		return true;
	}

}
