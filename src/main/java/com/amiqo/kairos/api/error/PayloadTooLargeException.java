package com.amiqo.kairos.api.error;

import java.util.Map;

import com.amiqo.kairos.api.http.RequestBodyLimitFilter;

/** A request body over {@link RequestBodyLimitFilter#MAX_BODY_BYTES}. */
public final class PayloadTooLargeException extends ApiException {

	public PayloadTooLargeException() {
		super(ErrorCode.PAYLOAD_TOO_LARGE, "Request body exceeds 64 KiB",
				Map.of("max_bytes", RequestBodyLimitFilter.MAX_BODY_BYTES));
	}

}
