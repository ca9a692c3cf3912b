package com.amiqo.kairos.api.error;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.amiqo.kairos.api.http.RequestIds;

/**
 * Tomcat's last-resort error page, for requests it refuses before they reach the
 * application (an encoded slash or an illegal character in the URL, a malformed request
 * line, headers over the buffer): the error envelope and an {@code X-Request-Id} instead
 * of HTML. Requests that do reach the application are answered by
 * {@link ApiErrorController}.
 * <p>
 * Public because Tomcat instantiates its error report valve by class name.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	private static final Logger accessLog = LoggerFactory.getLogger("kairos.access");

	/**
	 * Tomcat's own (possibly localised) text for a request whose headers overflow the
	 * buffer.
	 */
	private static final String HEADERS_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
		.getString("iib.requestheadertoolarge.error");

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		ApiException error = status == 400 && throwable instanceof IllegalArgumentException
				&& HEADERS_TOO_LARGE.equals(throwable.getMessage()) ? ApiExceptionHandler.fromStatus(431)
						: ApiExceptionHandler.fromStatus(status);
		String assigned = response.getHeader(RequestIds.HEADER);
		String requestId = assigned != null ? assigned : RequestIds.accept(safeHeader(request, RequestIds.HEADER));
		try {
			response.setStatus(error.code().status().value());
			response.setHeader(RequestIds.HEADER, requestId);
			response.setHeader("Cache-Control", "no-store");
			String retryAfter = ErrorResponseWriter.retryAfter(error);
			if (retryAfter != null) {
				response.setHeader("Retry-After", retryAfter);
			}
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				// Code and message are constants without characters that need JSON
				// escaping.
				writer.write("{\"error\":{\"code\":\"" + error.code().name() + "\",\"message\":\"" + error.getMessage()
						+ "\",\"details\":{}}}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// The connection is gone or the response already committed: nothing more to
			// tell the client.
		}
		MDC.put(RequestIds.MDC_KEY, requestId);
		try {
			accessLog.atInfo()
				.addKeyValue("route", "unmatched")
				.addKeyValue("status", error.code().status().value())
				.log("request refused by the server before routing -> {}", error.code().status().value());
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	private static @Nullable String safeHeader(Request request, String name) {
		try {
			return request.getHeader(name);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

}
