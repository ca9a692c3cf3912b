package com.amiqo.kairos.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.EncryptedBlob;

/**
 * What a confirmed negotiation hands to the calendar: the chosen slot and venue and who
 * comes.
 */
public record ConfirmedPlan(UUID negotiationId, String title, String intentCategory, Instant startsAt, Instant endsAt,
		String timezone, @Nullable Venue venue, List<Attendee> attendees, @Nullable EncryptedBlob blob) {

	public record Venue(String name, @Nullable String providerId, @Nullable String address, @Nullable Double lat,
			@Nullable Double lon, @Nullable Map<String, Object> metadata) {
	}

	/**
	 * {@code userId} is the app_users id (the event's owner); {@code uid} is what the API
	 * shows; {@code tentative} when they chose the final slot or venue only if need be.
	 */
	public record Attendee(UUID userId, String uid, @Nullable String displayName, boolean tentative) {

		public Attendee(UUID userId, String uid, @Nullable String displayName) {
			this(userId, uid, displayName, false);
		}

	}
}
