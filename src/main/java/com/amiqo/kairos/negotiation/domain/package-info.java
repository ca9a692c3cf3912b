/**
 * The negotiation's rules, pure and without I/O: the immutable aggregate
 * ({@code Negotiation}) and its parts, the reply and consensus rules, the states and the
 * refusals. Everything here takes values and returns decisions, so it is tested without
 * Spring or a database.
 */
@NullMarked
package com.amiqo.kairos.negotiation.domain;

import org.jspecify.annotations.NullMarked;
