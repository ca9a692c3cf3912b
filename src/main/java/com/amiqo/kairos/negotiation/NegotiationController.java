package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.ClosedSet;
import com.amiqo.kairos.api.ETagged;
import com.amiqo.kairos.api.Envelope;
import com.amiqo.kairos.api.IfMatch;
import com.amiqo.kairos.api.error.ApiErrors;
import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.paging.PageCursors;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.Role;
import com.amiqo.kairos.negotiation.sql.StoredNegotiation;
import com.amiqo.kairos.user.AppUser;

/**
 * Negotiation endpoints (docs/reference.md#negotiation-states). Responses that carry one
 * negotiation carry its {@code ETag} too.
 */
@Tag(name = "negotiations")
@RestController
class NegotiationController {

	private final NegotiationService negotiations;

	private final NegotiationDecisions decisions;

	NegotiationController(NegotiationService negotiations, NegotiationDecisions decisions) {
		this.negotiations = negotiations;
		this.decisions = decisions;
	}

	@Operation(operationId = "startNegotiation", summary = "Propose slots and venues to invitees",
			responses = { @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true),
					@ApiResponse(responseCode = "200", useReturnTypeSchema = true,
							description = "A retried client-made id with the same body: the existing negotiation") })
	@ETagged
	@ApiErrors({ ErrorCode.CONFLICT, ErrorCode.UNKNOWN_PARTICIPANTS, ErrorCode.SLOT_IN_PAST })
	@PostMapping("/negotiate/start")
	ResponseEntity<Envelope<NegotiationView>> start(AppUser user,
			@Valid @RequestBody NegotiationRequests.Start request) {
		NegotiationService.Started started = negotiations.start(user, request);
		return respond(started.created() ? HttpStatus.CREATED : HttpStatus.OK, started.record(), user);
	}

	@Operation(operationId = "replyToNegotiation", summary = "Accept, decline or counter")
	@ETagged(
			absentWhen = "when a repeated reply (a no-op) meets a negotiation past its deadline that the expiry sweep has not marked yet")
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.USER_NOT_PARTICIPANT, ErrorCode.ORGANIZER_ONLY_ACTION,
			ErrorCode.INVALID_STATE_TRANSITION, ErrorCode.NEGOTIATION_EXPIRED, ErrorCode.PRECONDITION_FAILED,
			ErrorCode.UNKNOWN_OPTION, ErrorCode.SLOT_IN_PAST, ErrorCode.MISSING_COUNTER_FIELDS,
			ErrorCode.COUNTER_LIMIT_EXCEEDED })
	@PostMapping("/negotiate/reply")
	ResponseEntity<Envelope<NegotiationView>> reply(AppUser user,
			@Valid @RequestBody NegotiationRequests.ReplyInput request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return respond(HttpStatus.OK, negotiations.reply(user, request, IfMatch.revisionOf(ifMatch)), user);
	}

	@Operation(operationId = "finalizeNegotiation",
			summary = "The organizer picks the final slot (and venue): confirmed for everyone who can come")
	@ETagged
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.USER_NOT_PARTICIPANT, ErrorCode.ORGANIZER_ONLY_ACTION,
			ErrorCode.INVALID_STATE_TRANSITION, ErrorCode.NEGOTIATION_EXPIRED, ErrorCode.PRECONDITION_FAILED,
			ErrorCode.UNKNOWN_OPTION, ErrorCode.SLOT_IN_PAST })
	@PostMapping("/negotiate/finalize")
	ResponseEntity<Envelope<NegotiationView>> finalize(AppUser user,
			@Valid @RequestBody NegotiationRequests.Finalize request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return respond(HttpStatus.OK, decisions.finalize(user, request, IfMatch.revisionOf(ifMatch)), user);
	}

	@Operation(operationId = "cancelNegotiation", summary = "Organizer only")
	@ETagged
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.USER_NOT_PARTICIPANT, ErrorCode.ORGANIZER_ONLY_ACTION,
			ErrorCode.INVALID_STATE_TRANSITION, ErrorCode.NEGOTIATION_EXPIRED })
	@PostMapping("/negotiate/cancel")
	ResponseEntity<Envelope<NegotiationView>> cancel(AppUser user,
			@Valid @RequestBody NegotiationRequests.Cancel request) {
		return respond(HttpStatus.OK, negotiations.cancel(user, request), user);
	}

	/**
	 * {@code If-None-Match} with the current revision is a 304, answered after the
	 * visibility checks (see respond).
	 */
	@Operation(operationId = "getNegotiation", summary = "The full resource, for participants")
	@ETagged(
			absentWhen = "while a negotiation past its deadline waits for the expiry sweep (its revision will still change)")
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.USER_NOT_PARTICIPANT })
	@GetMapping("/negotiations/{id}")
	ResponseEntity<Envelope<NegotiationView>> get(AppUser user, @PathVariable UUID id) {
		return respond(HttpStatus.OK, negotiations.get(user, id), user);
	}

	@Operation(operationId = "listNegotiations", summary = "The caller's negotiations, newest change first")
	@ApiErrors(ErrorCode.INVALID_CURSOR)
	@GetMapping("/negotiations")
	Envelope<List<NegotiationSummary>> list(AppUser user,
			@RequestParam(required = false) @Parameter(
					explode = Explode.FALSE) @ClosedSet(NegotiationState.class) @Nullable String state,
			@RequestParam(required = false) @ClosedSet(Role.class) @Pattern(regexp = Role.VALUES) @Nullable String role,
			@RequestParam(name = "awaiting_me", defaultValue = "false") boolean awaitingMe,
			@RequestParam(name = "updated_after", required = false) @Nullable Instant updatedAfter,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) @Nullable String cursor) {
		ListQuery query = new ListQuery(states(state), role == null ? null : Role.of(role), awaitingMe, updatedAfter);
		PageCursors.Page<NegotiationSummary> page = negotiations.list(user, query, limit, cursor);
		return Envelope.page(page.items(), new Envelope.Pagination(limit, page.nextCursor(), page.hasMore()));
	}

	/**
	 * Spring answers a GET whose {@code If-None-Match} matches this {@code ETag} with a
	 * bodiless 304. An overdue negotiation the sweep has not marked yet reads as expired
	 * under its old revision, so it carries no {@code ETag} until the sweep gives it a
	 * new one: a poller must not miss the expiry.
	 */
	private ResponseEntity<Envelope<NegotiationView>> respond(HttpStatus status, StoredNegotiation record,
			AppUser user) {
		Instant now = negotiations.now();
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (!record.negotiation().isOverdue(now)) {
			response.eTag(Integer.toString(record.negotiation().revision()));
		}
		return response.body(Envelope.of(NegotiationView.of(record, user.id(), now)));
	}

	private static @Nullable Set<NegotiationState> states(@Nullable String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return Arrays.stream(state.split(","))
				.map(String::strip)
				.map(value -> value.toLowerCase(Locale.ROOT))
				.map(NegotiationState::of)
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IllegalArgumentException e) {
			throw ApiException.invalidField("state", "must be a comma-separated list of awaiting_invites, "
					+ "awaiting_replies, confirmed, cancelled, expired");
		}
	}

}
