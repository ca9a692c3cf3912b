package com.amiqo.kairos.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint's success responses carry an {@code ETag}; on a {@code GET} an
 * {@code If-None-Match} naming it is answered {@code 304} (Spring MVC does that for a
 * {@code ResponseEntity} with an ETag). Only documents: the OpenAPI document declares the
 * header, the parameter and the 304.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ETagged {

	/**
	 * When an {@code ETag} may be missing from a success response, why (documented, and
	 * the header is then not required): e.g. a negotiation past its deadline that the
	 * expiry sweep has not marked yet shows as expired under a revision that will still
	 * change, so it has none.
	 */
	String absentWhen() default "";

}
