/**
 * Secrets the service makes and keeps only as hashes: random tokens (invite links,
 * calendar feeds) and SHA-256. Used by several modules; uses none.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.amiqo.kairos.secret;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
