package com.amiqo.kairos.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string field of a response whose values form a closed set, so the OpenAPI document
 * declares an enum (client generators then make a real enum type). Give the enum whose
 * constants, lower-cased, are the values, or the values as a {@code |}-separated list
 * (e.g. the constant a {@code @Pattern} on the request side uses). Request fields need
 * nothing: a {@code @Pattern} that is a plain list of alternatives becomes an enum by
 * itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD })
public @interface ClosedSet {

	Class<? extends Enum<?>>[] value() default {};

	String values() default "";

}
