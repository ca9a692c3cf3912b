package com.amiqo.kairos.api;

import java.util.Locale;

/**
 * The one rule for how an enum constant is written on the wire and in the database: its
 * name in lower case ({@code AWAITING_REPLIES} is {@code awaiting_replies}).
 */
public final class WireValues {

	private WireValues() {
	}

	public static String of(Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The constant written as {@code value}; {@link IllegalArgumentException} when there
	 * is none.
	 */
	public static <E extends Enum<E>> E parse(Class<E> type, String value) {
		return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
	}

}
