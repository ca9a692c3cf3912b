/**
 * Invite links, which join a user to a negotiation.
 * <p>
 * The modules it may use are listed here on purpose: a new dependency between modules is
 * a design decision, so it fails ModuleStructureTest until it is added to this list (and
 * must not close a cycle).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "user", "api", "negotiation", "negotiation::state", "ops", "secret",
		"api::error", "api::ratelimit" })
package com.amiqo.kairos.invite;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
