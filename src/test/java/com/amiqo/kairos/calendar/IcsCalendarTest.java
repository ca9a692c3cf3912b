package com.amiqo.kairos.calendar;

import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static com.amiqo.kairos.calendar.IcsFiles.events;
import static com.amiqo.kairos.calendar.IcsFiles.parseValid;
import static com.amiqo.kairos.calendar.IcsFiles.value;
import static org.assertj.core.api.Assertions.assertThat;

class IcsCalendarTest {

	private static final Instant CHANGED = Instant.parse("2026-11-20T08:15:30Z");

	private static final Instant START = Instant.parse("2026-12-01T18:00:00Z");

	private static final List<IcsCalendar.Person> PEOPLE = List.of(new IcsCalendar.Person("uid-alice", "Alice"),
			new IcsCalendar.Person("uid bob/ü", "Bob \"the builder\""), new IcsCalendar.Person("uid-carol", null));

	private static IcsCalendar.Entry entry(boolean cancelled, String title, String location) {
		return new IcsCalendar.Entry("0f0e0d0c-0000-4000-8000-000000000001", cancelled, CHANGED, START,
				START.plusSeconds(3600), title, location, PEOPLE);
	}

	@Test
	void renderWhenConfirmedWritesAValidEventWithUtcTimesAndEveryone() {
		Calendar calendar = parseValid(IcsCalendar.render(List.of(entry(false, "Coffee", "Blue Bottle")), null));

		VEvent event = events(calendar).get(0);
		assertThat(value(event, "UID")).isEqualTo("0f0e0d0c-0000-4000-8000-000000000001@kairos.amiqo");
		assertThat(value(event, "SEQUENCE")).isEqualTo("0");
		assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
		assertThat(value(event, "DTSTART")).isEqualTo("20261201T180000Z");
		assertThat(value(event, "DTEND")).isEqualTo("20261201T190000Z");
		assertThat(value(event, "DTSTAMP")).isEqualTo("20261120T081530Z");
		assertThat(value(event, "SUMMARY")).isEqualTo("Coffee");
		assertThat(value(event, "LOCATION")).isEqualTo("Blue Bottle");
		assertThat(event.getProperty("ORGANIZER").orElseThrow().getParameter("CN").orElseThrow().getValue())
			.isEqualTo("Alice");
		assertThat(event.getProperties("ATTENDEE")).hasSize(3);
	}

	@Test
	void renderWhenCancelledRaisesSequenceAndKeepsTheUid() {
		VEvent confirmed = events(parseValid(IcsCalendar.render(List.of(entry(false, "Coffee", null)), null))).get(0);
		VEvent cancelled = events(parseValid(IcsCalendar.render(List.of(entry(true, "Coffee", null)), null))).get(0);

		assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
		assertThat(Integer.parseInt(value(cancelled, "SEQUENCE")))
			.isGreaterThan(Integer.parseInt(value(confirmed, "SEQUENCE")));
		assertThat(value(cancelled, "UID")).isEqualTo(value(confirmed, "UID"));
		assertThat(cancelled.getProperty("LOCATION")).isEmpty();
	}

	@Test
	void renderWhenTextIsLongAndNonAsciiFoldsAt75OctetsAndSurvivesParsing() {
		String title = "Kaffee & Kuchen bei Größenwahn – 東京で寿司 🍣; mit \"Zitat\", Komma\nund Zeilenumbruch ".repeat(4)
			.strip();
		String venue = "Café Kränzler, Kurfürstendamm 18 — Ünïcödé ✓ ".repeat(5).strip();

		String ics = IcsCalendar.render(List.of(entry(false, title, venue)), "Kairos – Alice");
		VEvent event = events(parseValid(ics)).get(0);

		assertThat(ics).contains("\r\n ");
		assertThat(value(event, "SUMMARY")).isEqualTo(title.replace("\n", ""));
		assertThat(value(event, "LOCATION")).isEqualTo(venue);
	}

	@Test
	void renderWhenNoEventsWritesAValidEmptyCalendar() {
		Calendar calendar = parseValid(IcsCalendar.render(List.of(), "Kairos"));

		assertThat(events(calendar)).isEmpty();
	}

	@Test
	void foldWhenLineHasMultiOctetCharactersNeverSplitsOne() {
		String line = "SUMMARY:" + "ü".repeat(100);

		String folded = IcsCalendar.fold(line + "\r\n");

		for (String part : folded.split("\r\n")) {
			assertThat(part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
		}
		assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
	}

}
