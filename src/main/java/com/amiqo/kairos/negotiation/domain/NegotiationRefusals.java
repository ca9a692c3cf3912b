package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.amiqo.kairos.negotiation.domain.NegotiationRefusal.Reason;

/**
 * The negotiation rules' refusals, each with its reason and the details a client can act
 * on.
 */
public final class NegotiationRefusals {

	private NegotiationRefusals() {
	}

	public static NegotiationRefusal notFound() {
		return new NegotiationRefusal(Reason.NOT_FOUND, "No such negotiation", Map.of());
	}

	static NegotiationRefusal full(UUID negotiationId) {
		return new NegotiationRefusal(Reason.FULL, "This negotiation already has the most participants it can",
				Map.of("negotiation_id", negotiationId, "limit", Negotiation.MAX_PARTICIPANTS));
	}

	public static NegotiationRefusal notParticipant(UUID negotiationId) {
		return new NegotiationRefusal(Reason.NOT_PARTICIPANT, "You are not a participant of this negotiation",
				Map.of("negotiation_id", negotiationId));
	}

	public static NegotiationRefusal organizerOnly(UUID negotiationId, String action) {
		return new NegotiationRefusal(Reason.ORGANIZER_ONLY, "Only the organizer can " + action + " a negotiation",
				Map.of("negotiation_id", negotiationId, "requested_action", action));
	}

	public static NegotiationRefusal invalidTransition(UUID negotiationId, NegotiationState current, String action) {
		return new NegotiationRefusal(Reason.INVALID_TRANSITION,
				"Cannot " + action + " a negotiation that is " + current.value(),
				Map.of("negotiation_id", negotiationId, "current_state", current.value(), "requested_action", action));
	}

	public static NegotiationRefusal expired(UUID negotiationId, Instant expiresAt) {
		return new NegotiationRefusal(Reason.EXPIRED, "This negotiation has expired", Map.of("negotiation_id",
				negotiationId, "current_state", NegotiationState.EXPIRED.value(), "expires_at", expiresAt.toString()));
	}

	static NegotiationRefusal staleRevision(UUID negotiationId, int currentRevision) {
		return new NegotiationRefusal(Reason.STALE_REVISION, "The negotiation has changed since you read it",
				Map.of("negotiation_id", negotiationId, "current_revision", currentRevision));
	}

	static NegotiationRefusal unknownOptions(Collection<UUID> slotIds, Collection<UUID> venueIds) {
		return new NegotiationRefusal(Reason.UNKNOWN_OPTION, "Some chosen options do not belong to this negotiation",
				Map.of("unknown_slot_ids", List.copyOf(slotIds), "unknown_venue_ids", List.copyOf(venueIds)));
	}

	static NegotiationRefusal slotsInPast(Collection<UUID> slotIds) {
		return new NegotiationRefusal(Reason.SLOT_IN_PAST, "Every chosen slot has already started",
				Map.of("field", "slot_ids", "slot_ids", List.copyOf(slotIds)));
	}

	static NegotiationRefusal unknownFinalOption(String field, UUID optionId) {
		return new NegotiationRefusal(Reason.UNKNOWN_OPTION, "The chosen option does not belong to this negotiation",
				Map.of("field", field, field, optionId));
	}

	static NegotiationRefusal finalSlotInPast(UUID slotId) {
		return new NegotiationRefusal(Reason.SLOT_IN_PAST, "The chosen slot has already started",
				Map.of("field", "slot_id", "slot_id", slotId));
	}

	static NegotiationRefusal emptyChoice(String field) {
		return invalidField(field, "must name at least one option");
	}

	static NegotiationRefusal bothYesAndMaybe(String field, UUID id) {
		return invalidField(field, "must not name an option the yes list names: " + id);
	}

	static NegotiationRefusal venueRequired(boolean required) {
		return invalidField("venue_id",
				required ? "is required when venues were proposed" : "must be absent when no venue was proposed");
	}

	static NegotiationRefusal missingCounterFields() {
		return new NegotiationRefusal(Reason.MISSING_COUNTER_FIELDS,
				"A counter-proposal needs counter_slots or counter_venues",
				Map.of("fields", List.of("counter_slots", "counter_venues")));
	}

	private static NegotiationRefusal invalidField(String field, String problem) {
		return new NegotiationRefusal(Reason.INVALID_FIELD, problem, field, Map.of());
	}

	static NegotiationRefusal tooManyOptions(String field, int count) {
		return new NegotiationRefusal(Reason.TOO_MANY_OPTIONS,
				"A negotiation holds at most " + Negotiation.MAX_OPTIONS + " options of each kind",
				Map.of("field", field, "count", count, "limit", Negotiation.MAX_OPTIONS));
	}

}
