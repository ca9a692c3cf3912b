/**
 * Settings, database, health, version, logging; only the shared HTTP conventions.
 * <p>
 * The modules it may use are listed here on purpose: a new dependency between modules is
 * a design decision, so it fails ModuleStructureTest until it is added to this list (and
 * must not close a cycle).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "api", "api::error", "api::http" })
package com.amiqo.kairos.ops;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
