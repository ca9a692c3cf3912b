package com.amiqo.kairos.invite;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.ETagged;
import com.amiqo.kairos.api.Envelope;
import com.amiqo.kairos.api.error.ApiErrors;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.ratelimit.RateLimiter;
import com.amiqo.kairos.negotiation.NegotiationMembership;
import com.amiqo.kairos.negotiation.NegotiationView;
import com.amiqo.kairos.user.AppUser;

/**
 * Invite links (docs/reference.md#invite-links): the organizer manages them; anyone
 * signed in previews and joins.
 */
@Tag(name = "invites")
@RestController
class InviteController {

	private final InviteService invites;

	private final RateLimiter rateLimiter;

	InviteController(InviteService invites, RateLimiter rateLimiter) {
		this.invites = invites;
		this.rateLimiter = rateLimiter;
	}

	/**
	 * The body is optional: no body means the defaults (the negotiation's deadline,
	 * unlimited uses).
	 */
	@Operation(operationId = "createInviteLink",
			summary = "A new invite link (organizer only); the token is shown only here")
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.USER_NOT_PARTICIPANT, ErrorCode.ORGANIZER_ONLY_ACTION,
			ErrorCode.INVALID_STATE_TRANSITION, ErrorCode.CONFLICT })
	@PostMapping("/negotiations/{id}/invite-links")
	@ResponseStatus(HttpStatus.CREATED)
	Envelope<InviteLinks.Created> create(AppUser user, @PathVariable UUID id,
			@Valid @RequestBody(required = false) InviteLinks.@Nullable CreateRequest request) {
		return Envelope
			.of(invites.create(user, id, request == null ? new InviteLinks.CreateRequest(null, null) : request));
	}

	@Operation(operationId = "listInviteLinks",
			summary = "The negotiation's invite links, without tokens (organizer only)")
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.USER_NOT_PARTICIPANT, ErrorCode.ORGANIZER_ONLY_ACTION })
	@GetMapping("/negotiations/{id}/invite-links")
	Envelope<List<InviteLinks.Link>> list(AppUser user, @PathVariable UUID id) {
		return Envelope.of(invites.list(user, id));
	}

	@Operation(operationId = "revokeInviteLink", summary = "Revoke an invite link (organizer only)",
			responses = @ApiResponse(responseCode = "204", description = "Revoked"))
	@ApiErrors({ ErrorCode.NOT_FOUND, ErrorCode.USER_NOT_PARTICIPANT, ErrorCode.ORGANIZER_ONLY_ACTION })
	@DeleteMapping("/negotiations/{id}/invite-links/{linkId}")
	ResponseEntity<Void> revoke(AppUser user, @PathVariable UUID id, @PathVariable UUID linkId) {
		invites.revoke(user, id, linkId);
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "previewInvite", summary = "What a link invites to, before joining")
	@ApiErrors(ErrorCode.INVITE_NOT_FOUND)
	@GetMapping("/invites/{token}")
	Envelope<InviteLinks.Preview> preview(AppUser user, @PathVariable String token) {
		rateLimiter.acquireInviteLookup(user.firebaseUid());
		return Envelope.of(invites.preview(user, token));
	}

	@Operation(operationId = "joinInvite", summary = "Join the negotiation behind a link as an invitee")
	@ETagged
	@ApiErrors({ ErrorCode.INVITE_NOT_FOUND, ErrorCode.NEGOTIATION_FULL })
	@PostMapping("/invites/{token}/join")
	ResponseEntity<Envelope<NegotiationView>> join(AppUser user, @PathVariable String token) {
		rateLimiter.acquireInviteLookup(user.firebaseUid());
		NegotiationView joined = invites.join(user, token);
		return ResponseEntity.ok().eTag(NegotiationMembership.etag(joined)).body(Envelope.of(joined));
	}

}
