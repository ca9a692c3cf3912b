/**
 * Token verification and the security chain; the shared HTTP conventions and the
 * deployment settings (whether a database URL is set decides the local issuer).
 * <p>
 * The modules it may use are listed here on purpose: a new dependency between modules is
 * a design decision, so it fails ModuleStructureTest until it is added to this list (and
 * must not close a cycle).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "api", "ops", "secret", "api::error" })
package com.amiqo.kairos.auth;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
