import { h } from '../dom.js';
import { formatInstant } from '../time.js';

export const STATE_LABELS = {
  awaiting_invites: 'Draft',
  awaiting_replies: 'Waiting for answers',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

export const STATUS_LABELS = {
  organizer: 'Organizer', invited: 'Not answered yet', accepted: 'Accepted', declined: 'Declined', countered: 'Suggested other options',
};

export const CATEGORIES = ['coffee', 'lunch', 'dinner', 'drinks', 'gym', 'walk', 'movie', 'concert', 'study', 'game', 'brunch', 'other'];

export function stateBadge(state) {
  return h('span', { class: `badge state-${state}` }, STATE_LABELS[state] || state);
}

/** Repeats `task` every `ms` while the tab is visible; returns the stop function. */
export function poll(task, ms) {
  let stopped = false;
  let running = false;
  let timer = null;
  const tick = async () => {
    if (stopped || running) return;
    running = true;
    clearTimeout(timer);
    if (document.visibilityState === 'visible') {
      try {
        await task();
      } catch { /* the next tick retries; errors of user actions are shown where they happen */ }
    }
    running = false;
    if (!stopped) timer = setTimeout(tick, ms);
  };
  // Coming back to the tab refreshes at once instead of waiting for the next tick.
  const onVisible = () => {
    if (document.visibilityState === 'visible') tick();
  };
  document.addEventListener('visibilitychange', onVisible);
  // A push (relayed by the service worker) refreshes at once too.
  window.addEventListener('kairos-push', tick);
  timer = setTimeout(tick, ms);
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('kairos-push', tick);
  };
}

export function planRow(summary) {
  return h('li', { class: 'plan-row', 'data-id': summary.id },
    h('a', { href: `#/plan/${summary.id}`, class: 'plan-link' },
      h('span', { class: 'plan-title' }, summary.title),
      ' ', stateBadge(summary.state)),
    h('p', { class: 'muted' },
      `${summary.intent_category} · by ${summary.organizer_display_name || 'someone'} · ${summary.accepted_count}/${summary.participant_count} agreed`,
      summary.next_starts_at ? ` · ${formatInstant(summary.next_starts_at)}` : ''),
    summary.last_message_preview ? h('p', { class: 'preview' }, summary.last_message_preview) : null);
}

export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, error.message);
}
