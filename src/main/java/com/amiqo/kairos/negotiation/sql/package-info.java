/**
 * The negotiation's SQL: the one-statement load, the list statement and the writes, each
 * mapping rows to the domain's records.
 */
@NullMarked
package com.amiqo.kairos.negotiation.sql;

import org.jspecify.annotations.NullMarked;
