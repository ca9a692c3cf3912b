package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The consensus rule (docs/reference.md#replies) and the deadline's pick, as pure
 * functions of the participants' answers.
 *
 * <ul>
 * <li>Active participants are the organizer and every invitee who has not declined.</li>
 * <li>No active invitee left: everyone declined; no invitee at all yet (a link-only
 * plan): pending.</li>
 * <li>With automatic confirmation on, no active participant has an option left to answer
 * ({@link Answers}), and some slot that has not started is yes or if need be for every
 * active participant, and (when venues were proposed) so is some venue: confirmed. Among
 * those candidates the slot with the most yes wins (ties: the earliest, then the lowest
 * index), and the venue with the most yes (ties: the lowest index). With nobody answering
 * "if need be" this is the earliest slot everyone shares.</li>
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
		return evaluate(participants, slots, venues, true, now);
	}

	public static Result evaluate(List<Participant> participants, List<ProposedSlot> slots, List<ProposedVenue> venues,
			boolean autoConfirm, Instant now) {
		boolean anyInvitee = false;
		boolean anyActiveInvitee = false;
		for (Participant participant : participants) {
			if (!participant.isOrganizer()) {
				anyInvitee = true;
				anyActiveInvitee |= participant.isActive();
			}
		}
		if (!anyActiveInvitee) {
			// A link-only plan with nobody invited yet waits for someone to join.
			return anyInvitee ? new EveryoneDeclined() : new Pending();
		}
		if (!autoConfirm || !new Answers(participants, now).everyoneAnswered(slots, venues)) {
			return new Pending();
		}
		int active = 0;
		for (Participant participant : participants) {
			if (participant.isActive()) {
				active++;
			}
		}
		ProposedSlot slot = bestSlot(participants, slots, active, now);
		if (slot == null) {
			return new Pending();
		}
		if (venues.isEmpty()) {
			return new Reached(slot, null);
		}
		ProposedVenue venue = bestVenue(participants, venues, active);
		return venue == null ? new Pending() : new Reached(slot, venue);
	}

	/**
	 * The deadline's pick: slots that have not started ranked by how many active
	 * participants can come (yes or if need be), then by yes, then earliest; venues the
	 * same way, then lowest index. Reached only when the best slot (and the best venue,
	 * when venues were proposed) can each be made by at least {@code minAttendees}.
	 */
	public static Result atDeadline(List<Participant> participants, List<ProposedSlot> slots,
			List<ProposedVenue> venues, int minAttendees, Instant now) {
		ProposedSlot slot = bestSlot(participants, slots, minAttendees, now);
		if (slot == null) {
			return new Pending();
		}
		if (venues.isEmpty()) {
			return new Reached(slot, null);
		}
		ProposedVenue venue = bestVenue(participants, venues, minAttendees);
		return venue == null ? new Pending() : new Reached(slot, venue);
	}

	/**
	 * The slot not yet started that most active participants can make, at least
	 * {@code least} of them, then most yes, then earliest, then lowest index.
	 */
	private static @Nullable ProposedSlot bestSlot(List<Participant> participants, List<ProposedSlot> slots, int least,
			Instant now) {
		ProposedSlot best = null;
		int bestCan = 0;
		int bestYes = 0;
		for (ProposedSlot slot : slots) {
			if (slot.hasStarted(now)) {
				continue;
			}
			int can = 0;
			int yes = 0;
			for (Participant participant : participants) {
				if (participant.isActive() && participant.canMakeSlot(slot.id())) {
					can++;
					if (participant.acceptedSlotIds().contains(slot.id())) {
						yes++;
					}
				}
			}
			if (can < least) {
				continue;
			}
			boolean better = best == null || can > bestCan
					|| (can == bestCan
							&& (yes > bestYes || (yes == bestYes && (slot.startsAt().isBefore(best.startsAt())
									|| (slot.startsAt().equals(best.startsAt()) && slot.index() < best.index())))));
			if (better) {
				best = slot;
				bestCan = can;
				bestYes = yes;
			}
		}
		return best;
	}

	private static @Nullable ProposedVenue bestVenue(List<Participant> participants, List<ProposedVenue> venues,
			int least) {
		ProposedVenue best = null;
		int bestCan = 0;
		int bestYes = 0;
		for (ProposedVenue venue : venues) {
			int can = 0;
			int yes = 0;
			for (Participant participant : participants) {
				if (participant.isActive() && participant.canMakeVenue(venue.id())) {
					can++;
					if (participant.acceptedVenueIds().contains(venue.id())) {
						yes++;
					}
				}
			}
			if (can < least) {
				continue;
			}
			boolean better = best == null || can > bestCan
					|| (can == bestCan && (yes > bestYes || (yes == bestYes && venue.index() < best.index())));
			if (better) {
				best = venue;
				bestCan = can;
				bestYes = yes;
			}
		}
		return best;
	}

}
