/**
 * Confirmed plans (events); the middle of negotiation -> event -> user.
 * <p>
 * The modules it may use are listed here on purpose: a new dependency between modules is
 * a design decision, so it fails ModuleStructureTest until it is added to this list (and
 * must not close a cycle).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "calendar", "user", "api", "api::error", "api::paging" })
package com.amiqo.kairos.event;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
