package com.amiqo.kairos.negotiation.domain;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A place option as proposed in a request, already validated; it gets an id once it is
 * added.
 */
public record VenueOption(String name, @Nullable String providerId, @Nullable String address, @Nullable Double lat,
		@Nullable Double lon, @Nullable Map<String, Object> metadata) {

	/** An option with no typed address or coordinates. */
	public VenueOption(String name, @Nullable String providerId, @Nullable Map<String, Object> metadata) {
		this(name, providerId, null, null, null, metadata);
	}
}
