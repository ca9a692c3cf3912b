package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amiqo.kairos.support.TestUser;

/** Request bodies for negotiation tests. */
public final class NegotiationFixtures {

	private NegotiationFixtures() {
	}

	static Instant inDays(int days) {
		return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
	}

	static Map<String, Object> slot(Instant startsAt) {
		Map<String, Object> slot = new LinkedHashMap<>();
		slot.put("starts_at", startsAt.toString());
		slot.put("duration_minutes", 60);
		slot.put("timezone", "Europe/Berlin");
		return slot;
	}

	static Map<String, Object> venue(String name) {
		return Map.of("name", name, "provider_id", "gplace-" + name.hashCode(), "metadata",
				Map.of("lat", 52.52, "lon", 13.40, "address", name + " street 1"));
	}

	/** A start body inviting {@code invitees} to two slots and two venues. */
	public static Map<String, Object> start(List<TestUser> invitees) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "Coffee catch-up");
		body.put("intent_category", "coffee");
		body.put("participant_ids", new ArrayList<>(invitees.stream().map(TestUser::uid).toList()));
		body.put("proposed_slots", new ArrayList<>(List.of(slot(inDays(2)), slot(inDays(3)))));
		body.put("proposed_venues", new ArrayList<>(List.of(venue("Blue Bottle"), venue("Five Elephant"))));
		return body;
	}

	static Map<String, Object> reply(String negotiationId, String action) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("negotiation_id", negotiationId);
		body.put("action", action);
		return body;
	}

	/** An accept naming its yes-options; a null list leaves that kind out of the body. */
	static Map<String, Object> accept(String id, List<String> slotIds, List<String> venueIds) {
		Map<String, Object> body = reply(id, "accept");
		if (slotIds != null) {
			body.put("slot_ids", slotIds);
		}
		if (venueIds != null) {
			body.put("venue_ids", venueIds);
		}
		return body;
	}

	/** A coffee start body with these invitees, slot starts and venue names. */
	static Map<String, Object> body(List<TestUser> invitees, List<Instant> slotStarts, List<String> venues) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "Coffee catch-up");
		body.put("intent_category", "coffee");
		body.put("participant_ids", new ArrayList<>(invitees.stream().map(TestUser::uid).toList()));
		body.put("proposed_slots", new ArrayList<>(slotStarts.stream().map(NegotiationFixtures::slot).toList()));
		body.put("proposed_venues", new ArrayList<>(venues.stream().map(NegotiationFixtures::venue).toList()));
		return body;
	}

	/** {@code count} slots on consecutive days from {@code firstDay} days ahead. */
	static List<Map<String, Object>> slots(int firstDay, int count) {
		List<Map<String, Object>> slots = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			slots.add(slot(inDays(firstDay + i)));
		}
		return slots;
	}

	/** {@code count} venues named {@code prefix 0}, {@code prefix 1}, … */
	static List<Map<String, Object>> venues(String prefix, int count) {
		List<Map<String, Object>> venues = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			venues.add(venue(prefix + " " + i));
		}
		return venues;
	}

}
