package com.amiqo.kairos.negotiation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.negotiation.domain.Decisions;
import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.negotiation.domain.Participant;
import com.amiqo.kairos.negotiation.domain.Previews;
import com.amiqo.kairos.negotiation.domain.ReplyAction;
import com.amiqo.kairos.negotiation.sql.DeadlineRepository;
import com.amiqo.kairos.notification.Notification;
import com.amiqo.kairos.notification.NotificationKind;

/**
 * Who is told what about a change (docs/reference.md#notifications): pure rules over the
 * negotiation after the change. The service writes the result to the outbox in the same
 * transaction.
 */
final class Notices {

	private Notices() {
	}

	/**
	 * A negotiation just sent: every invitee is invited; in agent mode their agents are
	 * also asked to evaluate it (silently).
	 */
	static List<Notification> sent(Negotiation sent, boolean agentMode, @Nullable String preview, Instant now) {
		List<Notification> notices = new ArrayList<>();
		to(notices, NotificationKind.INVITED, sent, preview, participant -> !participant.isOrganizer());
		if (agentMode) {
			notices.addAll(evaluate(sent, now));
		}
		return notices;
	}

	/**
	 * {@code allAnswered}: this reply is the one after which nobody has anything left to
	 * answer, so the organizer is told it is their call (unless they replied themselves).
	 */
	static List<Notification> reply(Decisions.Applied applied, ReplyAction action, UUID actorId, boolean agentMode,
			@Nullable String preview, boolean allAnswered, Instant now) {
		Negotiation next = applied.next();
		List<Notification> notices = new ArrayList<>();
		if (allAnswered && !next.ownerId().equals(actorId)) {
			to(notices, NotificationKind.ALL_ANSWERED, next, Previews.allAnswered(), Participant::isOrganizer);
		}
		switch (applied.outcome()) {
			case RSVP -> to(notices, NotificationKind.REPLIED, next, preview,
					participant -> participant.isActive() && !participant.userId().equals(actorId));
			case SENT -> notices.addAll(sent(next, agentMode, preview, now));
			case CONFIRMED -> notices.addAll(confirmed(next, actorId, preview));
			case EVERYONE_DECLINED -> to(notices, NotificationKind.CANCELLED, next, preview, everyoneBut(actorId));
			case ANSWERED -> {
				if (action == ReplyAction.COUNTER) {
					// The awaiting_me rule decides who must answer again: one rule for
					// the list and the push.
					to(notices, NotificationKind.COUNTERED, next, preview,
							participant -> !participant.userId().equals(actorId)
									&& next.isAwaiting(participant.userId(), now));
					if (agentMode) {
						notices.addAll(evaluate(next, now));
					}
				}
				else {
					to(notices, NotificationKind.REPLIED, next, preview,
							participant -> participant.isActive() && !participant.userId().equals(actorId));
				}
			}
		}
		return notices;
	}

	/**
	 * A confirmation (by a reply, the organizer's pick or the deadline): everyone but the
	 * actor ({@code null}: the system, so everyone), each told whether they attend; those
	 * who do not get a preview that says so.
	 */
	static List<Notification> confirmed(Negotiation confirmed, @Nullable UUID actorId, @Nullable String preview) {
		List<Notification> notices = new ArrayList<>();
		for (Participant participant : confirmed.participants()) {
			if (participant.userId().equals(actorId)) {
				continue;
			}
			boolean attending = Boolean.TRUE.equals(confirmed.isAttending(participant));
			notices.add(new Notification(NotificationKind.CONFIRMED, participant.userId(), confirmed.id(),
					confirmed.state().value(), attending ? preview : Previews.notAttending(preview), attending));
		}
		return notices;
	}

	/** The reminders the sweep claimed: each participant the negotiation waits for. */
	static List<Notification> reminders(List<DeadlineRepository.Reminder> recipients) {
		return recipients.stream()
			.map(reminder -> new Notification(NotificationKind.REMINDER, reminder.userId(), reminder.negotiationId(),
					NegotiationState.AWAITING_REPLIES.value(), Previews.reminder()))
			.toList();
	}

	/**
	 * Someone joined by invite link (docs/reference.md#invite-links): the organizer is
	 * told.
	 */
	static List<Notification> joined(Negotiation joined, String preview) {
		List<Notification> notices = new ArrayList<>();
		to(notices, NotificationKind.JOINED, joined, preview, Participant::isOrganizer);
		return notices;
	}

	/** An organizer's cancel: everyone who has seen the negotiation but the organizer. */
	static List<Notification> cancelled(Negotiation cancelled, UUID actorId, @Nullable String preview) {
		List<Notification> notices = new ArrayList<>();
		if (cancelled.sent()) {
			to(notices, NotificationKind.CANCELLED, cancelled, preview, everyoneBut(actorId));
		}
		return notices;
	}

	/**
	 * Expiry has no actor: every participant who has seen it (only the organizer for an
	 * unsent draft).
	 */
	static List<Notification> expired(Negotiation expired) {
		List<Notification> notices = new ArrayList<>();
		to(notices, NotificationKind.EXPIRED, expired, Previews.expired(),
				participant -> seesExpiry(expired.sent(), participant.isOrganizer()));
		return notices;
	}

	/** The same rule for negotiations the sweep expired, from their participant rows. */
	static List<Notification> expired(List<DeadlineRepository.ExpiredParticipant> participants) {
		return participants.stream()
			.filter(participant -> seesExpiry(participant.sent(), participant.organizer()))
			.map(participant -> new Notification(NotificationKind.EXPIRED, participant.userId(),
					participant.negotiationId(), NegotiationState.EXPIRED.value(), Previews.expired()))
			.toList();
	}

	private static boolean seesExpiry(boolean sent, boolean organizer) {
		return sent || organizer;
	}

	/** Silent pushes to the agents of invitees whose answer is pending. */
	private static List<Notification> evaluate(Negotiation negotiation, Instant now) {
		List<Notification> notices = new ArrayList<>();
		to(notices, NotificationKind.EVALUATE, negotiation, null,
				participant -> !participant.isOrganizer() && negotiation.isAwaiting(participant.userId(), now));
		return notices;
	}

	private static Predicate<Participant> everyoneBut(UUID actorId) {
		return participant -> !participant.userId().equals(actorId);
	}

	private static void to(List<Notification> notices, NotificationKind kind, Negotiation negotiation,
			@Nullable String preview, Predicate<Participant> recipients) {
		negotiation.participants()
			.stream()
			.filter(recipients)
			.forEach(participant -> notices.add(new Notification(kind, participant.userId(), negotiation.id(),
					negotiation.state().value(), preview)));
	}

}
