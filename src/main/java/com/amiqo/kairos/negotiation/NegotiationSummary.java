package com.amiqo.kairos.negotiation;

import com.amiqo.kairos.api.ClosedSet;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A list entry: the resource without participants, options and blob (SPEC §5.6). */
record NegotiationSummary(
        UUID id,
        String ownerId,
        String title,
        @ClosedSet(values = NegotiationRequests.INTENT_CATEGORIES) String intentCategory,
        @ClosedSet(NegotiationState.class) String state,
        boolean agentMode,
        int agentRound,
        int revision,
        int participantCount,
        int acceptedCount,
        @ClosedSet(ParticipantStatus.class) String myStatus,
        @Nullable UUID finalSlotId,
        @Nullable UUID finalVenueId,
        @Nullable String lastActorId,
        @Nullable String lastMessagePreview,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt) {
}
