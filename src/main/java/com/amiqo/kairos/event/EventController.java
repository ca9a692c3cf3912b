package com.amiqo.kairos.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.ClosedSet;
import com.amiqo.kairos.api.ETagged;
import com.amiqo.kairos.api.Envelope;
import com.amiqo.kairos.api.error.ApiErrors;
import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.paging.PageCursors;
import com.amiqo.kairos.calendar.IcsCalendar;
import com.amiqo.kairos.user.AppUser;

/** The caller's calendar events (docs/reference.md#events). */
@Tag(name = "events")
@RestController
class EventController {

	private final EventService events;

	EventController(EventService events) {
		this.events = events;
	}

	@Operation(operationId = "listUpcomingEvents", summary = "The caller's next confirmed events")
	@GetMapping("/events/upcoming")
	Envelope<List<Event>> upcoming(AppUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) Instant after) {
		return Envelope.of(events.upcoming(user, after, limit));
	}

	@Operation(operationId = "listEvents", summary = "The caller's events, paged")
	@ApiErrors(ErrorCode.INVALID_CURSOR)
	@GetMapping("/events")
	Envelope<List<Event>> list(AppUser user,
			@RequestParam(required = false) @ClosedSet(values = Event.STATUSES,
					name = "EventStatus") @Pattern(regexp = Event.STATUSES) String status,
			@RequestParam(name = "starts_after", required = false) Instant startsAfter,
			@RequestParam(name = "starts_before", required = false) Instant startsBefore,
			@RequestParam(name = "updated_after", required = false) Instant updatedAfter,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) String cursor) {
		PageCursors.Page<Event> page = events.list(user,
				new EventFilter(status, startsAfter, startsBefore, updatedAfter), limit, cursor);
		return Envelope.page(page.items(), new Envelope.Pagination(limit, page.nextCursor(), page.hasMore()));
	}

	/**
	 * Carries the event's {@code ETag}; Spring turns a matching {@code If-None-Match}
	 * into a 304 once ownership is checked.
	 */
	@Operation(operationId = "getEvent", summary = "One event of the caller")
	@ETagged
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.USER_NOT_EVENT_OWNER })
	@GetMapping("/events/{id}")
	ResponseEntity<Envelope<Event>> get(AppUser user, @PathVariable UUID id) {
		Event event = events.get(user, id);
		return ResponseEntity.ok().eTag(event.etag()).body(Envelope.of(event));
	}

	/**
	 * The event as an RFC 5545 file (docs/reference.md#events), owner only; the same
	 * {@code ETag} as the event.
	 */
	@Operation(operationId = "getEventIcs", summary = "The event as an iCalendar file",
			responses = @ApiResponse(responseCode = "200", description = "The calendar file",
					content = @Content(mediaType = IcsCalendar.MEDIA_TYPE, schema = @Schema(type = "string"))))
	@ETagged
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.USER_NOT_EVENT_OWNER })
	@GetMapping("/events/{id}/ics")
	ResponseEntity<String> ics(AppUser user, @PathVariable UUID id) {
		Event event = events.get(user, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(IcsCalendar.MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("kairos-" + id + ".ics").build().toString())
			.eTag(event.etag())
			.body(IcsCalendar.render(List.of(event.calendarEntry()), null));
	}

	@Operation(operationId = "createEvent", hidden = true, summary = "Refused: events come from confirmed negotiations")
	@ApiErrors(value = ErrorCode.EVENT_CREATION_DISABLED, neverSucceeds = true)
	@PostMapping("/events")
	void create() {
		throw new ApiException(ErrorCode.EVENT_CREATION_DISABLED,
				"Events are created by confirming a negotiation; standalone events are not available");
	}

}
