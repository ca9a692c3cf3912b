package com.amiqo.kairos.auth;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token check is a loop; it must accept exactly what RFC 6750's b64token grammar (the
 * regular expression it replaced) accepts.
 */
class BearerTokenHeaderResolverTest {

	private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

	@Test
	void isToken68WhenRandomTextAgreesWithTheGrammar() {
		String alphabet = "aZ09._~+/-= \t:;,\"é*";
		SplittableRandom random = new SplittableRandom(6750);
		for (int i = 0; i < 100_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(6);
			for (int k = 0; k < length; k++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String candidate = text.toString();
			assertThat(BearerTokenHeaderResolver.isToken68("Bearer " + candidate, 7)).as(candidate)
				.isEqualTo(B64TOKEN.matcher(candidate).matches());
		}
	}

}
