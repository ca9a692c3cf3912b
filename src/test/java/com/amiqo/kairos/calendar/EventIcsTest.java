package com.amiqo.kairos.calendar;

import java.util.List;

import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiClient.ApiResponse;
import com.amiqo.kairos.support.TestUser;

import static com.amiqo.kairos.calendar.IcsFiles.events;
import static com.amiqo.kairos.calendar.IcsFiles.parseValid;
import static com.amiqo.kairos.calendar.IcsFiles.value;
import static com.amiqo.kairos.support.ApiAssertions.assertErrorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /events/{id}/ics} (docs/reference.md#events). */
class EventIcsTest extends CalendarApiTest {

	@Test
	void icsWhenOwnerAsksReturnsAValidFileSharingTheMeetingsUidWithTheOtherCopies() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String title = "Sushi bei Größenwahn – 東京 🍣 with a title long enough to need folding at least once";
		String id = confirmedMeeting(alice, List.of(bob), title, "Café Kränzler, Kurfürstendamm 18, 10719 Berlin")
			.path("id")
			.asString();
		String alicesEvent = eventIdOf(alice, id);

		ApiResponse alices = api.get("/events/" + alicesEvent + "/ics").token(alice.token()).send();
		ApiResponse bobs = api.get("/events/" + eventIdOf(bob, id) + "/ics").token(bob.token()).send();

		assertThat(alices.status()).as(alices.toString()).isEqualTo(200);
		assertThat(alices.header("Content-Type")).startsWith("text/calendar");
		assertThat(alices.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"kairos-" + alicesEvent + ".ics\"");
		VEvent alicesCopy = events(parseValid(alices.raw())).get(0);
		VEvent bobsCopy = events(parseValid(bobs.raw())).get(0);
		assertThat(value(alicesCopy, "UID")).isEqualTo(value(bobsCopy, "UID")).isEqualTo(id + "@kairos.amiqo");
		assertThat(value(alicesCopy, "SUMMARY")).isEqualTo(title);
		assertThat(value(alicesCopy, "LOCATION")).isEqualTo("Café Kränzler, Kurfürstendamm 18, 10719 Berlin");
		assertThat(value(alicesCopy, "STATUS")).isEqualTo("CONFIRMED");
		assertThat(value(alicesCopy, "SEQUENCE")).isEqualTo("0");
		assertThat(alicesCopy.getProperty("ORGANIZER").orElseThrow().getParameter("CN").orElseThrow().getValue())
			.isEqualTo("Alice");
		assertThat(alicesCopy.getProperties("ATTENDEE")).hasSize(2);
		assertThat(alices.raw()).doesNotContain("mailto:");
	}

	@Test
	void icsWhenPlanIsCancelledCarriesCancelledStatusAHigherSequenceAndTheSameUid() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = confirmedMeeting(alice, List.of(bob), "Walk", null).path("id").asString();
		String bobsEvent = eventIdOf(bob, id);
		ApiResponse before = api.get("/events/" + bobsEvent + "/ics").token(bob.token()).send();

		cancel(alice, id);
		ApiResponse after = api.get("/events/" + bobsEvent + "/ics").token(bob.token()).send();

		VEvent confirmed = events(parseValid(before.raw())).get(0);
		VEvent cancelled = events(parseValid(after.raw())).get(0);
		assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
		assertThat(Integer.parseInt(value(cancelled, "SEQUENCE")))
			.isGreaterThan(Integer.parseInt(value(confirmed, "SEQUENCE")));
		assertThat(value(cancelled, "UID")).isEqualTo(value(confirmed, "UID"));
		assertThat(cancelled.getProperty("LOCATION")).isEmpty();
	}

	@Test
	void icsWhenNotTheOwnerReturns403AndWhenUnknown404() {
		TestUser alice = signIn("Alice");
		TestUser bob = signIn("Bob");
		String id = confirmedMeeting(alice, List.of(bob), "Gym", null).path("id").asString();

		assertErrorEnvelope(api.get("/events/" + eventIdOf(alice, id) + "/ics").token(bob.token()).send(), 403,
				"USER_NOT_EVENT_OWNER");
		assertErrorEnvelope(api.get("/events/" + java.util.UUID.randomUUID() + "/ics").token(bob.token()).send(), 404,
				"NOT_FOUND");
		assertErrorEnvelope(api.get("/events/nope/ics").token(bob.token()).send(), 400, "VALIDATION_ERROR");
		assertErrorEnvelope(api.get("/events/" + eventIdOf(alice, id) + "/ics").send(), 401, "UNAUTHORIZED");
	}

}
