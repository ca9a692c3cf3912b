package com.amiqo.kairos.api.http;

import java.util.HashSet;
import java.util.Set;
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

	@org.junit.jupiter.api.Test
	void freshWhenCalledRepeatedlyGivesDistinctVersion4Uuids() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = RequestIds.fresh();
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(uuid.toString()).isEqualTo(id);
			seen.add(id);
		}
		assertThat(seen).hasSize(10_000);
	}

}
