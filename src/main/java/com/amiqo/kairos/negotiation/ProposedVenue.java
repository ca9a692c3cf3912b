package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A place option; {@code metadata} is a client-defined JSON object (coordinates, address, …).
 * {@code proposedAt} is when it was added, which decides who must answer again (SPEC §5.6).
 */
public record ProposedVenue(UUID id, int index, String name, @Nullable String providerId,
        @Nullable Map<String, Object> metadata, UUID proposedBy, Instant proposedAt) {

    /** An option the negotiation started with: no answer predates it. */
    public ProposedVenue(UUID id, int index, String name, @Nullable String providerId,
            @Nullable Map<String, Object> metadata, UUID proposedBy) {
        this(id, index, name, providerId, metadata, proposedBy, Instant.EPOCH);
    }

    boolean isSameOptionAs(VenueOption option) {
        return name.equals(option.name()) && Objects.equals(providerId, option.providerId())
                && Objects.equals(metadata, option.metadata());
    }
}
