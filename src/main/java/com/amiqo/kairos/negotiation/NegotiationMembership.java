package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.NegotiationRefusals;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.Previews;
import com.amiqo.kairos.negotiation.sql.NegotiationRepository;
import com.amiqo.kairos.negotiation.sql.StoredNegotiation;
import com.amiqo.kairos.user.AppUser;

/**
 * What invite links need from negotiations (docs/reference.md#invite-links): the
 * organizer checks for managing links, and joining. Every method runs inside the caller's
 * transaction, so a link's use count and the new participant commit together under the
 * negotiation's row lock.
 */
@Service
public class NegotiationMembership {

	private final NegotiationRepository negotiations;

	private final NegotiationService service;

	private final NegotiationEffects effects;

	NegotiationMembership(NegotiationRepository negotiations, NegotiationService service, NegotiationEffects effects) {
		this.negotiations = negotiations;
		this.service = service;
		this.effects = effects;
	}

	/** A negotiation as its organizer sees it when managing links. */
	public record Organized(UUID id, NegotiationState state, Instant expiresAt) {

		/**
		 * Links can be made while invitees can still come: a draft (its links work once
		 * sent) or a sent, open plan.
		 */
		public boolean takesNewInvitees() {
			return state.isOpen();
		}
	}

	/**
	 * The negotiation, if the user is its organizer: else {@code 404} (unknown, or
	 * someone else's draft), {@code 403 USER_NOT_PARTICIPANT} or
	 * {@code 403 ORGANIZER_ONLY_ACTION} naming {@code action} as
	 * {@code details.requested_action}. With {@code lock} its row stays locked until the
	 * transaction ends.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Organized organizedBy(AppUser user, UUID negotiationId, String action, boolean lock) {
		StoredNegotiation record = Visibility
			.require(lock ? negotiations.findForUpdate(negotiationId) : negotiations.find(negotiationId), user);
		Negotiation negotiation = record.negotiation();
		if (!negotiation.ownerId().equals(user.id())) {
			throw NegotiationRefusals.organizerOnly(negotiationId, action);
		}
		return new Organized(negotiationId, negotiation.effectiveState(service.now()), negotiation.expiresAt());
	}

	/**
	 * Adds the user as an invitee of the sent, open negotiation, spending one use of the
	 * link ({@code claimUse}, called under the row lock) only when they are new. Empty
	 * when the negotiation takes nobody through a link (not sent yet, closed, overdue) or
	 * the link has no use left; the caller answers all of those alike. A participant
	 * already in it (organizer included) gets the negotiation as it is. Full:
	 * {@code 409 NEGOTIATION_FULL}, thrown after the claim so the transaction rolls the
	 * use back.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<NegotiationView> join(AppUser user, UUID negotiationId, BooleanSupplier claimUse) {
		Instant now = service.now();
		Optional<StoredNegotiation> locked = negotiations.findForUpdate(negotiationId);
		if (locked.isEmpty()) {
			return Optional.empty();
		}
		StoredNegotiation record = locked.get();
		Negotiation negotiation = record.negotiation();
		if (!negotiation.sent() || negotiation.effectiveState(now) != NegotiationState.AWAITING_REPLIES) {
			return Optional.empty();
		}
		if (negotiation.participant(user.id()).isPresent()) {
			return Optional.of(NegotiationView.of(record, user.id(), now));
		}
		if (!claimUse.getAsBoolean()) {
			return Optional.empty();
		}
		Negotiation next = negotiation.join(user.id());
		String preview = Previews.joined(user.displayName());
		negotiations.writeJoin(next, user.id(), preview, now);
		effects.enqueue(Notices.joined(next, preview));
		effects.publish(new NegotiationEvents.ParticipantJoined(next.id(), next.ownerId(), user.id(), next.revision(),
				preview, now));
		return Optional.of(NegotiationView.of(negotiations.find(negotiationId).orElseThrow(), user.id(), now));
	}

	/**
	 * The ids of the negotiation's participants, when the user may read it: else the
	 * refusals of {@code GET /negotiations/{id}} ({@code 404} for an unknown negotiation
	 * or someone else's draft, {@code 403 USER_NOT_PARTICIPANT}). With {@code lock} its
	 * row stays locked until the transaction ends.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Set<UUID> participantsSeenBy(AppUser user, UUID negotiationId, boolean lock) {
		StoredNegotiation record = Visibility
			.require(lock ? negotiations.findForUpdate(negotiationId) : negotiations.find(negotiationId), user);
		Set<UUID> ids = new LinkedHashSet<>();
		record.negotiation().participants().forEach(participant -> ids.add(participant.userId()));
		return ids;
	}

	/** The ETag of a negotiation view, as {@code GET /negotiations/{id}} sends it. */
	public static String etag(NegotiationView view) {
		return Integer.toString(view.revision());
	}

}
