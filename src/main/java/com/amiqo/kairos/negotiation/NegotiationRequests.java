package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import com.amiqo.kairos.api.ClosedSet;
import com.amiqo.kairos.api.EncryptedBlob;
import com.amiqo.kairos.api.EncryptedBlobFields;
import com.amiqo.kairos.api.WireValues;
import com.amiqo.kairos.negotiation.domain.Deciding;
import com.amiqo.kairos.negotiation.domain.IntentCategory;
import com.amiqo.kairos.negotiation.domain.OnDeadline;
import com.amiqo.kairos.negotiation.domain.Reply;
import com.amiqo.kairos.negotiation.domain.ReplyAction;
import com.amiqo.kairos.negotiation.domain.SlotOption;
import com.amiqo.kairos.negotiation.domain.VenueOption;
import com.amiqo.kairos.secret.Sha256;

/**
 * Request bodies of the negotiation endpoints and what they turn into (invitees, the
 * reply, the retry fingerprint). Shape rules here; rules that need the clock in
 * {@link OptionRules}.
 */
public final class NegotiationRequests {

	private static final JsonMapper FINGERPRINT_JSON = JsonMapper.builder().build();

	private NegotiationRequests() {
	}

	@EncryptedBlobFields
	@Schema(name = "StartNegotiationRequest")
	public record Start(@Nullable UUID id,
			@Size(max = 120, message = "must be at most 120 characters") @Nullable String title,
			@NotNull @ClosedSet(values = IntentCategory.VALUES, name = "IntentCategory") @Pattern(
					regexp = IntentCategory.VALUES,
					message = "must be one of " + IntentCategory.VALUES) String intentCategory,
			@NotNull @Size(max = 49,
					message = "must name at most 49 invitees") List<@NotBlank @Size(max = 128) String> participantIds,
			@NotNull @Size(min = 1, max = 10,
					message = "must hold 1-10 slots") List<@NotNull @Valid SlotInput> proposedSlots,
			@Size(max = 10,
					message = "must hold at most 10 venues") @Nullable List<@NotNull @Valid VenueInput> proposedVenues,
			@Nullable Boolean agentMode, @Nullable Boolean autoConfirm,
			@ClosedSet(OnDeadline.class) @Pattern(regexp = OnDeadline.VALUES,
					message = "must be expire or pick_best") @Nullable String onDeadline,
			@Min(value = Deciding.MIN_ATTENDEES_FLOOR, message = "must be 2-50") @Max(
					value = Deciding.MIN_ATTENDEES_CEILING, message = "must be 2-50") @Nullable Integer minAttendees,
			@Nullable Instant expiresAt, @Nullable Boolean send, @Nullable String encryptedPayload,
			@Nullable Integer encryptedBlobVersion) implements EncryptedBlob.Fields {

		public Start {
			// Trimmed before the length rule applies ("≤ 120 chars, trimmed").
			title = title == null ? null : title.strip();
		}

		/**
		 * The invitees' Firebase UIDs, trimmed, in the order given, without the organizer
		 * and without repeats.
		 */
		List<String> inviteeUids(String organizerUid) {
			Set<String> uids = new LinkedHashSet<>();
			participantIds.stream().map(String::strip).filter(uid -> !uid.equals(organizerUid)).forEach(uids::add);
			return List.copyOf(uids);
		}

		@Nullable EncryptedBlob blob() {
			return EncryptedBlob.of(this);
		}

		/** How the organizer wants it decided; each choice left out takes its default. */
		Deciding deciding() {
			return new Deciding(!Boolean.FALSE.equals(autoConfirm),
					onDeadline == null ? OnDeadline.EXPIRE : OnDeadline.of(onDeadline),
					minAttendees == null ? Deciding.MIN_ATTENDEES_FLOOR : minAttendees);
		}

		/**
		 * The request as sent, hashed: a retry with the same id must carry the same body.
		 * A plain mapper, so timestamps keep their full precision (the API's mapper
		 * rounds output to seconds).
		 */
		String fingerprint() {
			return HexFormat.of().formatHex(Sha256.of(FINGERPRINT_JSON.writeValueAsString(this)));
		}
	}

