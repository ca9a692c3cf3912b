package com.amiqo.kairos.invite;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.ClosedSet;
import com.amiqo.kairos.negotiation.domain.NegotiationState;

/** Request and response shapes of invite links (docs/reference.md#invite-links). */
final class InviteLinks {

	/** A negotiation holds at most 50 people, so no link can bring in more than 49. */
	static final int MAX_USES = 49;
	static final int MAX_ACTIVE_PER_NEGOTIATION = 5;

	private InviteLinks() {
	}

	@Schema(name = "CreateInviteLinkRequest")
	record CreateRequest(@Nullable Instant expiresAt,
			@Min(value = 1, message = "must be 1-" + MAX_USES) @Max(value = MAX_USES,
					message = "must be 1-" + MAX_USES) @Nullable Integer maxUses) {
	}

	/** The only time the token is shown. */
	@Schema(name = "CreatedInviteLink")
	record Created(UUID id, String token, String url, Instant expiresAt, @Nullable Integer maxUses, int uses,
			Instant createdAt) {
	}

	/** A link as the organizer's list shows it: no token (it is not stored). */
	@Schema(name = "InviteLink")
	record Link(UUID id, Instant expiresAt, @Nullable Integer maxUses, int uses, @Nullable Instant revokedAt,
			boolean active, Instant createdAt) {
	}

	@Schema(name = "InvitePreview")
	record Preview(UUID negotiationId, String title,
			@ClosedSet(values = "coffee|lunch|dinner|drinks|gym|walk|movie|concert|study|game|brunch|other",
					name = "IntentCategory") String intentCategory,
			Organizer organizer, int participantCount, @ClosedSet(NegotiationState.class) String state,
			Instant expiresAt, boolean alreadyParticipant) {
	}

	@Schema(name = "InviteOrganizer")
	record Organizer(String userId, @Nullable String displayName) {
	}

}
