package com.amiqo.kairos.api.error;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.amiqo.kairos.api.openapi.OpenApiErrorResponses;

/**
 * The error codes an endpoint answers with beyond the ones every endpoint of its kind
 * shares (those are added by {@link OpenApiErrorResponses}: see its table). The OpenAPI
 * document turns them into one response per status, each with the error envelope. Put it
 * on every handler method that has codes of its own; the conformance test fails on any
 * status the document does not list.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiErrors {

	ErrorCode[] value() default {};

	/**
	 * The endpoint only ever refuses (e.g. {@code POST /events}): document no success
	 * response.
	 */
	boolean neverSucceeds() default false;

}
