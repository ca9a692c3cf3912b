package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone joined a negotiation through an invite link (SPEC §5.8). Published inside the joining
 * transaction, after the participant row is written: this is where the {@code joined}
 * notification to the organizer (SPEC §7) is to be written into the outbox, by a plain
 * {@code @EventListener} (which runs in the same transaction, so the notification commits or rolls
 * back with the join). Ids are {@code app_users} ids.
 */
public record ParticipantJoined(UUID negotiationId, UUID organizerId, UUID joinedUserId, int revision,
        String preview, Instant at) {
}
