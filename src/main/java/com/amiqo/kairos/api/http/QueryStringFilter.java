package com.amiqo.kairos.api.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.error.ErrorResponseWriter;

/**
 * Refuses a query string that is not well-formed percent-encoded UTF-8 ({@code %ZZ}, a
 * truncated {@code %E2%82}) with {@code 400 VALIDATION_ERROR}, on every route and whether
 * or not the endpoint reads parameters. Tomcat decodes parameters lazily and throws from
 * whichever code asks first; checking here means no later code can meet that failure, and
 * the raw value is never logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class QueryStringFilter extends RequestCheckFilter {

	private static final int MAX_FIELD_NAME_LENGTH = 64;

	QueryStringFilter(ErrorResponseWriter errors) {
		super(errors);
	}

	@Override
	@Nullable ApiException refusal(HttpServletRequest request) {
		String query = request.getQueryString();
		return query == null ? null : check(query);
	}

	static @Nullable ApiException check(String query) {
		for (String pair : query.split("&", -1)) {
			int equals = pair.indexOf('=');
			String rawName = equals < 0 ? pair : pair.substring(0, equals);
			String name = decode(rawName);
			if (name == null) {
				return new ApiException(ErrorCode.VALIDATION_ERROR,
						"The query string is not valid percent-encoded UTF-8",
						Map.of("reason", "malformed_query_string"));
			}
			if (equals >= 0 && decode(pair.substring(equals + 1)) == null) {
				boolean nameable = !name.isEmpty() && name.length() <= MAX_FIELD_NAME_LENGTH
						&& name.chars().noneMatch(Character::isISOControl);
				return nameable ? ApiException.invalidField(name, "is not valid percent-encoded UTF-8")
						: new ApiException(ErrorCode.VALIDATION_ERROR,
								"The query string is not valid percent-encoded UTF-8",
								Map.of("reason", "malformed_query_string"));
			}
		}
		return null;
	}

	/**
	 * Strict form decoding: every {@code %} starts two hex digits and the bytes are valid
	 * UTF-8; else null.
	 */
	static @Nullable String decode(String value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%') {
				if (i + 2 >= value.length()) {
					return null;
				}
				int high = Character.digit(value.charAt(i + 1), 16);
				int low = Character.digit(value.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException e) {
			return null;
		}
	}

}
