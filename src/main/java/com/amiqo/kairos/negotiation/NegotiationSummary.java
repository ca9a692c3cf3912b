package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A list entry: the resource without participants, options and blob (SPEC §5.6). */
record NegotiationSummary(
        UUID id,
        String ownerId,
        String title,
        String intentCategory,
        String state,
        boolean agentMode,
        int agentRound,
        int revision,
        int participantCount,
        int acceptedCount,
        String myStatus,
        @Nullable UUID finalSlotId,
        @Nullable UUID finalVenueId,
        @Nullable String lastActorId,
        @Nullable String lastMessagePreview,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt) {
}
