package com.amiqo.kairos.event;

import com.amiqo.kairos.api.ClosedSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/** The API representation of an event (SPEC §6). */
record Event(
        UUID id,
        String ownerId,
        @JsonIgnore UUID ownerUserId,
        UUID negotiationId,
        String title,
        String intentCategory,
        @ClosedSet(values = Event.STATUSES) String status,
        String source,
        Instant startsAt,
        Instant endsAt,
        String timezone,
        ConfirmedPlan.@Nullable Venue venue,
        List<Person> participants,
        String icsUrl,
        @Nullable String encryptedPayload,
        @Nullable Integer encryptedBlobVersion,
        Instant createdAt,
        Instant updatedAt) {

    static final String STATUSES = "confirmed|cancelled";

    record Person(String userId, @Nullable String displayName) {
    }
}
