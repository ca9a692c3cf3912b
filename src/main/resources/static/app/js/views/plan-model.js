// What the plan page reads from a plan: each person's answer to each option, the tallies, who has
// yet to answer, and who must act next. Pure functions of the resource (no DOM).

export const OPEN = new Set(['awaiting_invites', 'awaiting_replies']);

export const nameOf = (p) => (p ? p.display_name || 'Someone' : 'Someone');

const setsOf = (p, kind) => ({
  yes: new Set((kind === 'slot' ? p.accepted_slot_ids : p.accepted_venue_ids) || []),
  maybe: new Set((kind === 'slot' ? p.maybe_slot_ids : p.maybe_venue_ids) || []),
});

/** The options of a kind: proposed_slots (by time) or proposed_venues (by index). */
export const optionsOf = (n, kind) => (kind === 'slot' ? n.proposed_slots : n.proposed_venues);

/**
 * Whether a participant has not answered an option yet: never answered at all, or the option was
 * suggested by someone else after the participant's last answer.
 */
export function unanswered(n, p, option) {
  if (p.status === 'invited') return true;
  if (p.status === 'declined') return false;
  if (option.proposed_by === p.user_id) return false;
  const sets = { slot: setsOf(p, 'slot'), venue: setsOf(p, 'venue') };
  if (sets.slot.yes.has(option.id) || sets.slot.maybe.has(option.id) || sets.venue.yes.has(option.id) || sets.venue.maybe.has(option.id)) return false;
  if (option.answers && option.answers.no_answer === 0) return false;
  const proposer = n.participants.find((q) => q.user_id === option.proposed_by);
  if (!proposer || proposer.status === 'organizer') return false;
  return !p.responded_at || !proposer.responded_at || p.responded_at <= proposer.responded_at;
}

/** 'yes' | 'maybe' | 'no' | 'none' (not answered) for a participant and an option. */
export function answerOf(n, p, option, kind) {
  const sets = setsOf(p, kind);
  if (sets.yes.has(option.id)) return 'yes';
  if (sets.maybe.has(option.id)) return 'maybe';
  if (p.status === 'declined') return 'no';
  if (unanswered(n, p, option)) return 'none';
  return 'no';
}

const active = (n) => n.participants.filter((p) => p.status !== 'declined');

/** The option's tallies: the service's when it sends them, else counted from the answers. */
export function tally(n, option, kind) {
  if (option.answers) return option.answers;
  const counts = { yes: 0, if_need_be: 0, no: 0, no_answer: 0 };
  for (const p of active(n)) {
    const a = answerOf(n, p, option, kind);
    counts[a === 'maybe' ? 'if_need_be' : a === 'none' ? 'no_answer' : a] += 1;
  }
  return counts;
}

/** Invitees still to answer something, by name. */
export function waitingFor(n) {
  const options = [...n.proposed_slots.map((o) => [o, 'slot']), ...n.proposed_venues.map((o) => [o, 'venue'])];
  return active(n).filter((p) => options.some(([o, kind]) => answerOf(n, p, o, kind) === 'none'));
}

/** The newest option someone else suggested that `me` has not answered, with its proposer. */
export function newOptionFor(n, me) {
  const mine = n.participants.find((p) => p.user_id === me);
  if (!mine) return null;
  const candidates = [...n.proposed_slots.map((o) => ({ option: o, kind: 'slot' })), ...n.proposed_venues.map((o) => ({ option: o, kind: 'venue' }))]
    .filter(({ option, kind }) => option.proposed_by !== me && mine.status !== 'invited' && answerOf(n, mine, option, kind) === 'none');
  if (!candidates.length) return null;
  const last = candidates[candidates.length - 1];
  return { ...last, proposer: n.participants.find((p) => p.user_id === last.option.proposed_by) };
}

/** Who comes once confirmed: the service's `attending`, else whether the final options are in their sets. */
export function attending(n, p) {
  if (p.attending === true || p.attending === false) return p.attending;
  if (p.status === 'organizer') return true;
  if (p.status === 'declined') return false;
  const slot = n.proposed_slots.find((s) => s.id === n.final_slot_id);
  const venue = n.proposed_venues.find((v) => v.id === n.final_venue_id);
  const ok = (option, kind) => !option || ['yes', 'maybe'].includes(answerOf(n, p, option, kind));
  return ok(slot, 'slot') && ok(venue, 'venue');
}

/** People who could come to an option (yes or if need be), for the organizer's pick. */
export function canCome(n, option, kind) {
  return active(n).filter((p) => ['yes', 'maybe'].includes(answerOf(n, p, option, kind)));
}

/** Options ranked for the organizer: most who can come, then most yes, then earliest / first. */
export function ranked(n, kind) {
  return [...optionsOf(n, kind)].map((option) => {
    const t = tally(n, option, kind);
    return { option, t, score: t.yes + t.if_need_be };
  }).sort((a, b) => b.score - a.score || b.t.yes - a.t.yes
    || (kind === 'slot' ? Date.parse(a.option.starts_at) - Date.parse(b.option.starts_at) : a.option.venue_index - b.option.venue_index));
}
