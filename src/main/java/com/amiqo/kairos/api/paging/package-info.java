/**
 * Keyset paging: signed, expiring cursors and the SQL that pages by ({@code updated_at},
 * {@code id}).
 */
@NullMarked
@NamedInterface("paging")
package com.amiqo.kairos.api.paging;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
