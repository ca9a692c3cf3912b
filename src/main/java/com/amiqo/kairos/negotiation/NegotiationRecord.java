package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.EncryptedBlob;

/**
 * A negotiation as stored: the domain state plus what is only shown or kept (title,
 * blobs, preview, timestamps) and the users it mentions, so the API can show Firebase
 * UIDs and names.
 */
record NegotiationRecord(Negotiation negotiation, String title, String intentCategory, boolean agentMode,
		@Nullable EncryptedBlob blob, @Nullable UUID lastActorId, @Nullable String lastMessagePreview,
		String requestFingerprint, Instant createdAt, Instant updatedAt, Map<UUID, UserRef> users,
		Map<UUID, EncryptedBlob> participantBlobs, Map<UUID, UUID> eventIdsByOwner) {

	/** A record with no events yet (anything not yet confirmed). */
	NegotiationRecord(Negotiation negotiation, String title, String intentCategory, boolean agentMode,
			@Nullable EncryptedBlob blob, @Nullable UUID lastActorId, @Nullable String lastMessagePreview,
			String requestFingerprint, Instant createdAt, Instant updatedAt, Map<UUID, UserRef> users,
			Map<UUID, EncryptedBlob> participantBlobs) {
		this(negotiation, title, intentCategory, agentMode, blob, lastActorId, lastMessagePreview, requestFingerprint,
				createdAt, updatedAt, users, participantBlobs, Map.of());
	}

	/** A user as the API shows them. */
	record UserRef(UUID id, String uid, @Nullable String displayName) {
	}

	/**
	 * Every user the record refers to (owner, participants, proposers, last actor) was
	 * loaded with it.
	 */
	UserRef user(UUID id) {
		return Objects.requireNonNull(users.get(id), "user not loaded with the negotiation");
	}
}
