package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

import com.amiqo.kairos.api.ApiException;
import com.amiqo.kairos.api.ApiResponse;
import com.amiqo.kairos.api.PageCursors;
import com.amiqo.kairos.user.AppUser;

/** Negotiation endpoints (SPEC §5). Responses that carry one negotiation carry its {@code ETag} too. */
@RestController
class NegotiationController {

    private final NegotiationService negotiations;

    NegotiationController(NegotiationService negotiations) {
        this.negotiations = negotiations;
    }

    @PostMapping("/negotiate/start")
    ResponseEntity<ApiResponse<NegotiationView>> start(AppUser user,
            @Valid @RequestBody NegotiationRequests.Start request) {
        NegotiationService.Started started = negotiations.start(user, request);
        return respond(started.created() ? HttpStatus.CREATED : HttpStatus.OK, started.record(), user);
    }

    @PostMapping("/negotiate/reply")
    ResponseEntity<ApiResponse<NegotiationView>> reply(AppUser user,
            @Valid @RequestBody NegotiationRequests.ReplyInput request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return respond(HttpStatus.OK, negotiations.reply(user, request, revisionOf(ifMatch)), user);
    }

    @PostMapping("/negotiate/cancel")
    ResponseEntity<ApiResponse<NegotiationView>> cancel(AppUser user,
            @Valid @RequestBody NegotiationRequests.Cancel request) {
        return respond(HttpStatus.OK, negotiations.cancel(user, request), user);
    }

    /** {@code If-None-Match} with the current revision is a 304, answered after the visibility checks (see respond). */
    @GetMapping("/negotiations/{id}")
    ResponseEntity<ApiResponse<NegotiationView>> get(AppUser user, @PathVariable UUID id) {
        return respond(HttpStatus.OK, negotiations.get(user, id), user);
    }

    @GetMapping("/negotiations")
    ApiResponse<List<NegotiationSummary>> list(AppUser user,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Pattern(regexp = "organizer|invitee") @Nullable String role,
            @RequestParam(name = "awaiting_me", defaultValue = "false") boolean awaitingMe,
            @RequestParam(name = "updated_after", required = false) @Nullable Instant updatedAfter,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ListQuery query = new ListQuery(states(state), role, awaitingMe, updatedAfter);
        PageCursors.Page<NegotiationSummary> page = negotiations.list(user, query, limit, cursor);
        return ApiResponse.page(page.items(), new ApiResponse.Pagination(limit, page.nextCursor(), page.hasMore()));
    }

    /**
     * Spring answers a GET whose {@code If-None-Match} matches this {@code ETag} with a bodiless 304.
     * An overdue negotiation the sweep has not marked yet reads as expired under its old revision, so
     * it carries no {@code ETag} until the sweep gives it a new one: a poller must not miss the expiry.
     */
    private ResponseEntity<ApiResponse<NegotiationView>> respond(HttpStatus status, NegotiationRecord record,
            AppUser user) {
        Instant now = negotiations.now();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (!record.negotiation().isOverdue(now)) {
            response.eTag(Integer.toString(record.negotiation().revision()));
        }
        return response.body(ApiResponse.of(NegotiationView.of(record, user.id(), now)));
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; {@code *} or absent means "any revision". */
    private static @Nullable Integer revisionOf(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("If-Match", "must be the ETag of the negotiation, e.g. \"3\"");
        }
    }

    private static @Nullable Set<NegotiationState> states(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return Arrays.stream(state.split(",")).map(String::strip).map(value -> value.toLowerCase(Locale.ROOT))
                    .map(NegotiationState::of).collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("state", "must be a comma-separated list of awaiting_invites, "
                    + "awaiting_replies, confirmed, cancelled, expired");
        }
    }
}
