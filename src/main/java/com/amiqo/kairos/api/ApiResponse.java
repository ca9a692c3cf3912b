package com.amiqo.kairos.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** The success envelope: {@code {"data": …, "meta": {"request_id", "timestamp"}}}. */
public record ApiResponse<T>(T data, Meta meta) {

	public static <T> ApiResponse<T> of(T data) {
		return new ApiResponse<>(data, new Meta(RequestIds.current(), Instant.now(), null));
	}

	public static <T> ApiResponse<T> page(T data, Pagination pagination) {
		return new ApiResponse<>(data, new Meta(RequestIds.current(), Instant.now(), pagination));
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Meta(String requestId, Instant timestamp, @Nullable Pagination pagination) {
	}

	public record Pagination(int limit, @Nullable String nextCursor, boolean hasMore) {
	}
}
