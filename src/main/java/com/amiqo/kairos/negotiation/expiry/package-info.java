/**
 * The negotiation's scheduled work: the sweep that settles overdue negotiations, safe on
 * any number of instances.
 */
@NullMarked
package com.amiqo.kairos.negotiation.expiry;

import org.jspecify.annotations.NullMarked;
