package com.amiqo.kairos.negotiation;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A place option; {@code metadata} is a client-defined JSON object (coordinates, address, …). */
public record ProposedVenue(UUID id, int index, String name, @Nullable String providerId,
        @Nullable Map<String, Object> metadata, UUID proposedBy) {

    boolean isSameOptionAs(VenueOption option) {
        return name.equals(option.name()) && Objects.equals(providerId, option.providerId())
                && Objects.equals(metadata, option.metadata());
    }
}
