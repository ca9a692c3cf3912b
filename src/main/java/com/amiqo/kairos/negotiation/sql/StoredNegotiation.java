package com.amiqo.kairos.negotiation.sql;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.EncryptedBlob;
import com.amiqo.kairos.event.ConfirmedPlan;
import com.amiqo.kairos.negotiation.NegotiationRequests;
import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.Previews;
import com.amiqo.kairos.negotiation.domain.ProposedSlot;

/**
 * A negotiation as stored: the domain state plus what is only shown or kept (title,
 * blobs, preview, timestamps) and the users it mentions, so the API can show Firebase
 * UIDs and names.
 */
public record StoredNegotiation(Negotiation negotiation, String title, String intentCategory, boolean agentMode,
		@Nullable EncryptedBlob blob, @Nullable UUID lastActorId, @Nullable String lastMessagePreview,
		String requestFingerprint, Instant createdAt, Instant updatedAt, Map<UUID, UserRef> users,
		Map<UUID, EncryptedBlob> participantBlobs, Map<UUID, UUID> eventIdsByOwner, @Nullable String cancelReason,
		List<WrappedKey> wrappedKeys) {

	/**
	 * The record of a negotiation just started: titled as requested or "Untitled
	 * invitation", its organizer the last actor, its preview that they proposed it.
	 */
	public static StoredNegotiation started(Negotiation negotiation, NegotiationRequests.Start request,
			@Nullable EncryptedBlob blob, @Nullable String organizerName, String fingerprint, Instant now) {
		String title = request.title() == null || request.title().isBlank() ? "Untitled invitation"
				: request.title().strip();
		return new StoredNegotiation(negotiation, title, request.intentCategory(),
				Boolean.TRUE.equals(request.agentMode()), blob, negotiation.ownerId(),
				Previews.proposed(organizerName, request.intentCategory()), fingerprint, now, now, Map.of(), Map.of(),
				Map.of(), null, List.of());
	}

	/** A user as the API shows them. */
	public record UserRef(UUID id, String uid, @Nullable String displayName) {
	}

	/**
	 * Every user the record refers to (owner, participants, proposers, last actor) was
	 * loaded with it.
	 */
	public UserRef user(UUID id) {
		return Objects.requireNonNull(users.get(id), "user not loaded with the negotiation");
	}

	/**
	 * The plan a confirmation creates events from: the confirmed state of this
	 * negotiation, its title and blob, and who attends (each marked tentative when they
	 * chose a final option only if need be).
	 */
	public ConfirmedPlan confirmedPlan(Negotiation confirmed) {
		ProposedSlot slot = confirmed.slots()
			.stream()
			.filter(s -> s.id().equals(confirmed.finalSlotId()))
			.findFirst()
			.orElseThrow();
		ConfirmedPlan.Venue venue = confirmed.venues()
			.stream()
			.filter(v -> v.id().equals(confirmed.finalVenueId()))
			.findFirst()
			.map(v -> new ConfirmedPlan.Venue(v.name(), v.providerId(), v.address(), v.lat(), v.lon(), v.metadata()))
			.orElse(null);
		List<ConfirmedPlan.Attendee> attendees = confirmed.participants()
			.stream()
			.filter(participant -> Boolean.TRUE.equals(confirmed.isAttending(participant)))
			.map(participant -> {
				UserRef user = user(participant.userId());
				return new ConfirmedPlan.Attendee(user.id(), user.uid(), user.displayName(),
						confirmed.isTentative(participant));
			})
			.toList();
		return new ConfirmedPlan(confirmed.id(), title, intentCategory, slot.startsAt(), slot.endsAt(), slot.timezone(),
				venue, attendees, blob);
	}

}
