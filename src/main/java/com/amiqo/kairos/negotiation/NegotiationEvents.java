package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Domain events for server-side integrations (docs/reference.md#notifications "agent
 * hooks"). Published inside the transaction of the change; listen with
 * {@code @TransactionalEventListener} (after commit, the default phase) so a listener
 * only ever sees changes that were committed. Ids only: a listener that needs more reads
 * it, and nothing here carries blob content.
 */
public final class NegotiationEvents {

	private NegotiationEvents() {
	}

	/** A negotiation was created; {@code sent} is false for a draft. */
	public record NegotiationStarted(UUID negotiationId, UUID organizerId, boolean sent, boolean agentMode) {
	}

	/**
	 * A reply changed a negotiation ({@code action}: accept, decline or counter; an
	 * organizer's accept of a draft sends it). No-op retries publish nothing.
	 */
	public record ReplyRecorded(UUID negotiationId, UUID replierId, String action, String state, int revision) {
	}

	public record NegotiationConfirmed(UUID negotiationId, UUID finalSlotId, @Nullable UUID finalVenueId) {
	}

	/**
	 * Cancelled by its organizer, or because every invitee declined ({@code cancelledBy}
	 * is then the last decliner).
	 */
	public record NegotiationCancelled(UUID negotiationId, UUID cancelledBy, boolean wasConfirmed) {
	}

	public record NegotiationExpired(UUID negotiationId) {
	}

	/**
	 * Someone joined through an invite link (docs/reference.md#invite-links); ids are
	 * {@code app_users} ids.
	 */
	public record ParticipantJoined(UUID negotiationId, UUID organizerId, UUID joinedUserId, int revision,
			String preview, Instant at) {
	}

}
