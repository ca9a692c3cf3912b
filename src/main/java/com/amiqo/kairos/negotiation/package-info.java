/**
 * The negotiation state machine: the top of negotiation -> event -> user.
 * <p>
 * The modules it may use are listed here on purpose: a new dependency between modules is
 * a design decision, so it fails ModuleStructureTest until it is added to this list (and
 * must not close a cycle).
 */
@NullMarked
@ApplicationModule(
		allowedDependencies = { "user", "notification", "event", "api", "secret", "api::error", "api::paging" })
package com.amiqo.kairos.negotiation;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
