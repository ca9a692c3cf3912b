package com.amiqo.kairos.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Renders events as an RFC 5545 calendar with ical4j (docs/reference.md#events). The
 * tests parse every file the service produces back with ical4j and validate it strictly;
 * validating again on every write would more than double the cost of a 500-event feed
 * (see bench/), so the writer does not.
 *
 * <p>
 * ical4j 4.1 folds long lines at 75 <em>characters</em>; RFC 5545 §3.1 asks for 75
 * <em>octets</em> without splitting a UTF-8 sequence, which matters for non-ASCII titles
 * and venue names. So ical4j writes unfolded lines and {@link #fold} folds them by
 * octets.
 */
public final class IcsCalendar {

	public static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
	static final int MAX_LINE_OCTETS = 75;

	private static final String PRODUCT_ID = "-//Amiqo//Kairos//EN";

	private static final String UID_DOMAIN = "@kairos.amiqo";

	private IcsCalendar() {
	}

	/**
	 * One meeting as a calendar entry. {@code meetingId} (the negotiation's id) makes the
	 * UID, so every participant's copy of the meeting is the same calendar item.
	 */
	public record Entry(String meetingId, boolean cancelled, Instant changedAt, Instant startsAt, Instant endsAt,
			String title, @Nullable String location, List<Person> people, boolean tentative) {

		/** A firm (not tentative) entry. */
		public Entry(String meetingId, boolean cancelled, Instant changedAt, Instant startsAt, Instant endsAt,
				String title, @Nullable String location, List<Person> people) {
			this(meetingId, cancelled, changedAt, startsAt, endsAt, title, location, people, false);
		}

		/**
		 * 0 for the confirmed plan, 1 once cancelled: the only change an event goes
		 * through so far.
		 */
		int sequence() {
			return cancelled ? 1 : 0;
		}
	}

	/**
	 * A participant by display name (the server knows no e-mail addresses); the first one
	 * is the organizer.
	 */
	public record Person(String userId, @Nullable String displayName) {
	}

	public static String uid(String meetingId) {
		return meetingId + UID_DOMAIN;
	}

	/**
	 * A calendar holding the given events; {@code name} becomes the calendar's display
	 * name when given.
	 */
	public static String render(List<Entry> entries, @Nullable String name) {
		List<Property> properties = new ArrayList<>(
				List.of(new ProdId(PRODUCT_ID), ImmutableVersion.VERSION_2_0, ImmutableCalScale.GREGORIAN));
		if (name != null) {
			properties.add(new XProperty("X-WR-CALNAME", name));
		}
		List<CalendarComponent> components = new ArrayList<>(entries.size() + 1);
		entries.forEach(entry -> components.add(event(entry)));
		if (entries.isEmpty()) {
			// RFC 5545 wants at least one component; an empty feed carries the (harmless)
			// UTC zone.
			components.add(UtcZone.COMPONENT.copy());
		}
		// Built from whole lists: ical4j's add() copies its immutable list each time,
		// quadratic for a feed.
		Calendar calendar = new Calendar(new PropertyList(properties), new ComponentList<>(components));
		StringWriter unfolded = new StringWriter(entries.size() * 700 + 200);
		try {
			new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, unfolded);
		}
		catch (IOException | ValidationException e) {
			throw new IllegalStateException("Could not write the calendar", e);
		}
		return fold(unfolded.toString());
	}

	/** Loaded on first use only: the zone registry is not free to build. */
	private static final class UtcZone {

		static final VTimeZone COMPONENT = TimeZoneRegistryFactory.getInstance()
			.createRegistry()
			.getTimeZone("Etc/UTC")
			.getVTimeZone();

	}

	private static VEvent event(Entry entry) {
		List<Property> properties = new ArrayList<>(12 + entry.people().size());
		properties.add(new Uid(uid(entry.meetingId())));
		properties.add(new DtStamp(entry.changedAt()));
		properties.add(new LastModified(entry.changedAt()));
		properties.add(new Sequence(entry.sequence()));
		properties.add(new DtStart<>(entry.startsAt()));
		properties.add(new DtEnd<>(entry.endsAt()));
		properties.add(new Summary(clean(entry.title())));
		// A tentative attendee's copy says so: they chose this time or place only if need
		// be.
		properties.add(entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED
				: entry.tentative() ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
		if (entry.location() != null) {
			properties.add(new Location(clean(entry.location())));
		}
		List<Person> people = entry.people();
		if (!people.isEmpty()) {
			properties
				.add(new Organizer(new ParameterList(List.of(new Cn(name(people.get(0))))), address(people.get(0))));
		}
		for (Person person : people) {
			// Everyone on a confirmed plan agreed to it; a cancellation is the event's
			// STATUS, not a reply.
			properties.add(new Attendee(
					new ParameterList(List.of(new Cn(name(person)), Role.REQ_PARTICIPANT, PartStat.ACCEPTED)),
					address(person)));
		}
		return new VEvent(new PropertyList(properties));
	}

	/** Users have no e-mail here, so their address is a URN of their user id. */
	private static URI address(Person person) {
		return URI.create("urn:kairos:user:" + URLEncoder.encode(person.userId(), StandardCharsets.UTF_8));
	}

	/**
	 * A CN parameter value cannot hold a double quote or control characters (RFC 5545
	 * §3.1).
	 */
	private static String name(Person person) {
		String name = person.displayName() == null || person.displayName().isBlank() ? "Someone" : person.displayName();
		return clean(name).replace('"', '\'');
	}

	/**
	 * Stored text may hold control characters (a title with a newline); a calendar text
	 * value may not.
	 */
	private static String clean(String text) {
		return text.codePoints()
			.filter(codePoint -> !Character.isISOControl(codePoint))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	/**
	 * Folds every content line longer than 75 octets (RFC 5545 §3.1): CRLF and one space
	 * before the octet that would cross the limit, never inside a UTF-8 sequence. The
	 * space counts toward the continuation line's 75.
	 */
	static String fold(String unfolded) {
		StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 50);
		for (String line : unfolded.split("\r\n", -1)) {
			if (line.isEmpty()) {
				continue;
			}
			int octets = 0;
			for (int i = 0; i < line.length();) {
				int codePoint = line.codePointAt(i);
				int size = utf8Length(codePoint);
				if (octets + size > MAX_LINE_OCTETS) {
					out.append("\r\n ");
					octets = 1;
				}
				out.appendCodePoint(codePoint);
				octets += size;
				i += Character.charCount(codePoint);
			}
			out.append("\r\n");
		}
		return out.toString();
	}

	private static int utf8Length(int codePoint) {
		return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
	}

}
