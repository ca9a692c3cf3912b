package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;

/**
 * The negotiation rules' refusals, each with its error code and the details a client can
 * act on.
 */
public final class NegotiationRefusals {

	private NegotiationRefusals() {
	}

	public static ApiException notFound() {
		return new ApiException(ErrorCode.NOT_FOUND, "No such negotiation");
	}

	static ApiException full(UUID negotiationId) {
		return new ApiException(ErrorCode.NEGOTIATION_FULL, "This negotiation already has the most participants it can",
				Map.of("negotiation_id", negotiationId, "limit", Negotiation.MAX_PARTICIPANTS));
	}

	public static ApiException notParticipant(UUID negotiationId) {
		return new ApiException(ErrorCode.USER_NOT_PARTICIPANT, "You are not a participant of this negotiation",
				Map.of("negotiation_id", negotiationId));
	}

	public static ApiException organizerOnly(UUID negotiationId, String action) {
		return new ApiException(ErrorCode.ORGANIZER_ONLY_ACTION, "Only the organizer can " + action + " a negotiation",
				Map.of("negotiation_id", negotiationId, "requested_action", action));
	}

	public static ApiException invalidTransition(UUID negotiationId, NegotiationState current, String action) {
		return new ApiException(ErrorCode.INVALID_STATE_TRANSITION,
				"Cannot " + action + " a negotiation that is " + current.value(),
				Map.of("negotiation_id", negotiationId, "current_state", current.value(), "requested_action", action));
	}

	public static ApiException expired(UUID negotiationId, Instant expiresAt) {
		return new ApiException(ErrorCode.NEGOTIATION_EXPIRED, "This negotiation has expired", Map.of("negotiation_id",
				negotiationId, "current_state", NegotiationState.EXPIRED.value(), "expires_at", expiresAt.toString()));
	}

	static ApiException staleRevision(UUID negotiationId, int currentRevision) {
		return new ApiException(ErrorCode.PRECONDITION_FAILED, "The negotiation has changed since you read it",
				Map.of("negotiation_id", negotiationId, "current_revision", currentRevision));
	}

	static ApiException unknownOptions(Collection<UUID> slotIds, Collection<UUID> venueIds) {
		return new ApiException(ErrorCode.UNKNOWN_OPTION, "Some chosen options do not belong to this negotiation",
				Map.of("unknown_slot_ids", List.copyOf(slotIds), "unknown_venue_ids", List.copyOf(venueIds)));
	}

	static ApiException slotsInPast(Collection<UUID> slotIds) {
		return new ApiException(ErrorCode.SLOT_IN_PAST, "Every chosen slot has already started",
				Map.of("field", "slot_ids", "slot_ids", List.copyOf(slotIds)));
	}

	static ApiException unknownFinalOption(String field, UUID optionId) {
		return new ApiException(ErrorCode.UNKNOWN_OPTION, "The chosen option does not belong to this negotiation",
				Map.of("field", field, field, optionId));
	}

	static ApiException finalSlotInPast(UUID slotId) {
		return new ApiException(ErrorCode.SLOT_IN_PAST, "The chosen slot has already started",
				Map.of("field", "slot_id", "slot_id", slotId));
	}

	static ApiException emptyChoice(String field) {
		return ApiException.invalidField(field, "must name at least one option");
	}

	static ApiException bothYesAndMaybe(String field, UUID id) {
		return ApiException.invalidField(field, "must not name an option the yes list names: " + id);
	}

	static ApiException venueRequired(boolean required) {
		return ApiException.invalidField("venue_id",
				required ? "is required when venues were proposed" : "must be absent when no venue was proposed");
	}

	static ApiException missingCounterFields() {
		return new ApiException(ErrorCode.MISSING_COUNTER_FIELDS,
				"A counter-proposal needs counter_slots or counter_venues",
				Map.of("fields", List.of("counter_slots", "counter_venues")));
	}

	static ApiException tooManyOptions(String field, int count) {
		return new ApiException(ErrorCode.COUNTER_LIMIT_EXCEEDED,
				"A negotiation holds at most " + Negotiation.MAX_OPTIONS + " options of each kind",
				Map.of("field", field, "count", count, "limit", Negotiation.MAX_OPTIONS));
	}

}
