/**
 * The API's shared conventions, used by every feature module. This package holds what a
 * controller speaks in: the success {@code Envelope}, JSON rules, wire names of closed
 * sets, encrypted blobs, {@code ETag}/{@code If-Match}. Its sub-packages hold one concern
 * each: {@code error} (the error envelope and its one mapping), {@code http} (request ids
 * and the filters at the edge), {@code openapi}, {@code paging} and {@code ratelimit}.
 * <p>
 * It uses only {@code secret}; any other dependency would close a cycle, since every
 * feature module depends on this one.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "secret" })
package com.amiqo.kairos.api;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
