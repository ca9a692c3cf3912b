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
import com.amiqo.kairos.negotiation.domain.Answers;
import com.amiqo.kairos.negotiation.domain.IntentCategory;
import com.amiqo.kairos.negotiation.domain.Lists;
import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.OnDeadline;
import com.amiqo.kairos.negotiation.domain.ParticipantStatus;
import com.amiqo.kairos.negotiation.domain.ProposedSlot;
import com.amiqo.kairos.negotiation.domain.ProposedVenue;
import com.amiqo.kairos.negotiation.sql.StoredNegotiation;

/**
 * The full negotiation resource (docs/reference.md#reading-negotiations), as the caller
 * sees it.
 */
public record NegotiationView(UUID id, String ownerId, String title,
		@ClosedSet(values = IntentCategory.VALUES, name = "IntentCategory") String intentCategory,
		@ClosedSet(NegotiationState.class) String state, boolean agentMode, int agentRound, int revision,
		int participantCount, int acceptedCount, @ClosedSet(ParticipantStatus.class) String myStatus,
		List<ParticipantView> participants, List<SlotView> proposedSlots, List<VenueView> proposedVenues,
		boolean autoConfirm, @ClosedSet(OnDeadline.class) String onDeadline, int minAttendees,
		@Nullable UUID finalSlotId, @Nullable UUID finalVenueId, @Nullable UUID myEventId,
		@Nullable Integer attendeeCount, @Nullable String cancelReason, @Nullable String encryptedPayload,
		@Nullable Integer encryptedBlobVersion, @Nullable String lastActorId, @Nullable String lastMessagePreview,
		Instant createdAt, Instant updatedAt, Instant expiresAt, List<WrappedKeyView> myWrappedKeys) {

	public record ParticipantView(String userId, @Nullable String displayName,
			@ClosedSet(ParticipantStatus.class) String status, List<UUID> acceptedSlotIds, List<UUID> acceptedVenueIds,
			List<UUID> maybeSlotIds, List<UUID> maybeVenueIds, @Nullable Instant respondedAt,
			@Nullable Boolean attending, @Nullable String encryptedPayload, @Nullable Integer encryptedBlobVersion) {
	}

	public record SlotView(UUID id, int slotIndex, Instant startsAt, Instant endsAt, int durationMinutes,
			String timezone, String proposedBy, AnswersView answers) {
	}

	public record VenueView(UUID id, int venueIndex, String name, @Nullable String providerId, @Nullable String address,
			@Nullable Double lat, @Nullable Double lon, @Nullable Map<String, Object> metadata, String proposedBy,
			AnswersView answers) {
	}

	/**
	 * How the active participants answered one option: yes, if need be, no, or not yet
	 * (never answered, or the option came after their last answer).
	 */
	public record AnswersView(int yes, int ifNeedBe, int no, int noAnswer) {

		static AnswersView of(Answers.Tally tally) {
			return new AnswersView(tally.yes(), tally.ifNeedBe(), tally.no(), tally.noAnswer());
		}

	}

	private static final Comparator<ProposedSlot> BY_TIME = Comparator.comparing(ProposedSlot::startsAt)
		.thenComparingInt(ProposedSlot::index);

	static NegotiationView of(StoredNegotiation record, UUID viewerId, Instant now) {
		// Lists.map, not streams: every request that returns a negotiation runs this.
		// An overdue negotiation shows what its deadline makes of it, before the sweep:
		// expired (the stored revision, as ever), or confirmed on the deadline's pick.
		Negotiation stored = record.negotiation();
		Negotiation negotiation = stored.isOverdue(now) && stored.deciding().onDeadline() == OnDeadline.PICK_BEST
				? stored.atDeadline(now) : stored;
		Answers answers = new Answers(negotiation.participants(), now);
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
					ordered(participant.acceptedVenueIds(), venueOrder), ordered(participant.maybeSlotIds(), slotOrder),
					ordered(participant.maybeVenueIds(), venueOrder), participant.respondedAt(),
					negotiation.isAttending(participant), blob == null ? null : blob.payload(),
					blob == null ? null : blob.version());
		});
		List<ProposedSlot> byTime = new ArrayList<>(slots);
		byTime.sort(BY_TIME);
		return new NegotiationView(negotiation.id(), record.user(negotiation.ownerId()).uid(), record.title(),
				record.intentCategory(), negotiation.effectiveState(now).value(), record.agentMode(),
				negotiation.agentRound(), negotiation.revision(), negotiation.participants().size(),
				negotiation.acceptedCount(), myStatus(negotiation, viewerId), participants,
				Lists.map(byTime,
						slot -> new SlotView(slot.id(), slot.index(), slot.startsAt(), slot.endsAt(),
								slot.durationMinutes(), slot.timezone(), record.user(slot.proposedBy()).uid(),
								AnswersView.of(answers.slot(slot)))),
				Lists.map(negotiation.venues(),
						venue -> new VenueView(venue.id(), venue.index(), venue.name(), venue.providerId(),
								venue.address(), venue.lat(), venue.lon(), venue.metadata(),
								record.user(venue.proposedBy()).uid(), AnswersView.of(answers.venue(venue)))),
				negotiation.deciding().autoConfirm(), negotiation.deciding().onDeadline().value(),
				negotiation.deciding().minAttendees(), negotiation.finalSlotId(), negotiation.finalVenueId(),
				record.eventIdsByOwner().get(viewerId), negotiation.attendeeCount(), record.cancelReason(),
				record.blob() == null ? null : record.blob().payload(),
				record.blob() == null ? null : record.blob().version(),
				record.lastActorId() == null ? null : record.user(record.lastActorId()).uid(),
				record.lastMessagePreview(), record.createdAt(), record.updatedAt(), negotiation.expiresAt(),
				WrappedKeyView.mine(record, viewerId));
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
