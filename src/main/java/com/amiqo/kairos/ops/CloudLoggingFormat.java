package com.amiqo.kairos.ops;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.JsonWriterStructuredLogFormatter;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import com.amiqo.kairos.api.http.RequestIds;
import com.amiqo.kairos.api.http.TraceContext;

/**
 * Log lines as Cloud Logging reads them from a container's stdout: one JSON object per
 * line whose {@code severity}, {@code message}, {@code time} and
 * {@code logging.googleapis.com/*} fields it lifts into the log entry, so a request's
 * lines join Cloud Run's request log by trace. Selected in prod by
 * {@code logging.structured.format.console}; the project for the trace name comes from
 * {@code GOOGLE_CLOUD_PROJECT} (without it, lines still carry {@code trace_id}).
 * <p>
 * Public because Spring Boot instantiates it by the class name in application.yaml.
 */
public class CloudLoggingFormat extends JsonWriterStructuredLogFormatter<ILoggingEvent> {

	static final String TRACE = "logging.googleapis.com/trace";

	public CloudLoggingFormat(Environment environment) {
		super(members(environment.getProperty("GOOGLE_CLOUD_PROJECT")), null);
	}

	private static Consumer<JsonWriter.Members<ILoggingEvent>> members(@Nullable String project) {
		String tracePrefix = StringUtils.hasText(project) ? "projects/" + project.strip() + "/traces/" : null;
		return members -> {
			members.add("time", ILoggingEvent::getInstant).as(Object::toString);
			members.add("severity", ILoggingEvent::getLevel).as(CloudLoggingFormat::severity);
			members.add("message", ILoggingEvent::getFormattedMessage);
			members.add("logger", ILoggingEvent::getLoggerName);
			members.add(TRACE, event -> tracePrefix == null ? null : mdc(event, TraceContext.TRACE_MDC_KEY))
				.whenNotNull()
				.as(traceId -> tracePrefix + traceId);
			members.add("trace_id", event -> tracePrefix == null ? mdc(event, TraceContext.TRACE_MDC_KEY) : null)
				.whenNotNull();
			members.add("logging.googleapis.com/spanId", event -> mdc(event, TraceContext.SPAN_MDC_KEY)).whenNotNull();
			members.add("logging.googleapis.com/trace_sampled", event -> mdc(event, TraceContext.SAMPLED_MDC_KEY))
				.whenNotNull()
				.as(Boolean::parseBoolean);
			members.add(RequestIds.MDC_KEY, event -> mdc(event, RequestIds.MDC_KEY)).whenNotNull();
			members.add(RequestIds.USER_MDC_KEY, event -> mdc(event, RequestIds.USER_MDC_KEY)).whenNotNull();
			members.add().usingPairs(CloudLoggingFormat::keyValuePairs);
			members.add("stack_trace", ILoggingEvent::getThrowableProxy).whenNotNull().as(ThrowableProxyUtil::asString);
		};
	}

	private static @Nullable String mdc(ILoggingEvent event, String key) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		return mdc == null ? null : mdc.get(key);
	}

	private static void keyValuePairs(ILoggingEvent event, java.util.function.BiConsumer<String, Object> pairs) {
		List<KeyValuePair> keyValuePairs = event.getKeyValuePairs();
		if (keyValuePairs != null) {
			keyValuePairs.forEach(pair -> pairs.accept(pair.key, pair.value));
		}
	}

	/** Cloud Logging's LogSeverity names. */
	static String severity(Level level) {
		return switch (level.toInt()) {
			case Level.ERROR_INT -> "ERROR";
			case Level.WARN_INT -> "WARNING";
			case Level.INFO_INT -> "INFO";
			default -> "DEBUG";
		};
	}

}
