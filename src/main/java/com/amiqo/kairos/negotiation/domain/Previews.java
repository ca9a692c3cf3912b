package com.amiqo.kairos.negotiation.domain;

import org.jspecify.annotations.Nullable;

/**
 * The plain one-line {@code last_message_preview} texts ("Bob accepted"). Never built
 * from blob content.
 */
public final class Previews {

	private Previews() {
	}

	public static String proposed(@Nullable String organizerName, String intentCategory) {
		return name(organizerName) + " proposed " + IntentCategory.of(intentCategory).preview();
	}

	public static String joined(@Nullable String name) {
		return name(name) + " joined";
	}

	/**
	 * The text of an expiry notification; expiry itself keeps the negotiation's last
	 * preview.
	 */
	public static String expired() {
		return "The invitation expired without a time that suits everyone";
	}

	public static String cancelled(@Nullable String organizerName) {
		return name(organizerName) + " cancelled";
	}

	/**
	 * The cancel, with the organizer's reason when they gave one ("Olga cancelled:
	 * Rain").
	 */
	public static String cancelled(@Nullable String organizerName, @Nullable String reason) {
		return reason == null ? cancelled(organizerName) : cancelled(organizerName) + ": " + reason;
	}

	/** The organizer picked the final option. */
	public static String finalized(@Nullable String organizerName) {
		return name(organizerName) + " confirmed the plan";
	}

	/**
	 * A confirmation's text for a participant who does not attend it ("Olga confirmed the
	 * plan (you're not attending)").
	 */
	public static String notAttending(@Nullable String confirmation) {
		return confirmation == null ? "Confirmed (you're not attending)" : confirmation + " (you're not attending)";
	}

	public static String confirmedAtDeadline() {
		return "Confirmed at the deadline";
	}

	public static String allAnswered() {
		return "Everyone has answered: your call";
	}

	public static String reminder() {
		return "The invitation closes soon";
	}

	public static String reply(@Nullable String replierName, ReplyAction action, Decisions.Applied applied,
			String intentCategory) {
		if (applied.outcome() == Decisions.Outcome.SENT) {
			return proposed(replierName, intentCategory);
		}
		if (applied.outcome() == Decisions.Outcome.RSVP) {
			return name(replierName) + (action == ReplyAction.ACCEPT ? " is coming" : " can't come");
		}
		return switch (action) {
			case ACCEPT -> name(replierName) + " accepted";
			case DECLINE -> name(replierName) + " declined";
			case COUNTER ->
				name(replierName) + " suggested " + counted(applied.addedSlots().size(), applied.addedVenues().size());
		};
	}

	private static String counted(int times, int places) {
		if (times == 0 && places == 0) {
			return "other options";
		}
		String timesText = times == 0 ? "" : times + (times == 1 ? " new time" : " new times");
		String placesText = places == 0 ? "" : places + (places == 1 ? " new place" : " new places");
		return timesText.isEmpty() ? placesText : placesText.isEmpty() ? timesText : timesText + " and " + placesText;
	}

	private static String name(@Nullable String displayName) {
		return displayName == null ? "Someone" : displayName;
	}

}
