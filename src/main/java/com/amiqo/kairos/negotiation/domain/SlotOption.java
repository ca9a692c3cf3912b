package com.amiqo.kairos.negotiation.domain;

import java.time.Instant;

/**
 * A time option as proposed in a request, already validated; it gets an id once it is
 * added.
 */
public record SlotOption(Instant startsAt, int durationMinutes, String timezone) {
}
