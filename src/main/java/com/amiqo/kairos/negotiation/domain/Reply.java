package com.amiqo.kairos.negotiation.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A participant's answer, already checked for shape. {@code slotIds}/{@code venueIds} are
 * null when absent (which means "every current option" for an accept).
 */
public record Reply(ReplyAction action, @Nullable Set<UUID> slotIds, @Nullable Set<UUID> venueIds,
		List<SlotOption> counterSlots, List<VenueOption> counterVenues) {

	/**
	 * A counter without options is a malformed body, refused before anything is loaded or
	 * compared.
	 */
	public Reply {
		if (action == ReplyAction.COUNTER && counterSlots.isEmpty() && counterVenues.isEmpty()) {
			throw NegotiationRefusals.missingCounterFields();
		}
		slotIds = slotIds == null ? null : Set.copyOf(slotIds);
		venueIds = venueIds == null ? null : Set.copyOf(venueIds);
		counterSlots = List.copyOf(counterSlots);
		counterVenues = List.copyOf(counterVenues);
	}

	public static Reply accept() {
		return new Reply(ReplyAction.ACCEPT, null, null, List.of(), List.of());
	}

	public static Reply accept(Set<UUID> slotIds, @Nullable Set<UUID> venueIds) {
		return new Reply(ReplyAction.ACCEPT, slotIds, venueIds, List.of(), List.of());
	}

	public static Reply decline() {
		return new Reply(ReplyAction.DECLINE, null, null, List.of(), List.of());
	}

	public static Reply counter(List<SlotOption> slots, List<VenueOption> venues) {
		return new Reply(ReplyAction.COUNTER, null, null, slots, venues);
	}
}
