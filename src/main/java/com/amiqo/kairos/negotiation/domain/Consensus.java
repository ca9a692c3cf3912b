package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The consensus rule (docs/reference.md#replies), as a pure function of the participants'
 * answers.
 *
 * <ul>
 * <li>Active participants are the organizer and every invitee who has not declined.</li>
 * <li>No active invitee left: everyone declined; no invitee at all yet (a link-only
 * plan): pending.</li>
 * <li>Every active invitee accepted or countered, the active participants share at least
 * one slot that has not started and, when venues were proposed, at least one venue:
 * confirmed, on the earliest shared slot (lowest index on a tie) and the shared venue
 * with the lowest index.</li>
 * <li>Otherwise: still pending.</li>
 * </ul>
 */
public final class Consensus {

	private Consensus() {
	}

	public sealed interface Result permits Pending, EveryoneDeclined, Reached {

	}

	public record Pending() implements Result {
	}

	public record EveryoneDeclined() implements Result {
	}

	public record Reached(ProposedSlot slot, @Nullable ProposedVenue venue) implements Result {
	}

	public static Result evaluate(List<Participant> participants, List<ProposedSlot> slots, List<ProposedVenue> venues,
			Instant now) {
		List<Participant> active = participants.stream().filter(Participant::isActive).toList();
		List<Participant> activeInvitees = active.stream().filter(participant -> !participant.isOrganizer()).toList();
		if (activeInvitees.isEmpty()) {
			// A link-only plan with nobody invited yet waits for someone to join.
			boolean anyInvitee = participants.stream().anyMatch(participant -> !participant.isOrganizer());
			return anyInvitee ? new EveryoneDeclined() : new Pending();
		}
		boolean everyoneAnswered = activeInvitees.stream()
			.allMatch(participant -> participant.status() == ParticipantStatus.ACCEPTED
					|| participant.status() == ParticipantStatus.COUNTERED);
		if (!everyoneAnswered) {
			return new Pending();
		}
		Set<UUID> sharedSlots = intersection(active.stream().map(Participant::acceptedSlotIds).toList());
		Optional<ProposedSlot> slot = slots.stream()
			.filter(candidate -> sharedSlots.contains(candidate.id()) && !candidate.hasStarted(now))
			.min(Comparator.comparing(ProposedSlot::startsAt).thenComparingInt(ProposedSlot::index));
		if (slot.isEmpty()) {
			return new Pending();
		}
		if (venues.isEmpty()) {
			return new Reached(slot.get(), null);
		}
		Set<UUID> sharedVenues = intersection(active.stream().map(Participant::acceptedVenueIds).toList());
		return venues.stream()
			.filter(candidate -> sharedVenues.contains(candidate.id()))
			.min(Comparator.comparingInt(ProposedVenue::index))
			.<Result>map(venue -> new Reached(slot.get(), venue))
			.orElseGet(Pending::new);
	}

	private static Set<UUID> intersection(List<Set<UUID>> sets) {
		Set<UUID> result = new HashSet<>(sets.get(0));
		sets.subList(1, sets.size()).forEach(result::retainAll);
		return result.stream().collect(Collectors.toUnmodifiableSet());
	}

}
