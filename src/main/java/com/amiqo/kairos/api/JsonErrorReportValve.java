package com.amiqo.kairos.api;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last-resort error page, for requests it refuses before they reach the application (an
 * encoded slash or an illegal character in the URL, …): the SPEC error envelope instead of HTML.
 * Requests that do reach the application are answered by {@link ApiErrorController}.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = status >= 500 ? "INTERNAL_ERROR" : status == 404 ? "NOT_FOUND" : "VALIDATION_ERROR";
        String message = status >= 500 ? "An unexpected error occurred" : "The request could not be processed";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"details\":{}}}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already committed: nothing more to tell the client.
        }
    }
}
