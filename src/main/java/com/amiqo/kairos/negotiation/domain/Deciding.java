package com.amiqo.kairos.negotiation.domain;

/**
 * How an organizer wants their negotiation decided: whether it confirms on its own once
 * an option works for everyone ({@code autoConfirm}), what happens at the deadline
 * ({@code onDeadline}), and how many people (organizer included) must be able to come for
 * the deadline to confirm ({@code minAttendees}).
 */
public record Deciding(boolean autoConfirm, OnDeadline onDeadline, int minAttendees) {

	public static final int MIN_ATTENDEES_FLOOR = 2;

	public static final int MIN_ATTENDEES_CEILING = 50;

	/** Confirm on its own, expire at the deadline: the behaviour before these choices. */
	public static final Deciding DEFAULT = new Deciding(true, OnDeadline.EXPIRE, MIN_ATTENDEES_FLOOR);

	public Deciding {
		if (minAttendees < MIN_ATTENDEES_FLOOR || minAttendees > MIN_ATTENDEES_CEILING) {
			throw new IllegalArgumentException("min_attendees must be 2-50: " + minAttendees);
		}
	}

}
