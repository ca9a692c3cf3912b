package com.amiqo.kairos.api.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The trace a request belongs to, from the W3C {@code traceparent} header or Google's
 * {@code X-Cloud-Trace-Context}, so that every log line of the request joins Cloud Run's
 * request log entry in Cloud Logging. Anything malformed is ignored: tracing is a
 * diagnostic, never a reason to refuse a request.
 *
 * @param traceId 32 lowercase hex digits
 * @param spanId 16 lowercase hex digits, or null when the header carried none
 * @param sampled whether the caller sampled this trace
 */
public record TraceContext(String traceId, @Nullable String spanId, boolean sampled) {

	public static final String TRACEPARENT = "traceparent";

	public static final String CLOUD_TRACE_CONTEXT = "X-Cloud-Trace-Context";

	public static final String TRACE_MDC_KEY = "trace_id";

	public static final String SPAN_MDC_KEY = "span_id";

	public static final String SAMPLED_MDC_KEY = "trace_sampled";

	private static final Pattern W3C = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

	// TRACE_ID/SPAN_ID;o=OPTIONS where SPAN_ID is a decimal unsigned 64-bit number.
	private static final Pattern GOOGLE = Pattern.compile("([0-9a-fA-F]{32})(?:/([0-9]{1,20}))?(?:;o=([01]))?");

	private static final String INVALID_TRACE = "0".repeat(32);

	/**
	 * The first well-formed one of the two headers ({@code traceparent} wins), or null.
	 */
	public static @Nullable TraceContext from(@Nullable String traceparent, @Nullable String cloudTraceContext) {
		TraceContext w3c = fromTraceparent(traceparent);
		return w3c != null ? w3c : fromCloudTraceContext(cloudTraceContext);
	}

	static @Nullable TraceContext fromTraceparent(@Nullable String header) {
		if (header == null) {
			return null;
		}
		Matcher matcher = W3C.matcher(header.strip());
		if (!matcher.matches() || matcher.group(1).equals(INVALID_TRACE) || header.strip().startsWith("ff")) {
			return null;
		}
		boolean sampled = (Integer.parseInt(matcher.group(3), 16) & 1) == 1;
		return new TraceContext(matcher.group(1), matcher.group(2), sampled);
	}

	static @Nullable TraceContext fromCloudTraceContext(@Nullable String header) {
		if (header == null) {
			return null;
		}
		Matcher matcher = GOOGLE.matcher(header.strip());
		if (!matcher.matches()) {
			return null;
		}
		String traceId = matcher.group(1).toLowerCase(Locale.ROOT);
		if (traceId.equals(INVALID_TRACE)) {
			return null;
		}
		String spanId = null;
		if (matcher.group(2) != null) {
			try {
				spanId = String.format("%016x", Long.parseUnsignedLong(matcher.group(2)));
			}
			catch (NumberFormatException e) {
				// Over 2^64: keep the trace, drop the span.
			}
		}
		return new TraceContext(traceId, spanId, "1".equals(matcher.group(3)));
	}
}
