package com.amiqo.kairos.ops;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class CloudLoggingFormatTest {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final Logger logger = (Logger) LoggerFactory.getLogger("kairos.access");

	@Test
	void formatWhenInARequestWritesOneCloudLoggingEntryWithTraceAndIds() {
		LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.WARN, "GET {} -> {}", null,
				new Object[] { "/me", 200 });
		event.setMDCPropertyMap(Map.of("request_id", "req-1", "user_id", "alice", "trace_id", TRACE, "span_id",
				"00f067aa0ba902b7", "trace_sampled", "true"));
		event.addKeyValuePair(new KeyValuePair("status", 200));

		String line = new CloudLoggingFormat(new MockEnvironment().withProperty("GOOGLE_CLOUD_PROJECT", "kairos-prod"))
			.format(event);

		assertThat(line).endsWith("\n").doesNotContain("\n\n");
		JsonNode entry = JsonMapper.builder().build().readTree(line);
		assertThat(entry.path("severity").asString()).isEqualTo("WARNING");
		assertThat(entry.path("message").asString()).isEqualTo("GET /me -> 200");
		assertThat(entry.path("logging.googleapis.com/trace").asString())
			.isEqualTo("projects/kairos-prod/traces/" + TRACE);
		assertThat(entry.path("logging.googleapis.com/spanId").asString()).isEqualTo("00f067aa0ba902b7");
		assertThat(entry.path("logging.googleapis.com/trace_sampled").asBoolean()).isTrue();
		assertThat(entry.path("request_id").asString()).isEqualTo("req-1");
		assertThat(entry.path("user_id").asString()).isEqualTo("alice");
		assertThat(entry.path("status").asInt()).isEqualTo(200);
		assertThat(entry.path("time").asString()).endsWith("Z");
	}

	@Test
	void formatWhenOutsideARequestOrWithoutProjectOmitsWhatIsUnknown() {
		LoggingEvent startup = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "Started", null, null);
		LoggingEvent traced = new LoggingEvent(Logger.FQCN, logger, Level.DEBUG, "traced", null, null);
		traced.setMDCPropertyMap(Map.of("trace_id", TRACE));
		CloudLoggingFormat noProject = new CloudLoggingFormat(new MockEnvironment());
		JsonMapper json = JsonMapper.builder().build();

		JsonNode plain = json.readTree(noProject.format(startup));
		JsonNode withTraceId = json.readTree(noProject.format(traced));

		assertThat(plain.path("severity").asString()).isEqualTo("INFO");
		assertThat(plain.has("logging.googleapis.com/trace")).isFalse();
		assertThat(plain.has("request_id")).isFalse();
		assertThat(withTraceId.path("severity").asString()).isEqualTo("DEBUG");
		assertThat(withTraceId.path("trace_id").asString()).isEqualTo(TRACE);
	}

	@Test
	void formatWhenAnExceptionIsLoggedKeepsTheStackTraceInOneLine() {
		LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "boom", new IllegalStateException("x"),
				null);

		String line = new CloudLoggingFormat(new MockEnvironment()).format(event);

		assertThat(line.strip()).doesNotContain("\n");
		JsonNode entry = JsonMapper.builder().build().readTree(line);
		assertThat(entry.path("severity").asString()).isEqualTo("ERROR");
		assertThat(entry.path("stack_trace").asString()).contains("IllegalStateException").contains("\n\tat ");
	}

}
