/**
 * Calendar files and feeds of a user.
 * <p>
 * The modules it may use are listed here on purpose: a new dependency between modules is
 * a design decision, so it fails ModuleStructureTest until it is added to this list (and
 * must not close a cycle).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "user", "api", "ops", "secret", "api::error", "api::ratelimit" })
package com.amiqo.kairos.calendar;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
