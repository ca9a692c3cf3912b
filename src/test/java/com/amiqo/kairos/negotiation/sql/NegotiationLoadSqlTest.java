package com.amiqo.kairos.negotiation.sql;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.api.EncryptedBlob;
import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.Participant;
import com.amiqo.kairos.negotiation.domain.ParticipantStatus;
import com.amiqo.kairos.negotiation.domain.SlotOption;
import com.amiqo.kairos.negotiation.domain.VenueOption;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-statement load ({@link NegotiationLoadSql}) gives back exactly what was
 * written: every field of the negotiation, its participants and options, with timestamps
 * to the microsecond.
 */
class NegotiationLoadSqlTest extends ApiTest {

	@Autowired
	private NegotiationRepository negotiations;

	private UUID userId(TestUser user) {
		return jdbc.sql("SELECT id FROM app_users WHERE firebase_uid = ?").param(user.uid()).query(UUID.class).single();
	}

	@Test
	void findWhenWrittenWithMicrosecondTimesReturnsTheSameNegotiation() {
		UUID alice = userId(signIn("Alice"));
		UUID bob = userId(signIn("Bob"));
		UUID carol = userId(signIn("Carol"));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS).plusNanos(123_456_000).minusSeconds(5);
		Supplier<UUID> ids = UUID::randomUUID;
		Negotiation started = Negotiation.start(UUID.randomUUID(), alice, List.of(bob, carol),
				List.of(new SlotOption(now.plus(Duration.ofDays(1)).plusNanos(7_000), 45, "Europe/Berlin"),
						new SlotOption(now.plus(Duration.ofDays(2)), 60, "UTC")),
				List.of(new VenueOption("Blue Bottle", "gplace-1", "Torstr. 1", 52.52, 13.4,
						Map.of("rating", 4.5, "tags", List.of("quiet"), "seats", 12))),
				now.plus(Duration.ofDays(7)), true, now, ids);
		StoredNegotiation written = new StoredNegotiation(started, "Coffee", "coffee", true,
				new EncryptedBlob("c2VjcmV0", 2), alice, "Alice proposed coffee", "fingerprint", now, now, Map.of(),
				Map.of(), Map.of(), null, List.of());
		negotiations.insertIfAbsent(written);
		negotiations.insertParticipants(started, now);
		negotiations.insertSlots(started.id(), started.slots());
		negotiations.insertVenues(started.id(), started.venues());
		Participant bobAnswered = started.participant(bob)
			.orElseThrow()
			.answered(ParticipantStatus.ACCEPTED, Set.of(started.slots().get(1).id()),
					Set.of(started.venues().get(0).id()), now.plusNanos(1_000));
		Negotiation expected = new Negotiation(started.id(), alice, started.state(),
				List.of(started.participants().get(0), bobAnswered, started.participants().get(2)), started.slots(),
				started.venues(), started.expiresAt(), 0, 0, null, null, true);
		negotiations.writeReply(expected, bob, "Bob accepted",
				new NegotiationRepository.Answer(bobAnswered, new EncryptedBlob("Ym9i", 1)), now);

		StoredNegotiation loaded = negotiations.find(started.id()).orElseThrow();

		assertThat(loaded.negotiation()).isEqualTo(expected);
		assertThat(loaded.participantBlobs()).isEqualTo(Map.of(bob, new EncryptedBlob("Ym9i", 1)));
		assertThat(loaded.users().keySet()).containsExactlyInAnyOrder(alice, bob, carol);
		assertThat(loaded.user(bob).displayName()).isEqualTo(
				jdbc.sql("SELECT display_name FROM app_users WHERE id = ?").param(bob).query(String.class).single());
		assertThat(loaded.blob()).isEqualTo(new EncryptedBlob("c2VjcmV0", 2));
		assertThat(loaded.createdAt()).isEqualTo(now);
		assertThat(loaded.eventIdsByOwner()).isEmpty();
	}

}
