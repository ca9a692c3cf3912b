package com.amiqo.kairos.event;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.paging.PageCursors;
import com.amiqo.kairos.user.AppUser;

/**
 * Calendar events: made when a negotiation is confirmed, cancelled with it, read by their
 * owner.
 */
@Service
public class EventService {

	static final String LIST = "events";

	private final EventRepository events;

	private final PageCursors cursors;

	private final Clock clock;

	EventService(EventRepository events, PageCursors cursors, Clock clock) {
		this.events = events;
		this.cursors = cursors;
		this.clock = clock;
	}

	/**
	 * One event per attendee (an attendee who has one already, cancelled or not, gets it
	 * back confirmed). Runs inside the confirming transaction.
	 */
	public void createFor(ConfirmedPlan plan, Instant now) {
		events.insertAll(plan, Stream.generate(UUID::randomUUID).limit(plan.attendees().size()).toList(), now);
	}

	/** Runs inside the cancelling transaction; {@code reason} is the organizer's. */
	public void cancelFor(UUID negotiationId, @Nullable String reason, Instant now) {
		events.cancelForNegotiation(negotiationId, reason, now);
	}

	/** An attendee dropped out of a confirmed plan: their event is cancelled. */
	public void cancelFor(UUID negotiationId, UUID ownerId, Instant now) {
		events.cancelForOwner(negotiationId, ownerId, now);
	}

	Event get(AppUser user, UUID id) {
		Event event = events.find(id).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such event"));
		if (!event.ownerUserId().equals(user.id())) {
			throw new ApiException(ErrorCode.USER_NOT_EVENT_OWNER, "This event belongs to someone else",
					Map.of("event_id", id));
		}
		return event;
	}

	List<Event> upcoming(AppUser user, @Nullable Instant after, int limit) {
		Instant from = after == null ? clock.instant() : after;
		return events.upcoming(user.id(), from, after != null, limit);
	}

	PageCursors.Page<Event> list(AppUser user, EventFilter filter, int limit, @Nullable String cursor) {
		return cursors.page(LIST, user.id(), filter.scope(), limit, cursor,
				(after, rows) -> events.page(user.id(), filter, after, rows),
				event -> new PageCursors.Position(event.updatedAt(), event.id()));
	}

}
