package com.amiqo.kairos.api;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one rule for how an enum constant is written on the wire and in the database: its
 * name in lower case ({@code AWAITING_REPLIES} is {@code awaiting_replies}). Both
 * directions are looked up in tables made once per enum type, because every row read and
 * every response written goes through here (case conversion per call showed in the read
 * path's profile).
 */
public final class WireValues {

	private static final ClassValue<Names> NAMES = new ClassValue<>() {
		@Override
		protected Names computeValue(Class<?> type) {
			return new Names(type.getEnumConstants());
		}
	};

	private WireValues() {
	}

	public static String of(Enum<?> constant) {
		return of(constant.getDeclaringClass(), constant.ordinal());
	}

	static String of(Class<?> type, int ordinal) {
		return NAMES.get(type).written[ordinal];
	}

	/**
	 * The constant written as {@code value}; {@link IllegalArgumentException} when there
	 * is none.
	 */
	public static <E extends Enum<E>> E parse(Class<E> type, String value) {
		Object constant = NAMES.get(type).byWritten.get(value);
		if (constant == null) {
			// Not the written form: let the enum accept other spellings or name the
			// failure itself.
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		return type.cast(constant);
	}

	private static final class Names {

		private final String[] written;

		private final Map<String, Object> byWritten = new HashMap<>();

		Names(Object[] constants) {
			this.written = new String[constants.length];
			for (Object constant : constants) {
				Enum<?> value = (Enum<?>) constant;
				this.written[value.ordinal()] = value.name().toLowerCase(Locale.ROOT);
				this.byWritten.put(this.written[value.ordinal()], value);
			}
		}

	}

}
