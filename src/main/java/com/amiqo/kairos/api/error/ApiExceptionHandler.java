package com.amiqo.kairos.api.error;

import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.amiqo.kairos.api.EncryptedBlobFields;
import com.amiqo.kairos.api.JsonNames;

/**
 * The one place where exceptions become API errors. Every handler maps to an
 * {@link ApiException} and hands it to the {@link ErrorResponseWriter}; anything
 * unforeseen is a logged 500 whose body reveals nothing internal.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final ErrorResponseWriter writer;

	ApiExceptionHandler(ErrorResponseWriter writer) {
		this.writer = writer;
	}

	@ExceptionHandler(ApiException.class)
	void apiException(ApiException e, HttpServletResponse response) throws IOException {
		writer.write(response, e);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	void unreadableBody(HttpMessageNotReadableException e, HttpServletResponse response) throws IOException {
		writer.write(response, toApiException(e));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	void invalidBody(MethodArgumentNotValidException e, HttpServletResponse response) throws IOException {
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, Object> moreDetails = new LinkedHashMap<>();
		for (FieldError error : e.getBindingResult().getFieldErrors()) {
			fields.putIfAbsent(JsonNames.fromJavaPath(error.getField()), error.getDefaultMessage());
			moreDetails.putAll(constraintDetails(error));
		}
		e.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> fields.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
		writer.write(response,
				fields.isEmpty() ? validationError(fields) : ApiException.invalidFields(fields, moreDetails));
	}

	/**
	 * Details a constraint attached to its violation as Hibernate Validator's dynamic
	 * payload ({@link EncryptedBlobFields}: {@code max_bytes}).
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> constraintDetails(ObjectError error) {
		if (!error.contains(ConstraintViolation.class)) {
			return Map.of();
		}
		ConstraintViolation<?> violation = error.unwrap(ConstraintViolation.class);
		HibernateConstraintViolation<?> hibernate = violation.unwrap(HibernateConstraintViolation.class);
		Map<String, Object> details = hibernate.getDynamicPayload(Map.class);
		return details == null ? Map.of() : details;
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	void invalidParameters(HandlerMethodValidationException e, HttpServletResponse response) throws IOException {
		Map<String, String> fields = new LinkedHashMap<>();
		e.getParameterValidationResults().forEach(result -> {
			String name = JsonNames.fromJavaPath(Objects.requireNonNull(result.getMethodParameter().getParameterName(),
					"compiled with -parameters"));
			result.getResolvableErrors().forEach(error -> fields.putIfAbsent(name, error.getDefaultMessage()));
		});
		writer.write(response, validationError(fields));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void parameterTypeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
		writer.write(response, ApiException.invalidField(e.getName(), "has an invalid value"));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	void missingParameter(MissingServletRequestParameterException e, HttpServletResponse response) throws IOException {
		writer.write(response, ApiException.invalidField(e.getParameterName(), "is required"));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	void missingHeader(MissingRequestHeaderException e, HttpServletResponse response) throws IOException {
		writer.write(response, ApiException.invalidField(e.getHeaderName(), "header is required"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	void unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletResponse response) throws IOException {
		writer.write(response, new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
				"Request body must be application/json", Map.of("content_type", String.valueOf(e.getContentType()))));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletResponse response) throws IOException {
		writer.write(response,
				new ApiException(ErrorCode.NOT_ACCEPTABLE, "This endpoint only produces application/json"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	void methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletResponse response) throws IOException {
		List<String> allowed = e.getSupportedMethods() == null ? List.of() : List.of(e.getSupportedMethods());
		response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
		writer.write(response, new ApiException(ErrorCode.METHOD_NOT_ALLOWED,
				"Method " + e.getMethod() + " is not allowed here", Map.of("allowed_methods", allowed)));
	}

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	void noRoute(Exception e, HttpServletResponse response) throws IOException {
		writer.write(response, notFound());
	}

	/**
	 * Authentication could not be attempted (e.g. Google's signing keys are unreachable):
	 * ours, retryable.
	 */
	@ExceptionHandler(AuthenticationServiceException.class)
	void authenticationUnavailable(AuthenticationServiceException e, HttpServletResponse response) throws IOException {
		log.warn("Token verification unavailable: {}", LoggedThrowables.types(e));
		writer.write(response, serviceUnavailable());
	}

	/**
	 * Parameters Tomcat cannot decode, or a request Spring Security's firewall refuses
	 * once the request is already routed (e.g. a parameter name with a line break). Their
	 * messages quote the offending request content, so they are neither logged nor
	 * echoed.
	 */
	@ExceptionHandler({ InvalidParameterException.class, RequestRejectedException.class })
	void unreadableRequest(RuntimeException e, HttpServletResponse response) throws IOException {
		writer.write(response, new ApiException(ErrorCode.VALIDATION_ERROR, "The request could not be read",
				Map.of("reason", "malformed_request")));
	}

	/**
	 * Data the database cannot represent (SQLSTATE class 22, e.g. U+0000 inside free-form
	 * JSON): the client's input, refused; the transaction has rolled back, so nothing was
	 * written.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	void unstorableData(DataIntegrityViolationException e, HttpServletResponse response) throws IOException {
		SQLException sql = Causes.find(e, SQLException.class);
		if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
			writer.write(response,
					new ApiException(ErrorCode.VALIDATION_ERROR,
							"The request contains a value that cannot be stored (for example a U+0000 character)",
							Map.of("reason", "unstorable_value")));
			return;
		}
		unexpected(e, response);
	}

	/**
	 * The database cannot be reached, whichever way that surfaces (see
	 * {@link DatabaseFailures}): retryable. One warning line naming the exception types,
	 * no messages (a driver's message can quote SQL and its values).
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransactionSystemException.class, QueryTimeoutException.class })
	void databaseUnavailable(Exception e, HttpServletResponse response) throws IOException {
		log.warn("Database unavailable: {}", LoggedThrowables.types(e));
		writer.write(response, serviceUnavailable());
	}

	/**
	 * Anything else. Framework exceptions that carry a 4xx status (they implement
	 * {@link ErrorResponse}) are the client's doing and keep their status; the rest is a
	 * logged 500.
	 */
	@ExceptionHandler(Exception.class)
	void unexpected(Exception e, HttpServletResponse response) throws IOException {
		if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
			writer.write(response, fromStatus(framework.getStatusCode().value()));
			return;
		}
		if (Causes.find(e, BadRequestException.class) != null) {
			writer.write(response, malformedBody());
			return;
		}
		if (DatabaseFailures.unavailable(e)) {
			databaseUnavailable(e, response);
			return;
		}
		log.error("Unhandled exception", LoggedThrowables.withoutMessages(e));
		writer.write(response, new ApiException(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred"));
	}

	static ApiException notFound() {
		return new ApiException(ErrorCode.NOT_FOUND, "No such resource");
	}

	static ApiException serviceUnavailable() {
		return ApiException.serviceUnavailable();
	}

	/** An error the servlet container or the framework answered with a bare status. */
	static ApiException fromStatus(int status) {
		return switch (status) {
			case 431 -> new ApiException(ErrorCode.REQUEST_HEADERS_TOO_LARGE, "The request headers are too large");
			case 400 -> new ApiException(ErrorCode.VALIDATION_ERROR, "The request is invalid");
			case 404 -> notFound();
			case 405 -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed here");
			case 406 -> new ApiException(ErrorCode.NOT_ACCEPTABLE, "This endpoint only produces application/json");
			case 413 -> new PayloadTooLargeException();
			case 415 -> new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Request body must be application/json");
			case 501 -> new ApiException(ErrorCode.NOT_IMPLEMENTED,
					"The server does not support this request's method or transfer coding");
			case 503 -> serviceUnavailable();
			case 505 -> new ApiException(ErrorCode.HTTP_VERSION_NOT_SUPPORTED, "Only HTTP/1.1 and HTTP/1.0 are served");
			default ->
				status >= 400 && status < 500 ? new ApiException(ErrorCode.VALIDATION_ERROR, "The request is invalid")
						: new ApiException(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred");
		};
	}

	private static ApiException validationError(Map<String, String> fields) {
		return fields.isEmpty() ? new ApiException(ErrorCode.VALIDATION_ERROR, "The request is invalid")
				: ApiException.invalidFields(fields);
	}

	/**
	 * Tomcat could not read the body's framing (a chunk size that is not hex, a body
	 * shorter than its length): the client's error, whichever code was reading.
	 */
	private static ApiException malformedBody() {
		return new ApiException(ErrorCode.VALIDATION_ERROR, "The request body's framing could not be read",
				Map.of("reason", "malformed_body"));
	}

	private static ApiException toApiException(HttpMessageNotReadableException e) {
		if (Causes.find(e, BadRequestException.class) != null) {
			return malformedBody();
		}
		// The size limit trips inside the JSON parser, so look for it below Jackson's own
		// wrapping.
		PayloadTooLargeException tooLarge = Causes.find(e, PayloadTooLargeException.class);
		if (tooLarge != null) {
			return tooLarge;
		}
		if (Causes.find(e, StreamReadException.class) != null) {
			return new ApiException(ErrorCode.MALFORMED_JSON, "Request body is not valid JSON");
		}
		DatabindException databind = Causes.find(e, DatabindException.class);
		if (databind != null && !databind.getPath().isEmpty()) {
			return ApiException.invalidField(jsonPath(databind.getPath()), "has the wrong type or format");
		}
		return new ApiException(ErrorCode.MALFORMED_JSON, "Request body is missing or not a JSON object");
	}

	private static String jsonPath(List<JacksonException.Reference> path) {
		StringBuilder result = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!result.isEmpty()) {
					result.append('.');
				}
				result.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				result.append('[').append(reference.getIndex()).append(']');
			}
		}
		return result.toString();
	}

}
