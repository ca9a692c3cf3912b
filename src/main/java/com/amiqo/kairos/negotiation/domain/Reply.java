package com.amiqo.kairos.negotiation.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A participant's answer, already checked for shape. {@code slotIds}/{@code venueIds} are
 * the options that work (yes), {@code maybeSlotIds}/{@code maybeVenueIds} those that work
 * if need be; each is null when absent (for an accept, a kind with neither list given
 * means "every current option is yes").
 */
public record Reply(ReplyAction action, @Nullable Set<UUID> slotIds, @Nullable Set<UUID> venueIds,
		@Nullable Set<UUID> maybeSlotIds, @Nullable Set<UUID> maybeVenueIds, List<SlotOption> counterSlots,
		List<VenueOption> counterVenues) {

	/**
	 * A counter without options, or an option both yes and if need be, is a malformed
	 * body, refused before anything is loaded or compared.
	 */
	public Reply {
		if (action == ReplyAction.COUNTER && counterSlots.isEmpty() && counterVenues.isEmpty()) {
			throw NegotiationRefusals.missingCounterFields();
		}
		slotIds = slotIds == null ? null : Set.copyOf(slotIds);
		venueIds = venueIds == null ? null : Set.copyOf(venueIds);
		maybeSlotIds = maybeSlotIds == null ? null : Set.copyOf(maybeSlotIds);
		maybeVenueIds = maybeVenueIds == null ? null : Set.copyOf(maybeVenueIds);
		checkDisjoint(slotIds, maybeSlotIds, "maybe_slot_ids");
		checkDisjoint(venueIds, maybeVenueIds, "maybe_venue_ids");
		counterSlots = List.copyOf(counterSlots);
		counterVenues = List.copyOf(counterVenues);
	}

	/** A reply without "if need be" answers. */
	public Reply(ReplyAction action, @Nullable Set<UUID> slotIds, @Nullable Set<UUID> venueIds,
			List<SlotOption> counterSlots, List<VenueOption> counterVenues) {
		this(action, slotIds, venueIds, null, null, counterSlots, counterVenues);
	}

	public static Reply accept() {
		return new Reply(ReplyAction.ACCEPT, null, null, List.of(), List.of());
	}

	public static Reply accept(Set<UUID> slotIds, @Nullable Set<UUID> venueIds) {
		return new Reply(ReplyAction.ACCEPT, slotIds, venueIds, List.of(), List.of());
	}

	public static Reply accept(@Nullable Set<UUID> slotIds, @Nullable Set<UUID> venueIds,
			@Nullable Set<UUID> maybeSlotIds, @Nullable Set<UUID> maybeVenueIds) {
		return new Reply(ReplyAction.ACCEPT, slotIds, venueIds, maybeSlotIds, maybeVenueIds, List.of(), List.of());
	}

	public static Reply decline() {
		return new Reply(ReplyAction.DECLINE, null, null, List.of(), List.of());
	}

	public static Reply counter(List<SlotOption> slots, List<VenueOption> venues) {
		return new Reply(ReplyAction.COUNTER, null, null, slots, venues);
	}

	private static void checkDisjoint(@Nullable Set<UUID> yes, @Nullable Set<UUID> maybe, String field) {
		if (yes == null || maybe == null) {
			return;
		}
		for (UUID id : maybe) {
			if (yes.contains(id)) {
				throw NegotiationRefusals.bothYesAndMaybe(field, id);
			}
		}
	}
}
