package com.amiqo.kairos.negotiation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-option tallies against a brute-force count over random groups: random statuses,
 * random yes / if-need-be sets (disjoint, as replies make them), random answer times and
 * options added by random proposers before or after them, some slots already started.
 * Seeded, so a failure names the case that reproduces it.
 */
class AnswersTallyPropertyTest {

	private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

	@Test
	void talliesWhenAnswersAreRandomEqualABruteForceCountAndAddUpToTheActiveParticipants() {
		for (long seed = 0; seed < 2_000; seed++) {
			Random random = new Random(seed);
			Group group = Group.random(random);
			Answers answers = new Answers(group.participants(), NOW);
			long active = group.participants().stream().filter(Participant::isActive).count();
			for (ProposedSlot slot : group.slots()) {
				Answers.Tally tally = answers.slot(slot);
				assertThat(tally).as("seed %d, slot %d", seed, slot.index())
					.isEqualTo(bruteForce(group, slot.id(), slot.proposedBy(), slot.proposedAt(),
							!slot.startsAt().isAfter(NOW), true));
				assertThat(tally.yes() + tally.ifNeedBe() + tally.no() + tally.noAnswer()).isEqualTo((int) active);
			}
			Negotiation negotiation = new Negotiation(new UUID(1, 1), group.participants().get(0).userId(),
					NegotiationState.AWAITING_REPLIES, group.participants(), group.slots(), group.venues(),
					NOW.plus(Duration.ofDays(3)), 0, 0, null, null, true);
			Set<UUID> awaitingOneByOne = new HashSet<>();
			group.participants()
				.stream()
				.filter(participant -> negotiation.isAwaiting(participant.userId(), NOW))
				.forEach(participant -> awaitingOneByOne.add(participant.userId()));
			assertThat(negotiation.awaitingIds(NOW)).as("seed %d", seed).isEqualTo(awaitingOneByOne);
			for (ProposedVenue venue : group.venues()) {
				assertThat(answers.venue(venue)).as("seed %d, venue %d", seed, venue.index())
					.isEqualTo(bruteForce(group, venue.id(), venue.proposedBy(), venue.proposedAt(), false, false));
			}
		}
	}

	/**
	 * The definition, option by option and person by person: decliners are not counted;
	 * yes is the accepted set, if need be the maybe set; not answered is someone who
	 * never answered, or an option another active participant added after their last
	 * answer (times that have started excepted); everything else is no.
	 */
	private static Answers.Tally bruteForce(Group group, UUID option, UUID proposedBy, Instant proposedAt,
			boolean started, boolean slot) {
		int yes = 0;
		int maybe = 0;
		int no = 0;
		int noAnswer = 0;
		for (Participant person : group.participants()) {
			if (person.status() == ParticipantStatus.DECLINED) {
				continue;
			}
			Set<UUID> accepted = slot ? person.acceptedSlotIds() : person.acceptedVenueIds();
			Set<UUID> ifNeedBe = slot ? person.maybeSlotIds() : person.maybeVenueIds();
			boolean proposerActive = group.participants()
				.stream()
				.anyMatch(other -> other.userId().equals(proposedBy) && other.status() != ParticipantStatus.DECLINED);
			boolean addedAfter = !proposedBy.equals(person.userId()) && proposerActive
					&& (person.respondedAt() == null || proposedAt.isAfter(person.respondedAt()));
			if (accepted.contains(option)) {
				yes++;
			}
			else if (ifNeedBe.contains(option)) {
				maybe++;
			}
			else if (person.status() == ParticipantStatus.INVITED || (addedAfter && !started)) {
				noAnswer++;
			}
			else {
				no++;
			}
		}
		return new Answers.Tally(yes, maybe, no, noAnswer);
	}

	private record Group(List<Participant> participants, List<ProposedSlot> slots, List<ProposedVenue> venues) {

		static Group random(Random random) {
			int size = 2 + random.nextInt(7);
			List<UUID> people = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				people.add(new UUID(0xA, i));
			}
			List<ProposedSlot> slots = new ArrayList<>();
			int slotCount = 1 + random.nextInt(6);
			for (int i = 0; i < slotCount; i++) {
				UUID proposer = i == 0 ? people.get(0) : people.get(random.nextInt(size));
				slots.add(new ProposedSlot(new UUID(0x5, i), i, NOW.plus(Duration.ofHours(random.nextInt(40) - 8)), 60,
						"UTC", proposer, NOW.minus(Duration.ofMinutes(random.nextInt(60)))));
			}
			List<ProposedVenue> venues = new ArrayList<>();
			int venueCount = random.nextInt(5);
			for (int i = 0; i < venueCount; i++) {
				UUID proposer = people.get(random.nextInt(size));
				venues.add(new ProposedVenue(new UUID(0x7, i), i, "V" + i, null, null, proposer,
						NOW.minus(Duration.ofMinutes(random.nextInt(60)))));
			}
			List<Participant> participants = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				ParticipantStatus status = i == 0 ? ParticipantStatus.ORGANIZER
						: List
							.of(ParticipantStatus.INVITED, ParticipantStatus.ACCEPTED, ParticipantStatus.DECLINED,
									ParticipantStatus.COUNTERED)
							.get(random.nextInt(4));
				if (status == ParticipantStatus.INVITED || status == ParticipantStatus.DECLINED) {
					participants.add(new Participant(people.get(i), status, Set.of(), Set.of(),
							status == ParticipantStatus.DECLINED ? NOW.minusSeconds(5) : null));
					continue;
				}
				Set<UUID> yesSlots = new HashSet<>();
				Set<UUID> maybeSlots = new HashSet<>();
				for (ProposedSlot slot : slots) {
					pick(random, slot.id(), yesSlots, maybeSlots);
				}
				Set<UUID> yesVenues = new HashSet<>();
				Set<UUID> maybeVenues = new HashSet<>();
				for (ProposedVenue venue : venues) {
					pick(random, venue.id(), yesVenues, maybeVenues);
				}
				participants.add(new Participant(people.get(i), status, yesSlots, yesVenues, maybeSlots, maybeVenues,
						NOW.minus(Duration.ofMinutes(random.nextInt(60)))));
			}
			return new Group(participants, slots, venues);
		}

		private static void pick(Random random, UUID id, Set<UUID> yes, Set<UUID> maybe) {
			switch (random.nextInt(3)) {
				case 0 -> yes.add(id);
				case 1 -> maybe.add(id);
				default -> {
				}
			}
		}

	}

}
