/**
 * Devices and the push outbox; addressed by user, never by what a push is about.
 * <p>
 * The modules it may use are listed here on purpose: a new dependency between modules is
 * a design decision, so it fails ModuleStructureTest until it is added to this list (and
 * must not close a cycle).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "user", "api", "ops", "secret", "api::error" })
package com.amiqo.kairos.notification;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
