package com.amiqo.kairos.api;

/**
 * An enum written on the wire and in the database by the {@link WireValues} rule: its
 * {@link #value()} is the constant's name in lower case. The enum declares only
 * {@code implements WireValue<ItsType>}; every enum already has the two methods below.
 *
 * @param <E> the enum itself
 */
public interface WireValue<E extends Enum<E>> {

	int ordinal();

	Class<E> getDeclaringClass();

	default String value() {
		return WireValues.of(getDeclaringClass(), ordinal());
	}

}
