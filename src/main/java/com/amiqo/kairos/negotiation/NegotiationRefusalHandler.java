package com.amiqo.kairos.negotiation;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.error.ErrorResponseWriter;
import com.amiqo.kairos.negotiation.domain.NegotiationRefusal;

/**
 * The one place where a negotiation rule's refusal becomes an API error: each reason has
 * its error code (and so its status), and the refusal's message and details go into the
 * error envelope as they are. It runs before the catch-all ApiExceptionHandler, which
 * would otherwise answer 500; every controller's calls into the negotiation rules (keys
 * and invite links included) end here.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NegotiationRefusalHandler {

	private final ErrorResponseWriter writer;

	NegotiationRefusalHandler(ErrorResponseWriter writer) {
		this.writer = writer;
	}

	@ExceptionHandler(NegotiationRefusal.class)
	void refused(NegotiationRefusal refusal, HttpServletResponse response) throws IOException {
		writer.write(response, toApiException(refusal));
	}

	/** The API error a refusal stands for. */
	public static ApiException toApiException(NegotiationRefusal refusal) {
		String message = Objects.requireNonNull(refusal.getMessage());
		ErrorCode code = switch (refusal.reason()) {
			case INVALID_FIELD -> ErrorCode.VALIDATION_ERROR;
			case NOT_FOUND -> ErrorCode.NOT_FOUND;
			case FULL -> ErrorCode.NEGOTIATION_FULL;
			case NOT_PARTICIPANT -> ErrorCode.USER_NOT_PARTICIPANT;
			case ORGANIZER_ONLY -> ErrorCode.ORGANIZER_ONLY_ACTION;
			case INVALID_TRANSITION -> ErrorCode.INVALID_STATE_TRANSITION;
			case EXPIRED -> ErrorCode.NEGOTIATION_EXPIRED;
			case STALE_REVISION -> ErrorCode.PRECONDITION_FAILED;
			case UNKNOWN_OPTION -> ErrorCode.UNKNOWN_OPTION;
			case SLOT_IN_PAST -> ErrorCode.SLOT_IN_PAST;
			case MISSING_COUNTER_FIELDS -> ErrorCode.MISSING_COUNTER_FIELDS;
			case TOO_MANY_OPTIONS -> ErrorCode.COUNTER_LIMIT_EXCEEDED;
		};
		String field = refusal.field();
		if (code == ErrorCode.VALIDATION_ERROR && field != null) {
			// The validation envelope every other invalid field gets: field, fields,
			// message.
			return ApiException.invalidField(field, message);
		}
		return new ApiException(code, message, refusal.details());
	}

}
