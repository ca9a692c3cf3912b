package com.amiqo.kairos.api;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

	@ParameterizedTest
	@ValueSource(strings = { "a", "ABC-123_x.y", "0123456789abcdef0123456789abcdef" })
	void acceptKeepsWellFormedClientIds(String id) {
		assertThat(RequestIds.accept(id)).isEqualTo(id);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "with space", "slash/", "quote\"", "new\nline" })
	void acceptReplacesOtherValuesWithUuid(String id) {
		assertThat(UUID.fromString(RequestIds.accept(id))).isNotNull();
	}

	@org.junit.jupiter.api.Test
	void acceptAllowsExactly128Characters() {
		assertThat(RequestIds.accept("x".repeat(128))).hasSize(128);
		assertThat(RequestIds.accept("x".repeat(129))).hasSize(36);
	}

}
