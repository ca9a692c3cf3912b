package com.amiqo.kairos.api.error;

import java.util.Map;

/**
 * A client-visible failure: carries the error code, a human message and the
 * {@code details} object. Domain code throws subclasses or instances of this; the
 * {@link ApiExceptionHandler} turns them into the error envelope.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final Map<String, Object> details;

	public ApiException(ErrorCode code, String message) {
		this(code, message, Map.of());
	}

	public ApiException(ErrorCode code, String message, Map<String, ?> details) {
		super(message, null, false, false);
		this.code = code;
		this.details = Map.copyOf(details);
	}

	/**
	 * The database or the token signing keys cannot be reached: retryable (with a
	 * {@code Retry-After}).
	 */
	public static ApiException serviceUnavailable() {
		return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; retry later",
				Map.of("retryable", true));
	}

	public static ApiException invalidField(String field, String problem) {
		return invalidFields(Map.of(field, problem));
	}

	/**
	 * A validation error naming every offending field ({@code details.field} is the
	 * first).
	 */
	public static ApiException invalidFields(Map<String, String> problems) {
		return invalidFields(problems, Map.of());
	}

	/**
	 * A validation error naming every offending field, with more details a rule gives
	 * ({@code max_bytes}).
	 */
	public static ApiException invalidFields(Map<String, String> problems, Map<String, ?> moreDetails) {
		Map.Entry<String, String> first = problems.entrySet().iterator().next();
		StringBuilder message = new StringBuilder();
		problems.forEach((field,
				problem) -> message.append(message.isEmpty() ? "" : "; ").append(field).append(": ").append(problem));
		Map<String, Object> details = new java.util.LinkedHashMap<>(moreDetails);
		details.put("field", first.getKey());
		details.put("fields", new java.util.LinkedHashMap<>(problems));
		return new ApiException(ErrorCode.VALIDATION_ERROR, message.toString(), details);
	}

	public ErrorCode code() {
		return code;
	}

	public Map<String, Object> details() {
		return details;
	}

}
