package com.amiqo.kairos.api;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WireValuesTest {

	enum Sample {

		AWAITING_REPLIES, CONFIRMED, X {
			@Override
			public String toString() {
				return "a constant with a body";
			}
		}

	}

	@Test
	void ofWhenAnyConstantIsItsNameInLowerCase() {
		for (Sample constant : Sample.values()) {
			assertThat(WireValues.of(constant)).isEqualTo(constant.name().toLowerCase(Locale.ROOT));
		}
	}

	@Test
	void parseWhenTheWrittenFormReturnsTheConstant() {
		for (Sample constant : Sample.values()) {
			assertThat(WireValues.parse(Sample.class, WireValues.of(constant))).isSameAs(constant);
		}
	}

	@Test
	void parseWhenOtherCaseReturnsTheConstantAsBefore() {
		assertThat(WireValues.parse(Sample.class, "Awaiting_Replies")).isSameAs(Sample.AWAITING_REPLIES);
		assertThat(WireValues.parse(Sample.class, "CONFIRMED")).isSameAs(Sample.CONFIRMED);
	}

	@Test
	void parseWhenNoSuchConstantThrowsIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.parse(Sample.class, "confirmed "));
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.parse(Sample.class, ""));
	}

}