	record SlotInput(@NotNull Instant startsAt,
			@Min(value = 5, message = "must be 5-1440 minutes") @Max(value = 1440,
					message = "must be 5-1440 minutes") @Nullable Integer durationMinutes,
			@Size(min = 1, max = 64) @Nullable String timezone) {
	}

	record VenueInput(@NotBlank @Size(max = 200, message = "must be 1-200 characters") String name,
			@Size(max = 256, message = "must be at most 256 characters") @Nullable String providerId,
			@Size(min = 1, max = 300, message = "must be 1-300 characters") @Nullable String address,
			@DecimalMin(value = "-90", message = "must be between -90 and 90") @DecimalMax(value = "90",
					message = "must be between -90 and 90") @Nullable Double lat,
			@DecimalMin(value = "-180", message = "must be between -180 and 180") @DecimalMax(value = "180",
					message = "must be between -180 and 180") @Nullable Double lon,
			@Nullable Map<String, Object> metadata) {
	}

	@EncryptedBlobFields
	@Schema(name = "ReplyToNegotiationRequest")
	record ReplyInput(@NotNull UUID negotiationId,
			@NotNull @ClosedSet(ReplyAction.class) @Pattern(regexp = "accept|decline|counter",
					message = "must be accept, decline or counter") String action,
			@Size(max = 20) @Nullable List<@NotNull UUID> slotIds,
			@Size(max = 20) @Nullable List<@NotNull UUID> venueIds,
			@Size(max = 20) @Nullable List<@NotNull UUID> maybeSlotIds,
			@Size(max = 20) @Nullable List<@NotNull UUID> maybeVenueIds,
			@Size(max = 20,
					message = "must hold at most 20 slots") @Nullable List<@NotNull @Valid SlotInput> counterSlots,
			@Size(max = 20,
					message = "must hold at most 20 venues") @Nullable List<@NotNull @Valid VenueInput> counterVenues,
			@Nullable String encryptedPayload, @Nullable Integer encryptedBlobVersion) implements EncryptedBlob.Fields {

		@Nullable EncryptedBlob blob() {
			return EncryptedBlob.of(this);
		}

		/**
		 * The reply with its shape checked, before anything is loaded: a malformed body
		 * is 400 whoever sends it (an empty counter is refused by the {@link Reply}
		 * itself; no options means no option problems).
		 */
		Reply toReply(OptionRules rules, Instant now) {
			OptionRules.Problems problems = new OptionRules.Problems();
			List<SlotOption> slots = counterSlots == null ? List.of()
					: rules.slots(counterSlots, "counter_slots", now, problems);
			List<VenueOption> venues = rules.venues(counterVenues, "counter_venues", problems);
			problems.throwIfAny();
			return new Reply(WireValues.parse(ReplyAction.class, action), set(slotIds), set(venueIds),
					set(maybeSlotIds), set(maybeVenueIds), slots, venues);
		}

		private static @Nullable Set<UUID> set(@Nullable List<UUID> ids) {
			return ids == null ? null : Set.copyOf(ids);
		}

	}

	@Schema(name = "CancelNegotiationRequest")
	record Cancel(@NotNull UUID negotiationId,
			@Size(max = 200, message = "must be at most 200 characters") @Nullable String reason) {

		public Cancel {
			// Trimmed before the length rule applies; nothing left means no reason.
			reason = reason == null || reason.isBlank() ? null : reason.strip();
		}

	}

	/**
	 * The organizer's pick: a slot, and a venue exactly when venues were proposed.
	 */
	@Schema(name = "FinalizeNegotiationRequest")
	record Finalize(@NotNull UUID negotiationId, @NotNull UUID slotId, @Nullable UUID venueId) {
	}

}
