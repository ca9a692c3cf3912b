package com.amiqo.kairos.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.http.RequestIds;

/** The success envelope: {@code {"data": …, "meta": {"request_id", "timestamp"}}}. */
public record Envelope<T>(T data, Meta meta) {

	public static <T> Envelope<T> of(T data) {
		return new Envelope<>(data, new Meta(RequestIds.current(), Instant.now(), null));
	}

	public static <T> Envelope<T> page(T data, Pagination pagination) {
		return new Envelope<>(data, new Meta(RequestIds.current(), Instant.now(), pagination));
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Meta(String requestId, Instant timestamp, @Nullable Pagination pagination) {
	}

	public record Pagination(int limit, @Nullable String nextCursor, boolean hasMore) {
	}
}
