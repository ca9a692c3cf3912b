package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A place option: typed {@code address}/{@code lat}/{@code lon}
 * (docs/reference.md#creating-a-negotiation) beside {@code metadata}, a client-defined
 * JSON object. {@code proposedAt} is when it was added, which decides who must answer
 * again (docs/reference.md#reading-negotiations).
 */
public record ProposedVenue(UUID id, int index, String name, @Nullable String providerId, @Nullable String address,
		@Nullable Double lat, @Nullable Double lon, @Nullable Map<String, Object> metadata, UUID proposedBy,
		Instant proposedAt) {

	/**
	 * An option the negotiation started with (no answer predates it), without typed place
	 * fields.
	 */
	public ProposedVenue(UUID id, int index, String name, @Nullable String providerId,
			@Nullable Map<String, Object> metadata, UUID proposedBy) {
		this(id, index, name, providerId, metadata, proposedBy, Instant.EPOCH);
	}

	/** A venue without typed address or coordinates, added at {@code proposedAt}. */
	public ProposedVenue(UUID id, int index, String name, @Nullable String providerId,
			@Nullable Map<String, Object> metadata, UUID proposedBy, Instant proposedAt) {
		this(id, index, name, providerId, null, null, null, metadata, proposedBy, proposedAt);
	}

	static ProposedVenue of(UUID id, int index, VenueOption option, UUID proposedBy, Instant proposedAt) {
		return new ProposedVenue(id, index, option.name(), option.providerId(), option.address(), option.lat(),
				option.lon(), option.metadata(), proposedBy, proposedAt);
	}

	boolean isSameOptionAs(VenueOption option) {
		return name.equals(option.name()) && Objects.equals(providerId, option.providerId())
				&& Objects.equals(address, option.address()) && Objects.equals(lat, option.lat())
				&& Objects.equals(lon, option.lon()) && Objects.equals(metadata, option.metadata());
	}
}
