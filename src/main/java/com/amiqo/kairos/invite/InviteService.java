package com.amiqo.kairos.invite;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.negotiation.NegotiationMembership;
import com.amiqo.kairos.negotiation.NegotiationView;
import com.amiqo.kairos.ops.PublicUrlProperties;
import com.amiqo.kairos.secret.SecretTokens;
import com.amiqo.kairos.user.AppUser;

/**
 * Invite links (docs/reference.md#invite-links). A link is usable while it is not
 * revoked, expired or used up and its negotiation is sent and open; every other case, and
 * an unknown token, is the same {@code 404 INVITE_NOT_FOUND} from the same single lookup,
 * so a guesser learns nothing.
 */
@Service
class InviteService {

	/** 128 random bits: 22 base64url characters. */
	static final SecretTokens TOKENS = new SecretTokens(16);

	private final InviteRepository links;

	private final NegotiationMembership membership;

	private final PublicUrlProperties publicUrl;

	private final TransactionTemplate transactions;

	private final Clock clock;

	InviteService(InviteRepository links, NegotiationMembership membership, PublicUrlProperties publicUrl,
			TransactionTemplate transactions, Clock clock) {
		this.links = links;
		this.membership = membership;
		this.publicUrl = publicUrl;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Under the negotiation's row lock, so two concurrent creations cannot both pass the
	 * limit of five active links.
	 */
	InviteLinks.Created create(AppUser user, UUID negotiationId, InviteLinks.CreateRequest request) {
		Instant now = now();
		return transactions.execute(status -> {
			NegotiationMembership.Organized negotiation = membership.organizedBy(user, negotiationId,
					"create_invite_link", true);
			if (!negotiation.takesNewInvitees()) {
				throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION,
						"Invite links can only be made for a negotiation that is still open",
						Map.of("negotiation_id", negotiationId, "current_state", negotiation.state().value(),
								"requested_action", "create_invite_link"));
			}
			Instant expiresAt = expiresAt(request.expiresAt(), negotiation.expiresAt(), now);
			int active = links.countActive(negotiationId, now);
			if (active >= InviteLinks.MAX_ACTIVE_PER_NEGOTIATION) {
				throw new ApiException(ErrorCode.CONFLICT,
						"A negotiation has at most " + InviteLinks.MAX_ACTIVE_PER_NEGOTIATION
								+ " active invite links; revoke one first",
						Map.of("negotiation_id", negotiationId, "active", active, "limit",
								InviteLinks.MAX_ACTIVE_PER_NEGOTIATION));
			}
			String token = TOKENS.next();
			InviteRepository.StoredLink link = new InviteRepository.StoredLink(UUID.randomUUID(), negotiationId,
					SecretTokens.hash(token), expiresAt, request.maxUses(), 0, null, now);
			links.insert(link);
			return new InviteLinks.Created(link.id(), token, publicUrl.link("/i/" + token), expiresAt, link.maxUses(),
					0, now);
		});
	}

	List<InviteLinks.Link> list(AppUser user, UUID negotiationId) {
		Instant now = now();
		return transactions.execute(status -> {
			membership.organizedBy(user, negotiationId, "list_invite_links", false);
			return links.list(negotiationId).stream().map(link -> link.view(now)).toList();
		});
	}

	void revoke(AppUser user, UUID negotiationId, UUID linkId) {
		Instant now = now();
		transactions.executeWithoutResult(status -> {
			membership.organizedBy(user, negotiationId, "revoke_invite_link", false);
			if (!links.revoke(negotiationId, linkId, now)) {
				throw new ApiException(ErrorCode.NOT_FOUND, "No such invite link",
						Map.of("negotiation_id", negotiationId, "link_id", linkId));
			}
		});
	}

	InviteLinks.Preview preview(AppUser user, String token) {
		InviteRepository.Found found = usable(user, token, now());
		return found.preview();
	}

	/**
	 * Joins in one transaction: the link is looked up, then the negotiation row is locked
	 * and the use is claimed under that lock, so {@code max_uses} and the participant
	 * limit hold however many people join at once.
	 */
	NegotiationView join(AppUser user, String token) {
		Instant now = now();
		return transactions.execute(status -> {
			InviteRepository.Found found = usable(user, token, now);
			UUID linkId = found.link().id();
			return membership.join(user, found.link().negotiationId(), () -> links.claimUse(linkId, now))
				.orElseThrow(InviteService::notFound);
		});
	}

	private InviteRepository.Found usable(AppUser user, String token, Instant now) {
		if (!TOKENS.isWellFormed(token)) {
			throw ApiException.invalidField("token", "is not an invite token");
		}
		byte[] hash = SecretTokens.hash(token);
		InviteRepository.Found found = links.findByHash(hash, user.id()).orElseThrow(InviteService::notFound);
		boolean negotiationOpen = found.sent() && "awaiting_replies".equals(found.preview().state())
				&& found.negotiationExpiresAt().isAfter(now);
		if (!SecretTokens.matches(found.link().tokenHash(), hash) || !found.link().isActive(now) || !negotiationOpen) {
			throw notFound();
		}
		return found;
	}

	private static Instant expiresAt(@Nullable Instant requested, Instant negotiationExpiresAt, Instant now) {
		if (requested == null) {
			return negotiationExpiresAt;
		}
		if (!requested.isAfter(now)) {
			throw ApiException.invalidField("expires_at", "must be in the future");
		}
		if (requested.isAfter(negotiationExpiresAt)) {
			throw ApiException.invalidField("expires_at",
					"must not be after the negotiation's expires_at (" + negotiationExpiresAt + ")");
		}
		return requested;
	}

	private static ApiException notFound() {
		return new ApiException(ErrorCode.INVITE_NOT_FOUND, "This invite link does not work (any more)");
	}

	private Instant now() {
		return clock.instant();
	}

}
