package com.amiqo.kairos.negotiation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.ApiTest;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.negotiation.NegotiationFixtures.inDays;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.slot;
import static com.amiqo.kairos.negotiation.NegotiationFixtures.venue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The negotiation row's copy of what a list row shows about the options (migration V5)
 * equals what the option tables say, after every kind of change that writes it.
 */
class ListRowColumnsTest extends ApiTest {

	NegotiationCalls negotiations;

	@BeforeEach
	void negotiationCalls() {
		negotiations = new NegotiationCalls(api, jdbc);
	}

	/**
	 * The stored columns and the same values computed from the option tables, side by
	 * side.
	 */
	private static final String STORED_AND_COMPUTED = """
			SELECT n.slot_starts_at::text AS stored_starts, n.venue_count AS stored_venues,
			       n.final_starts_at AS stored_final,
			       coalesce((SELECT array_agg(s.starts_at ORDER BY s.starts_at, s.slot_index)
			                   FROM proposed_slots s WHERE s.negotiation_id = n.id), '{}')::text AS computed_starts,
			       (SELECT count(*) FROM proposed_venues v WHERE v.negotiation_id = n.id)::int AS computed_venues,
			       (SELECT s.starts_at FROM proposed_slots s WHERE s.id = n.final_slot_id) AS computed_final
			  FROM negotiations n WHERE n.id = ?
			""";

	@Test
	void startCounterConfirmAndCancelWhenEachWritesKeepTheListColumnsEqualToTheOptionTables() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = negotiations.startOk(alice, NegotiationFixtures.start(List.of(bob))).path("id").asString();
		assertStoredEqualsComputed(id);

		Map<String, Object> counter = NegotiationFixtures.reply(id, "counter");
		counter.put("counter_slots", List.of(slot(inDays(6)), slot(inDays(1))));
		counter.put("counter_venues", List.of(venue("Bonanza")));
		ok(negotiations.reply(bob, counter));
		assertStoredEqualsComputed(id);
		Map<String, Object> row = stored(id);
		assertThat(row.get("stored_venues")).isEqualTo(3);

		String earliest = negotiations.get(alice, id).data().path("proposed_slots").get(0).path("id").asString();
		Map<String, Object> accept = NegotiationFixtures.reply(id, "accept");
		accept.put("slot_ids", List.of(earliest));
		// Bob's counter already counts as his yes to the slots he proposed.
		ok(negotiations.reply(alice, accept));
		assertThat(negotiations.get(alice, id).data().path("state").asString()).isEqualTo("confirmed");
		assertStoredEqualsComputed(id);
		assertThat(stored(id).get("stored_final")).isNotNull();

		ok(api.post("/negotiate/cancel").token(alice.token()).json(Map.of("negotiation_id", id)).send());
		assertStoredEqualsComputed(id);
		assertThat(stored(id).get("stored_final")).as("a cancelled plan keeps its final slot").isNotNull();
	}

	private void assertStoredEqualsComputed(String id) {
		Map<String, Object> row = stored(id);
		assertThat(row.get("stored_starts")).isEqualTo(row.get("computed_starts"));
		assertThat(row.get("stored_venues")).isEqualTo(row.get("computed_venues"));
		assertThat(row.get("stored_final")).isEqualTo(row.get("computed_final"));
	}

	private Map<String, Object> stored(String id) {
		return jdbc.sql(STORED_AND_COMPUTED).param(UUID.fromString(id)).query().singleRow();
	}

	private static void ok(ApiResponse response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

}
