package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.ClosedSet;
import com.amiqo.kairos.negotiation.domain.IntentCategory;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.OnDeadline;
import com.amiqo.kairos.negotiation.domain.ParticipantStatus;

/**
 * A list entry: the resource without participants, options and blob, plus what a list row
 * shows (docs/reference.md#reading-negotiations): the organizer's name, how many options
 * there are and the next start ({@code next_starts_at}: the final slot's once one was
 * chosen, else the earliest slot not yet started).
 */
public record NegotiationSummary(UUID id, String ownerId, @Nullable String organizerDisplayName, String title,
		@ClosedSet(values = IntentCategory.VALUES, name = "IntentCategory") String intentCategory,
		@ClosedSet(NegotiationState.class) String state, boolean agentMode, int agentRound, int revision,
		int participantCount, int acceptedCount, @ClosedSet(ParticipantStatus.class) String myStatus,
		boolean autoConfirm, @ClosedSet(OnDeadline.class) String onDeadline, int minAttendees,
		@Nullable UUID finalSlotId, @Nullable UUID finalVenueId, @Nullable Integer attendeeCount,
		@Nullable String cancelReason, int slotCount, int venueCount, @Nullable Instant nextStartsAt,
		@Nullable String lastActorId, @Nullable String lastMessagePreview, Instant createdAt, Instant updatedAt,
		Instant expiresAt) {
}
