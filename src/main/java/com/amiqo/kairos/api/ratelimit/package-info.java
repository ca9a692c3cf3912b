/**
 * Rate limits: token buckets per user and in all, and the interceptor that answers 429.
 */
@NullMarked
@NamedInterface("ratelimit")
package com.amiqo.kairos.api.ratelimit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
