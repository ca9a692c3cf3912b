/**
 * The shared HTTP conventions (envelope, errors, request ids, paging, OpenAPI):
 * everything depends on it, it on nothing.
 * <p>
 * It may use no other module. (An empty list would mean "any" to Spring Modulith; here
 * any dependency would close a cycle, since every other module depends on this one, and
 * ModuleStructureTest fails on it.)
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.amiqo.kairos.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
