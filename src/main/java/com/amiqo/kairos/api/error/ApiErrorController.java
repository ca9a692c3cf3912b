package com.amiqo.kairos.api.error;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Replaces Spring Boot's error page and error JSON: whatever the servlet container routes
 * to {@code /error} (an exception escaping a filter, a container-level 400, …) is
 * answered with the error envelope. Exceptions go through the same
 * {@link ApiExceptionHandler} as everywhere else.
 */
@Hidden
@RestController
class ApiErrorController implements ErrorController {

	private final HandlerExceptionResolver exceptionResolver;

	private final ErrorResponseWriter writer;

	ApiErrorController(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlerExceptionResolver,
			ErrorResponseWriter writer) {
		this.exceptionResolver = handlerExceptionResolver;
		this.writer = writer;
	}

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			// Asked for directly: not an endpoint of the API.
			writer.write(response, ApiExceptionHandler.notFound());
			return;
		}
		Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (exception instanceof Exception e
				&& exceptionResolver.resolveException(request, response, null, e) != null) {
			return;
		}
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = status instanceof Integer value ? value : response.getStatus();
		writer.write(response, ApiExceptionHandler.fromStatus(code));
	}

}
