// Confirmed events with their .ics files, and the calendar-feed URL for calendar apps.
import { h, replace, announce } from '../dom.js';
import { get, call, download } from '../api.js';
import { formatInstantWithZone } from '../time.js';
import { clientConfig } from '../auth.js';
import { busy, formError, showError } from '../forms.js';
import { copyField, errorBox, linkBase, poll } from './common.js';

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

const EVENT_STATUS = { confirmed: 'Confirmed', cancelled: 'Called off' };

function eventRow(event) {
  const reason = event.cancel_reason ? `: “${event.cancel_reason}”` : '';
  return h('li', { class: `event-row event-${event.status}`, 'data-id': event.id },
    h('p', null, h('strong', null, event.title), ' ', h('span', { class: `badge state-${event.status === 'cancelled' ? 'cancelled' : 'confirmed'}` }, EVENT_STATUS[event.status] || event.status),
      event.status !== 'cancelled' && event.response === 'tentative' ? h('span', { class: 'badge' }, 'If need be') : null),
    h('p', { class: 'muted' }, formatInstantWithZone(event.starts_at, event.timezone), event.venue ? ` · ${event.venue.name}` : ''),
    event.status === 'cancelled' ? h('p', { class: 'preview' }, `Called off${reason}`) : null,
    h('p', { class: 'actions' }, h('a', { href: `#/plan/${event.negotiation_id}` }, 'Open the plan'), ' ', event.status === 'cancelled' ? null : icsButton(event)));
}

/** Events, kept fresh like every page: a poll while visible and a refresh when the tab regains focus. */
export function renderEvents(main) {
  const list = h('section', { 'aria-labelledby': 'events-title', id: 'events-list' }, h('h2', { id: 'events-title' }, 'Events'), h('p', null, 'Loading…'));
  const feed = feedSection();
  replace(main, h('h1', null, 'Events and calendar'), list, feed);
  let last = '';
  const load = async () => {
    const { data } = await get('/events?limit=50');
    const snapshot = JSON.stringify(data);
    if (snapshot === last) return;
    last = snapshot;
    replace(list, h('h2', { id: 'events-title' }, 'Events'),
      data.length ? h('ul', { class: 'plans' }, data.map(eventRow)) : h('p', { class: 'muted' }, 'No events yet: they appear when a plan is confirmed.'));
  };
  load().catch((error) => list.append(errorBox(error)));
  return poll(load, 3000);
}

function feedSection() {
  const output = h('input', { type: 'text', id: 'feed-url', readOnly: true, class: 'copyable', 'aria-label': 'Calendar feed URL' });
  const copy = h('button', { type: 'button', class: 'secondary', hidden: true, id: 'feed-copy' }, 'Copy');
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
      // The service builds the URL from its public address; unless one is configured, the
      // address this page was loaded from is the one that reaches the service.
      let config = null;
      try {
        config = await clientConfig();
      } catch { /* this origin */ }
      const path = new URL(data.url).pathname;
      output.value = config && config.public_url ? data.url : `${linkBase(config)}${path}`;
      copy.hidden = false;
      revoke.hidden = false;
      create.textContent = 'Get a new feed URL';
    } catch (error) {
      showError(box, error);
    }
  }));
  copy.addEventListener('click', async () => {
    if (await copyField(output)) announce('Copied');
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
