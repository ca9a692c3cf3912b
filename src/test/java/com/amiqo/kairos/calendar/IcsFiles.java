package com.amiqo.kairos.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: parses a produced calendar back with ical4j and holds it to RFC 5545. */
public final class IcsFiles {

	private IcsFiles() {
	}

	/**
	 * Parses the text strictly, asserts it validates without errors and that no line
	 * exceeds 75 octets.
	 */
	public static Calendar parseValid(String ics) {
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of line %s", line)
				.isLessThanOrEqualTo(75);
		}
		assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		Calendar calendar;
		try {
			calendar = new CalendarBuilder().build(new StringReader(ics));
		}
		catch (IOException | ParserException e) {
			throw new AssertionError("not a parseable calendar: " + e.getMessage() + "\n" + ics, e);
		}
		ValidationResult result = calendar.validate(true);
		assertThat(result.hasErrors()).as(result.toString()).isFalse();
		return calendar;
	}

	public static List<VEvent> events(Calendar calendar) {
		return calendar.getComponents("VEVENT");
	}

	public static String value(VEvent event, String property) {
		return event.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
	}

}
