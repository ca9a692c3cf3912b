/**
 * The HTTP edge: request ids and trace context, the access log, the filters and
 * interceptors that refuse malformed requests before a controller runs (API version,
 * query strings, body size, JSON only), CORS, Tomcat settings, and the order the
 * interceptors run in.
 */
@NullMarked
@NamedInterface("http")
package com.amiqo.kairos.api.http;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
