package com.amiqo.kairos.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string field or query parameter whose values form a closed set, so the OpenAPI
 * document declares it as one shared, named enum schema that every use references (client
 * generators then make one enum type, not one per field). Give the enum whose constants,
 * lower-cased, are the values, or the values as a {@code |}-separated list (e.g. the
 * constant a {@code @Pattern} on the request side uses) together with the schema's
 * {@link #name()}. Every use of one name must list the same values; the document build
 * fails otherwise, and fails on a closed set left unnamed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER })
public @interface ClosedSet {

	Class<? extends Enum<?>>[] value() default {};

	String values() default "";

	/**
	 * The shared schema's name; defaults to the simple name of the one enum in
	 * {@link #value()}.
	 */
	String name() default "";

}
