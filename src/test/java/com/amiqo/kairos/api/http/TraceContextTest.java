package com.amiqo.kairos.api.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Test
	void fromWhenTraceparentIsWellFormedTakesTraceSpanAndSampledFlag() {
		assertThat(TraceContext.from("00-" + TRACE + "-00f067aa0ba902b7-01", null))
			.isEqualTo(new TraceContext(TRACE, "00f067aa0ba902b7", true));
		assertThat(TraceContext.from("00-" + TRACE + "-00f067aa0ba902b7-00", null).sampled()).isFalse();
	}

	@Test
	void fromWhenOnlyCloudTraceContextConvertsTheDecimalSpanToHex() {
		assertThat(TraceContext.from(null, TRACE.toUpperCase() + "/1;o=1"))
			.isEqualTo(new TraceContext(TRACE, "0000000000000001", true));
		assertThat(TraceContext.from(null, TRACE)).isEqualTo(new TraceContext(TRACE, null, false));
		assertThat(TraceContext.from(null, TRACE + "/18446744073709551615;o=0").spanId()).isEqualTo("ffffffffffffffff");
	}

	@Test
	void fromWhenBothArePresentPrefersTraceparent() {
		String other = "0af7651916cd43dd8448eb211c80319c";
		assertThat(TraceContext.from("00-" + TRACE + "-00f067aa0ba902b7-01", other + "/5;o=1").traceId())
			.isEqualTo(TRACE);
	}

	@Test
	void fromWhenMalformedIgnoresTheHeader() {
		assertThat(TraceContext.from("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01", null)).isNull();
		assertThat(TraceContext.from("ff-" + TRACE + "-00f067aa0ba902b7-01", null)).isNull();
		assertThat(TraceContext.from("00-" + TRACE + "-short-01", "not-a-trace")).isNull();
		assertThat(TraceContext.from(null, TRACE + "/99999999999999999999;o=1").spanId()).isNull();
		assertThat(TraceContext.from("", "")).isNull();
	}

}
