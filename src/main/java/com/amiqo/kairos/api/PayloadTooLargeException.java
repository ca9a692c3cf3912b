package com.amiqo.kairos.api;

import java.util.Map;

/** A request body over {@link RequestBodyLimitFilter#MAX_BODY_BYTES}. */
final class PayloadTooLargeException extends ApiException {

	PayloadTooLargeException() {
		super(ErrorCode.PAYLOAD_TOO_LARGE, "Request body exceeds 64 KiB",
				Map.of("max_bytes", RequestBodyLimitFilter.MAX_BODY_BYTES));
	}

}
