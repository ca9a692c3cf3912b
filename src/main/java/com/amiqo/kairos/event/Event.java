package com.amiqo.kairos.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.ClosedSet;
import com.amiqo.kairos.calendar.IcsCalendar;

/** The API representation of an event (docs/reference.md#events). */
record Event(UUID id, String ownerId, @JsonIgnore UUID ownerUserId, UUID negotiationId, String title,
		@ClosedSet(values = "coffee|lunch|dinner|drinks|gym|walk|movie|concert|study|game|brunch|other",
				name = "IntentCategory") String intentCategory,
		@ClosedSet(values = Event.STATUSES, name = "EventStatus") String status,
		@ClosedSet(values = Event.RESPONSES, name = "EventResponse") String response, String source, Instant startsAt,
		Instant endsAt, String timezone, ConfirmedPlan.@Nullable Venue venue, List<Person> participants, String icsUrl,
		@Nullable String encryptedPayload, @Nullable Integer encryptedBlobVersion, @Nullable String cancelReason,
		Instant createdAt, Instant updatedAt) {

	static final String STATUSES = "confirmed|cancelled";

	/** {@code tentative}: the owner chose the final slot or venue only if need be. */
	static final String RESPONSES = "accepted|tentative";

	record Person(String userId, @Nullable String displayName) {
	}

	/**
	 * The entity tag of this version: {@code updated_at} in microseconds, which every
	 * change of an event (so far only its cancellation) moves.
	 */
	/**
	 * This participant's copy of the meeting as a calendar entry; participants list the
	 * organizer first.
	 */
	IcsCalendar.Entry calendarEntry() {
		return new IcsCalendar.Entry(negotiationId.toString(), "cancelled".equals(status), updatedAt, startsAt, endsAt,
				title, venue == null ? null : venue.name(),
				participants.stream()
					.map(person -> new IcsCalendar.Person(person.userId(), person.displayName()))
					.toList(),
				"tentative".equals(response));
	}

	String etag() {
		return Long.toString(java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt));
	}
}
