/**
 * The web client's routes: the static app under /app/, its sign-in configuration,
 * invite-link landing pages and the iOS universal-links association file, with the pages'
 * security headers.
 * <p>
 * The modules it may use are listed here on purpose: a new dependency between modules is
 * a design decision, so it fails ModuleStructureTest until it is added to this list (and
 * must not close a cycle).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "api", "auth", "api::error" })
package com.amiqo.kairos.web;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
