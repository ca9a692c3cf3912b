/**
 * The served OpenAPI document: its configuration and the customizers that make it
 * truthful for client generators (required and nullable fields, closed sets as enums,
 * error responses).
 */
@NullMarked
@NamedInterface("openapi")
package com.amiqo.kairos.api.openapi;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
