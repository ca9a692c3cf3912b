package com.amiqo.kairos.api.http;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Outermost filter: assigns the request id (echoed in {@code X-Request-Id},
 * {@code meta.request_id} and every log line via the MDC), puts the caller's trace into
 * the MDC, and writes an access-log line per request. The line names the route pattern,
 * never the raw URL, and never headers, so tokens cannot leak into logs. On Cloud Run the
 * platform already logs every request, so prod keeps only a sample
 * ({@code KAIROS_ACCESS_LOG_SAMPLE_RATE}, default 0) plus every 5xx.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	private static final Logger accessLog = LoggerFactory.getLogger("kairos.access");

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	/**
	 * Requests Tomcat refuses before the filter chain (e.g. {@code TRACE}) reach the
	 * application only as an error dispatch; they need their request id then.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private final double accessLogSampleRate;

	RequestIdFilter(AccessLogProperties properties) {
		this.accessLogSampleRate = properties.accessLogSampleRate();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object assigned = request.getAttribute(ATTRIBUTE);
		if (assigned != null) {
			// The error dispatch of a request already served (and logged) here: keep its
			// id.
			response.setHeader(RequestIds.HEADER, assigned.toString());
			chain.doFilter(request, response);
			return;
		}
		String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
		request.setAttribute(ATTRIBUTE, requestId);
		long started = System.nanoTime();
		MDC.put(RequestIds.MDC_KEY, requestId);
		TraceContext trace = TraceContext.from(request.getHeader(TraceContext.TRACEPARENT),
				request.getHeader(TraceContext.CLOUD_TRACE_CONTEXT));
		if (trace != null) {
			MDC.put(TraceContext.TRACE_MDC_KEY, trace.traceId());
			MDC.put(TraceContext.SAMPLED_MDC_KEY, Boolean.toString(trace.sampled()));
			if (trace.spanId() != null) {
				MDC.put(TraceContext.SPAN_MDC_KEY, trace.spanId());
			}
		}
		response.setHeader(RequestIds.HEADER, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (response.getStatus() >= 500 || sampledForAccessLog()) {
				logRequest(request, response, (System.nanoTime() - started) / 1_000_000);
			}
			MDC.remove(RequestIds.MDC_KEY);
			MDC.remove(RequestIds.USER_MDC_KEY);
			MDC.remove(TraceContext.TRACE_MDC_KEY);
			MDC.remove(TraceContext.SPAN_MDC_KEY);
			MDC.remove(TraceContext.SAMPLED_MDC_KEY);
		}
	}

	private boolean sampledForAccessLog() {
		return accessLogSampleRate >= 1
				|| (accessLogSampleRate > 0 && ThreadLocalRandom.current().nextDouble() < accessLogSampleRate);
	}

	private static void logRequest(HttpServletRequest request, HttpServletResponse response, long durationMs) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String route = pattern != null ? pattern.toString() : "unmatched";
		accessLog.atInfo()
			.addKeyValue("http_method", request.getMethod())
			.addKeyValue("route", route)
			.addKeyValue("status", response.getStatus())
			.addKeyValue("duration_ms", durationMs)
			.log("{} {} -> {} in {} ms", request.getMethod(), route, response.getStatus(), durationMs);
	}

}
