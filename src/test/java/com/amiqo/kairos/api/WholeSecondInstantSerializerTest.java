package com.amiqo.kairos.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written timestamp format is exactly what {@code Instant.toString()} gives for
 * the instant truncated to seconds.
 */
class WholeSecondInstantSerializerTest {

	@Test
	void formatWhenAnyInstantMatchesTheJdksWholeSecondText() {
		SplittableRandom random = new SplittableRandom(11);
		Instant min = Instant.parse("-0100-01-01T00:00:00Z");
		Instant max = Instant.parse("+12000-01-01T00:00:00Z");
		for (int i = 0; i < 200_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(min.getEpochSecond(), max.getEpochSecond()),
					random.nextInt(1_000_000_000));
			assertThat(new String(JsonConfiguration.WholeSecondInstantSerializer.format(instant)))
				.isEqualTo(instant.truncatedTo(ChronoUnit.SECONDS).toString());
		}
	}

	@Test
	void formatWhenAtTheEdgesOfTheFastPathMatchesTheJdk() {
		for (String text : new String[] { "0000-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z",
				"2024-02-29T12:34:56.5Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
				"-0001-12-31T23:59:59Z" }) {
			Instant instant = Instant.parse(text);
			assertThat(new String(JsonConfiguration.WholeSecondInstantSerializer.format(instant)))
				.isEqualTo(instant.truncatedTo(ChronoUnit.SECONDS).toString());
		}
	}

}
