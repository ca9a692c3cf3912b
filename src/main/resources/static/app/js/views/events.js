// Confirmed events with their .ics files, and the calendar-feed URL for calendar apps.
import { h, replace, announce } from '../dom.js';
import { get, call, download } from '../api.js';
import { formatInstant } from '../time.js';
import { busy, formError, showError } from '../forms.js';
import { errorBox } from './common.js';

export function icsFilename(title) {
  return `${(title || 'event').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'event'}.ics`;
}

export function icsButton(event, label = 'Download .ics') {
  const status = h('span', { class: 'error', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'secondary download-ics' }, label);
  button.addEventListener('click', () => busy(button, async () => {
    status.textContent = '';
    try {
      await download(`/events/${event.id}/ics`, icsFilename(event.title));
      announce('Calendar file downloaded');
    } catch (error) {
      status.textContent = error.message;
    }
  }));
  return h('span', null, button, ' ', status);
}

function eventRow(event) {
  return h('li', { class: 'event-row' },
    h('p', null, h('strong', null, event.title), ` · ${event.status}`),
    h('p', { class: 'muted' }, `${formatInstant(event.starts_at, event.timezone)} (${event.timezone})`, event.venue ? ` · ${event.venue.name}` : ''),
    h('p', null, h('a', { href: `#/plan/${event.negotiation_id}` }, 'Open the plan'), ' ', icsButton(event)));
}

export function renderEvents(main) {
  const list = h('section', { 'aria-labelledby': 'events-title' }, h('h2', { id: 'events-title' }, 'Events'), h('p', null, 'Loading…'));
  const feed = feedSection();
  replace(main, h('h1', null, 'Events and calendar'), list, feed);
  get('/events?limit=50').then(({ data }) => {
    replace(list, h('h2', { id: 'events-title' }, 'Events'),
      data.length ? h('ul', { class: 'plans' }, data.map(eventRow)) : h('p', { class: 'muted' }, 'No events yet: they appear when a plan is confirmed.'));
  }).catch((error) => list.append(errorBox(error)));
  return null;
}

function feedSection() {
  const output = h('input', { type: 'text', id: 'feed-url', readOnly: true, class: 'copyable', 'aria-label': 'Calendar feed URL' });
  const copy = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Copy');
  const create = h('button', { type: 'button', class: 'primary', id: 'feed-create' }, 'Get my calendar feed URL');
  const revoke = h('button', { type: 'button', class: 'link', hidden: true }, 'Turn the feed off');
  const box = h('div', { class: 'form' }, formError());
  const section = h('section', { 'aria-labelledby': 'feed-title' },
    h('h2', { id: 'feed-title' }, 'Calendar subscription'),
    h('p', null, 'Subscribe to this address in Apple Calendar, Google Calendar or Outlook to see your confirmed plans. Anyone with the address can read the feed; getting a new one turns the old one off.'),
    box, h('p', { class: 'copy-row' }, output, ' ', copy), h('p', null, create, ' ', revoke));
  create.addEventListener('click', () => busy(create, async () => {
    try {
      const { data } = await call('PUT', '/me/calendar-feed');
      output.value = data.url;
      copy.hidden = false;
      revoke.hidden = false;
      create.textContent = 'Get a new feed URL';
    } catch (error) {
      showError(box, error);
    }
  }));
  copy.addEventListener('click', async () => {
    output.select();
    try {
      await navigator.clipboard.writeText(output.value);
      announce('Copied');
    } catch { /* selected for manual copying */ }
  });
  revoke.addEventListener('click', () => busy(revoke, async () => {
    try {
      await call('DELETE', '/me/calendar-feed');
      output.value = '';
      copy.hidden = true;
      revoke.hidden = true;
      announce('The calendar feed is off');
    } catch (error) {
      showError(box, error);
    }
  }));
  return section;
}
