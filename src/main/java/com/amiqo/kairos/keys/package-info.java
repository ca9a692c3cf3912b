/**
 * The public-key directory and the wrapped plan keys: each device's identity public key,
 * and a negotiation's plan key encrypted for each participant's keys. The server checks
 * shapes and who may read and write; it never sees a private key or a plan key.
 * <p>
 * The modules it may use are listed here on purpose: a new dependency between modules is
 * a design decision, so it fails ModuleStructureTest until it is added to this list (and
 * must not close a cycle).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "negotiation", "user", "api", "api::error", "secret" })
package com.amiqo.kairos.keys;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
