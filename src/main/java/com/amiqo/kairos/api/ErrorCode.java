package com.amiqo.kairos.api;

import org.springframework.http.HttpStatus;

/** Every error code the API can answer with (SPEC §2), each bound to its HTTP status. */
public enum ErrorCode {
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST),
    INVALID_CURSOR(HttpStatus.BAD_REQUEST),
    MISSING_COUNTER_FIELDS(HttpStatus.BAD_REQUEST),
    COUNTER_LIMIT_EXCEEDED(HttpStatus.BAD_REQUEST),
    UNSUPPORTED_API_VERSION(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    USER_NOT_PARTICIPANT(HttpStatus.FORBIDDEN),
    ORGANIZER_ONLY_ACTION(HttpStatus.FORBIDDEN),
    USER_NOT_EVENT_OWNER(HttpStatus.FORBIDDEN),
    EVENT_CREATION_DISABLED(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    INVITE_NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    CONFLICT(HttpStatus.CONFLICT),
    INVALID_STATE_TRANSITION(HttpStatus.CONFLICT),
    NEGOTIATION_EXPIRED(HttpStatus.CONFLICT),
    NEGOTIATION_FULL(HttpStatus.CONFLICT),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    UNKNOWN_PARTICIPANTS(HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_OPTION(HttpStatus.UNPROCESSABLE_CONTENT),
    SLOT_IN_PAST(HttpStatus.UNPROCESSABLE_CONTENT),
    RATE_LIMIT_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
