package com.amiqo.kairos.negotiation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.negotiation.domain.SlotOption;
import com.amiqo.kairos.negotiation.domain.VenueOption;

/**
 * The option rules that need the clock or more than one field
 * (docs/reference.md#creating-a-negotiation): slots in the future and within a year, real
 * IANA zones, no duplicate slots, venue metadata size, expiry window. Every problem is
 * collected so one response names every offending field.
 */
@Component
class OptionRules {

	static final int DEFAULT_DURATION_MINUTES = 60;
	static final String DEFAULT_TIMEZONE = "UTC";
	static final Duration MAX_SLOT_HORIZON = Duration.ofDays(365);
	static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
	static final Duration MAX_LIFETIME = Duration.ofDays(30);
	static final int MAX_METADATA_BYTES = 4 * 1024;

	private final JsonMapper json;

	OptionRules(JsonMapper json) {
		this.json = json;
	}

	/**
	 * A collector of field problems; {@link #throwIfAny()} raises one VALIDATION_ERROR
	 * naming them all.
	 */
	static final class Problems {

		private final Map<String, String> byField = new LinkedHashMap<>();

		void add(String field, String problem) {
			byField.putIfAbsent(field, problem);
		}

		void throwIfAny() {
			if (!byField.isEmpty()) {
				throw ApiException.invalidFields(byField);
			}
		}

	}

	List<SlotOption> slots(List<NegotiationRequests.SlotInput> inputs, String field, Instant now, Problems problems) {
		List<SlotOption> slots = new ArrayList<>();
		Set<SlotOption> seen = new HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			NegotiationRequests.SlotInput input = inputs.get(i);
			String path = field + "[" + i + "]";
			String zone = input.timezone() == null ? DEFAULT_TIMEZONE : input.timezone();
			if (!isZone(zone)) {
				problems.add(path + ".timezone", "must be an IANA time zone such as Europe/Berlin");
			}
			if (!input.startsAt().isAfter(now)) {
				problems.add(path + ".starts_at", "must be in the future");
			}
			else if (input.startsAt().isAfter(now.plus(MAX_SLOT_HORIZON))) {
				problems.add(path + ".starts_at", "must be within 365 days");
			}
			SlotOption slot = new SlotOption(input.startsAt(),
					input.durationMinutes() == null ? DEFAULT_DURATION_MINUTES : input.durationMinutes(), zone);
			if (!seen.add(slot)) {
				problems.add(path, "duplicates another slot");
			}
			slots.add(slot);
		}
		return slots;
	}

	List<VenueOption> venues(@Nullable List<NegotiationRequests.VenueInput> inputs, String field, Problems problems) {
		if (inputs == null) {
			return List.of();
		}
		List<VenueOption> venues = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			NegotiationRequests.VenueInput input = inputs.get(i);
			if (input.metadata() != null && json.writeValueAsBytes(input.metadata()).length > MAX_METADATA_BYTES) {
				problems.add(field + "[" + i + "].metadata", "must be at most 4 KiB of JSON");
			}
			if (input.address() != null && input.address().isBlank()) {
				problems.add(field + "[" + i + "].address", "must not be blank");
			}
			venues.add(new VenueOption(input.name().strip(), input.providerId(),
					input.address() == null ? null : input.address().strip(), input.lat(), input.lon(),
					input.metadata()));
		}
		return venues;
	}

	Instant expiresAt(@Nullable Instant requested, Instant now, Problems problems) {
		if (requested == null) {
			return now.plus(DEFAULT_LIFETIME);
		}
		if (!requested.isAfter(now)) {
			problems.add("expires_at", "must be in the future");
		}
		else if (requested.isAfter(now.plus(MAX_LIFETIME))) {
			problems.add("expires_at", "must be within 30 days");
		}
		return requested;
	}

	private static boolean isZone(String zone) {
		return ZoneId.getAvailableZoneIds().contains(zone);
	}

}
