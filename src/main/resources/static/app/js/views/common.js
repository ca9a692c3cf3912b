import { h } from '../dom.js';
import { formatInstant } from '../time.js';
import { errorWords } from '../words.js';

export const STATE_LABELS = {
  awaiting_invites: 'Draft',
  awaiting_replies: 'Open',
  confirmed: 'Confirmed',
  cancelled: 'Called off',
  expired: 'Closed',
};

export const STATUS_LABELS = {
  organizer: 'Organizer', invited: 'Hasn\'t answered', accepted: 'Answered', declined: 'Can\'t come', countered: 'Suggested a new time',
};

export const CATEGORIES = ['coffee', 'lunch', 'dinner', 'drinks', 'gym', 'walk', 'movie', 'concert', 'study', 'game', 'brunch', 'other'];

export const CATEGORY_LABELS = {
  coffee: 'Coffee', lunch: 'Lunch', dinner: 'Dinner', drinks: 'Drinks', gym: 'Workout', walk: 'Walk', movie: 'Movie',
  concert: 'Concert', study: 'Study', game: 'Games', brunch: 'Brunch', other: 'Something else',
};

export function stateBadge(state) {
  return h('span', { class: `badge state-${state}` }, STATE_LABELS[state] || state);
}

/**
 * Repeats `task` every `ms` while the tab is visible, and at once when the tab regains focus or a
 * push message says something changed (the event `kairos-push`, relayed from the service worker). Returns the stop function.
 */
export function poll(task, ms) {
  let stopped = false;
  let running = false;
  let again = false;
  let timer = null;
  const tick = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    if (document.visibilityState === 'visible') {
      try {
        await task();
      } catch { /* the next tick retries; errors of user actions are shown where they happen */ }
    }
    running = false;
    if (again && !stopped) {
      again = false;
      tick();
      return;
    }
    if (!stopped) timer = setTimeout(tick, ms);
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') tick();
  };
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('focus', tick);
  window.addEventListener('kairos-push', tick);
  timer = setTimeout(tick, ms);
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('focus', tick);
    window.removeEventListener('kairos-push', tick);
  };
}

/** What a list row says about who must act, from the summary alone. */
function rowStatus(summary, awaiting) {
  const open = summary.state === 'awaiting_replies' || summary.state === 'awaiting_invites';
  if (summary.state === 'awaiting_invites') return 'Draft: send it when you\'re ready';
  if (awaiting) {
    if (summary.my_status === 'organizer') return 'Your move: answer the new time or pick the final one';
    if (summary.my_status === 'invited') return 'Your answer is needed';
    return 'A new time was suggested: does it work for you?';
  }
  if (summary.state === 'confirmed') {
    const going = summary.attendee_count;
    return going != null ? `${going} going` : 'Confirmed';
  }
  if (summary.state === 'cancelled') return summary.cancel_reason ? `Called off: ${summary.cancel_reason}` : 'Called off';
  if (summary.state === 'expired') return 'Closed without a time';
  if (open) return `${summary.participant_count} ${summary.participant_count === 1 ? 'person' : 'people'} · waiting for answers`;
  return '';
}

export function planRow(summary, { awaiting = false } = {}) {
  const when = summary.next_starts_at
    ? (summary.state === 'confirmed' ? formatInstant(summary.next_starts_at) : `First option: ${formatInstant(summary.next_starts_at)}`)
    : '';
  return h('li', { class: `plan-row${awaiting ? ' needs-me' : ''}`, 'data-id': summary.id },
    h('a', { href: `#/plan/${summary.id}`, class: 'plan-link' },
      h('span', { class: 'plan-title' }, summary.title),
      ' ', stateBadge(summary.state)),
    h('p', { class: 'row-status' }, rowStatus(summary, awaiting)),
    h('p', { class: 'muted row-meta' },
      `${CATEGORY_LABELS[summary.intent_category] || summary.intent_category} · by ${summary.organizer_display_name || 'someone'}`,
      when ? ` · ${when}` : ''),
    summary.last_message_preview ? h('p', { class: 'preview' }, summary.last_message_preview) : null);
}

export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, errorWords(error));
}

/** The base of links people open: the configured public URL, else this page's own origin. */
export function linkBase(config) {
  const configured = config && config.public_url;
  return (configured || location.origin).replace(/\/+$/, '');
}

/**
 * Selects the field's text and copies it to the clipboard; false when the browser refuses,
 * the text then staying selected for copying by hand.
 */
export async function copyField(output) {
  output.select();
  try {
    await navigator.clipboard.writeText(output.value);
    return true;
  } catch {
    return false;
  }
}
