package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;

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
		return pick(participants, slots, venues, active, now);
	}

	/**
	 * The deadline's pick: slots that have not started ranked by how many active
	 * participants can come (yes or if need be), then by yes, then earliest; venues the
	 * same way, then lowest index. Reached only when the best slot (and the best venue,
	 * when venues were proposed) can each be made by at least {@code minAttendees}.
	 */
	public static Result atDeadline(List<Participant> participants, List<ProposedSlot> slots,
			List<ProposedVenue> venues, int minAttendees, Instant now) {
		return pick(participants, slots, venues, minAttendees, now);
	}

	/**
	 * Reached on the best slot not yet started and (when venues were proposed) the best
	 * venue, each made by at least {@code least} active participants; else pending.
	 */
	private static Result pick(List<Participant> participants, List<ProposedSlot> slots, List<ProposedVenue> venues,
			int least, Instant now) {
		ProposedSlot slot = best(participants, slots, least, now, SLOTS);
		if (slot == null) {
			return new Pending();
		}
		if (venues.isEmpty()) {
			return new Reached(slot, null);
		}
		ProposedVenue venue = best(participants, venues, least, now, VENUES);
		return venue == null ? new Pending() : new Reached(slot, venue);
	}

	/**
	 * How the ranking reads one kind of option: its id, whether it can still be picked,
	 * who can make it, who said yes, and the tie-break after the counts.
	 */
	private record Ranking<O>(Function<O, UUID> id, BiPredicate<O, Instant> open,
			BiPredicate<Participant, UUID> canMake, Function<Participant, Set<UUID>> yes, Comparator<O> ties) {
	}

	/** Slots that have not started; ties go to the earliest, then the lowest index. */
	private static final Ranking<ProposedSlot> SLOTS = new Ranking<>(ProposedSlot::id,
			(slot, now) -> !slot.hasStarted(now), Participant::canMakeSlot, Participant::acceptedSlotIds,
			Comparator.comparing(ProposedSlot::startsAt).thenComparingInt(ProposedSlot::index));

	/** Every venue; ties go to the lowest index. */
	private static final Ranking<ProposedVenue> VENUES = new Ranking<>(ProposedVenue::id, (venue, now) -> true,
			Participant::canMakeVenue, Participant::acceptedVenueIds, Comparator.comparingInt(ProposedVenue::index));

	/**
	 * The open option that most active participants can make, at least {@code least} of
	 * them, then most yes, then the ranking's tie-break.
	 */
	private static <O> @Nullable O best(List<Participant> participants, List<O> options, int least, Instant now,
			Ranking<O> ranking) {
		@Nullable O best = null;
		int bestCan = 0;
		int bestYes = 0;
		for (O option : options) {
			if (!ranking.open().test(option, now)) {
				continue;
			}
			UUID id = ranking.id().apply(option);
			int can = 0;
			int yes = 0;
			for (Participant participant : participants) {
				if (participant.isActive() && ranking.canMake().test(participant, id)) {
					can++;
					if (ranking.yes().apply(participant).contains(id)) {
						yes++;
					}
				}
			}
			if (can < least) {
				continue;
			}
			boolean better = best == null || can > bestCan || (can == bestCan
					&& (yes > bestYes || (yes == bestYes && ranking.ties().compare(option, best) < 0)));
			if (better) {
				best = option;
				bestCan = can;
				bestYes = yes;
			}
		}
		return best;
	}

}
