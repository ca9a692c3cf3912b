package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.ClosedSet;
import com.amiqo.kairos.api.EncryptedBlob;
import com.amiqo.kairos.negotiation.domain.IntentCategory;
import com.amiqo.kairos.negotiation.domain.Lists;
import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.ParticipantStatus;
import com.amiqo.kairos.negotiation.domain.ProposedSlot;
import com.amiqo.kairos.negotiation.domain.ProposedVenue;
import com.amiqo.kairos.negotiation.sql.StoredNegotiation;

/**
 * The full negotiation resource (docs/reference.md#reading-negotiations), as the caller
 * sees it.
 */
public record NegotiationView(UUID id, String ownerId, String title,
		@ClosedSet(values = IntentCategory.VALUES) String intentCategory,
		@ClosedSet(NegotiationState.class) String state, boolean agentMode, int agentRound, int revision,
		int participantCount, int acceptedCount, @ClosedSet(ParticipantStatus.class) String myStatus,
		List<ParticipantView> participants, List<SlotView> proposedSlots, List<VenueView> proposedVenues,
		@Nullable UUID finalSlotId, @Nullable UUID finalVenueId, @Nullable UUID myEventId,
		@Nullable String encryptedPayload, @Nullable Integer encryptedBlobVersion, @Nullable String lastActorId,
		@Nullable String lastMessagePreview, Instant createdAt, Instant updatedAt, Instant expiresAt) {

	public record ParticipantView(String userId, @Nullable String displayName,
			@ClosedSet(ParticipantStatus.class) String status, List<UUID> acceptedSlotIds, List<UUID> acceptedVenueIds,
			@Nullable Instant respondedAt, @Nullable String encryptedPayload, @Nullable Integer encryptedBlobVersion) {
	}

	public record SlotView(UUID id, int slotIndex, Instant startsAt, Instant endsAt, int durationMinutes,
			String timezone, String proposedBy) {
	}

	public record VenueView(UUID id, int venueIndex, String name, @Nullable String providerId, @Nullable String address,
			@Nullable Double lat, @Nullable Double lon, @Nullable Map<String, Object> metadata, String proposedBy) {
	}

	private static final Comparator<ProposedSlot> BY_TIME = Comparator.comparing(ProposedSlot::startsAt)
		.thenComparingInt(ProposedSlot::index);

	static NegotiationView of(StoredNegotiation record, UUID viewerId, Instant now) {
		// Lists.map, not streams: every request that returns a negotiation runs this.
		Negotiation negotiation = record.negotiation();
		List<ProposedSlot> slots = negotiation.slots();
		List<UUID> slotOrder = Lists.map(slots, ProposedSlot::id);
		List<UUID> venueOrder = Lists.map(negotiation.venues(), ProposedVenue::id);
		List<ParticipantView> participants = Lists.map(negotiation.participants(), participant -> {
			StoredNegotiation.UserRef user = record.user(participant.userId());
			// A reply's blob is the replier's own: only they get it back.
			EncryptedBlob blob = participant.userId().equals(viewerId)
					? record.participantBlobs().get(participant.userId()) : null;
			return new ParticipantView(user.uid(), user.displayName(), participant.status().value(),
					ordered(participant.acceptedSlotIds(), slotOrder),
					ordered(participant.acceptedVenueIds(), venueOrder), participant.respondedAt(),
					blob == null ? null : blob.payload(), blob == null ? null : blob.version());
		});
		List<ProposedSlot> byTime = new ArrayList<>(slots);
		byTime.sort(BY_TIME);
		return new NegotiationView(negotiation.id(), record.user(negotiation.ownerId()).uid(), record.title(),
				record.intentCategory(), negotiation.effectiveState(now).value(), record.agentMode(),
				negotiation.agentRound(), negotiation.revision(), negotiation.participants().size(),
				negotiation.acceptedCount(), myStatus(negotiation, viewerId), participants,
				Lists.map(byTime,
						slot -> new SlotView(slot.id(), slot.index(), slot.startsAt(), slot.endsAt(),
								slot.durationMinutes(), slot.timezone(), record.user(slot.proposedBy()).uid())),
				Lists.map(negotiation.venues(),
						venue -> new VenueView(venue.id(), venue.index(), venue.name(), venue.providerId(),
								venue.address(), venue.lat(), venue.lon(), venue.metadata(),
								record.user(venue.proposedBy()).uid())),
				negotiation.finalSlotId(), negotiation.finalVenueId(), record.eventIdsByOwner().get(viewerId),
				record.blob() == null ? null : record.blob().payload(),
				record.blob() == null ? null : record.blob().version(),
				record.lastActorId() == null ? null : record.user(record.lastActorId()).uid(),
				record.lastMessagePreview(), record.createdAt(), record.updatedAt(), negotiation.expiresAt());
	}

	private static String myStatus(Negotiation negotiation, UUID viewerId) {
		return negotiation.participant(viewerId).map(participant -> participant.status().value()).orElseThrow();
	}

	/** Ids in the order of the options they name, so answers read in a stable order. */
	private static List<UUID> ordered(Set<UUID> ids, List<UUID> optionOrder) {
		List<UUID> ordered = new ArrayList<>(ids.size());
		for (UUID id : optionOrder) {
			if (ids.contains(id)) {
				ordered.add(id);
			}
		}
		return ordered;
	}
}
