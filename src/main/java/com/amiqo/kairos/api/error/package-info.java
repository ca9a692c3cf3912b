/**
 * The one error envelope and every path to it: the error codes, {@code ApiException}, the
 * exception handler, the servlet container's error pages, and what an error log line
 * withholds.
 */
@NullMarked
@NamedInterface("error")
package com.amiqo.kairos.api.error;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
