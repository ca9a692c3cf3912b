package com.amiqo.kairos.api.paging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorsTest {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final CursorProperties SETTINGS = new CursorProperties("0123456789abcdef0123456789abcdef",
			Duration.ofHours(24));

	private static final PageCursors.Position POSITION = new PageCursors.Position(
			Instant.parse("2026-11-25T11:59:59.123456Z"), UUID.randomUUID());

	private final PageCursors cursors = new PageCursors(SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void decodeReturnsTheEncodedPositionToTheMicrosecond() {
		String cursor = cursors.encode("negotiations", "user-1|filters", POSITION);

		assertThat(cursors.decode(cursor, "negotiations", "user-1|filters")).isEqualTo(POSITION);
	}

	@Test
	void decodeWhenAnyCharacterChangedThrowsInvalidCursor() {
		String cursor = cursors.encode("negotiations", "user-1", POSITION);
		for (int i = 0; i < cursor.length(); i++) {
			char replacement = cursor.charAt(i) == 'A' ? 'B' : 'A';
			String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
			assertInvalid(() -> cursors.decode(tampered, "negotiations", "user-1"));
		}
	}

	@Test
	void decodeWhenOtherUserOrFiltersThrowsInvalidCursor() {
		String cursor = cursors.encode("negotiations", "user-1|a", POSITION);

		assertInvalid(() -> cursors.decode(cursor, "negotiations", "user-2|a"));
		assertInvalid(() -> cursors.decode(cursor, "negotiations", "user-1|b"));
		assertInvalid(() -> cursors.decode(cursor, "events", "user-1|a"));
	}

	@Test
	void decodeWhenOlderThanTtlThrowsInvalidCursor() {
		String cursor = new PageCursors(SETTINGS, Clock.fixed(NOW.minus(Duration.ofHours(25)), ZoneOffset.UTC))
			.encode("negotiations", "user-1", POSITION);

		assertInvalid(() -> cursors.decode(cursor, "negotiations", "user-1"));
	}

	@Test
	void decodeWhenSignedWithAnotherSecretThrowsInvalidCursor() {
		String foreign = new PageCursors(new CursorProperties("another-secret-another-secret-xx", Duration.ofHours(24)),
				Clock.fixed(NOW, ZoneOffset.UTC))
			.encode("negotiations", "user-1", POSITION);

		assertInvalid(() -> cursors.decode(foreign, "negotiations", "user-1"));
	}

	@Test
	void decodeWhenGarbageThrowsInvalidCursor() {
		for (String garbage : new String[] { "", ".", "abc", "a.b.c", "%%%.%%%", "eyJ9.eyJ9" }) {
			assertInvalid(() -> cursors.decode(garbage, "negotiations", "user-1"));
		}
	}

	private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
				e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
	}

}
