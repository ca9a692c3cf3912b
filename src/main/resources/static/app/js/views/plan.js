// One plan: what is proposed and who agreed, the private note (decrypted here), answering, counter-
// proposals, cancelling, sharing links, and the event once confirmed. It polls with If-None-Match
// so another participant's answer shows up within seconds (304 while nothing changed).
import { h, replace, announce } from '../dom.js';
import { get, post, ApiError } from '../api.js';
import { formError, showError, clearErrors, slotEditor, venueEditor, busy, field } from '../forms.js';
import { formatSlot, formatInstant } from '../time.js';
import { currentSession } from '../session.js';
import { restorePlanKey } from '../keys.js';
import { renderPlanNote } from './plan-note.js';
import { stateBadge, STATUS_LABELS, poll, errorBox } from './common.js';
import { icsButton } from './events.js';
import { shareSection } from './share.js';
import { pushOffer } from '../push.js';

const OPEN = new Set(['awaiting_invites', 'awaiting_replies']);

export function renderPlan(main, id) {
  const me = currentSession().uid;
  const view = {
    n: null, etag: null, touched: false, slots: new Set(), venues: new Set(), noteFor: null,
  };
  const head = h('div', { id: 'plan-head' });
  const note = h('section', { id: 'plan-note', 'aria-label': 'Private note' });
  const confirmed = h('section', { id: 'plan-confirmed', 'aria-live': 'polite' });
  const people = h('section', { id: 'plan-people', 'aria-labelledby': 'people-title' });
  const options = h('div', { id: 'plan-options', class: 'form' });
  const actions = h('div', { id: 'plan-actions', class: 'form' });
  const counter = h('section', { id: 'plan-counter', hidden: true });
  const share = h('div', { id: 'plan-share' });
  replace(main, head, h('p', null, 'Loading…'));

  const isOrganizer = () => view.n.owner_id === me;
  const mine = () => view.n.participants.find((p) => p.user_id === me);
  const canAnswer = () => view.n.state === 'awaiting_replies' && mine();

  function resetSelection() {
    const p = mine();
    const answered = p && p.status !== 'invited';
    const now = Date.now();
    view.slots = new Set(answered ? p.accepted_slot_ids
      : view.n.proposed_slots.filter((s) => Date.parse(s.starts_at) > now).map((s) => s.id));
    view.venues = new Set(answered ? p.accepted_venue_ids : view.n.proposed_venues.map((v) => v.id));
  }

  function namesFor(optionId, kind) {
    return view.n.participants
      .filter((p) => p.status !== 'declined' && p.status !== 'invited' && p[kind].includes(optionId))
      .map((p) => p.display_name || p.user_id);
  }

  function optionList(kind) {
    const slots = kind === 'slot';
    const items = slots ? view.n.proposed_slots : view.n.proposed_venues;
    const chosen = slots ? view.slots : view.venues;
    const finalId = slots ? view.n.final_slot_id : view.n.final_venue_id;
    const answering = canAnswer();
    const rows = items.map((option) => {
      const who = namesFor(option.id, slots ? 'accepted_slot_ids' : 'accepted_venue_ids');
      const text = slots ? formatSlot(option) : `${option.name}${option.address ? ` · ${option.address}` : ''}`;
      const inputId = `opt-${option.id}`;
      const label = answering
        ? h('label', { for: inputId, class: 'option-label' },
          h('input', { type: 'checkbox', id: inputId, value: option.id, checked: chosen.has(option.id),
            onchange: (event) => { view.touched = true; if (event.target.checked) chosen.add(option.id); else chosen.delete(option.id); } }),
          ' ', text)
        : h('span', { class: 'option-label' }, text);
      return h('li', { class: `${kind}-option${option.id === finalId ? ' final' : ''}`, 'data-id': option.id },
        label, option.id === finalId ? h('strong', { class: 'badge state-confirmed' }, 'Chosen') : null,
        h('p', { class: 'muted works-for' }, who.length ? `Works for: ${who.join(', ')}` : 'No one has picked this yet'));
    });
    return h('fieldset', { class: 'options', 'data-field': slots ? 'slot_ids' : 'venue_ids' },
      h('legend', null, slots ? 'Times' : 'Places'), h('ul', { class: 'option-list' }, rows), h('p', { class: 'error', 'aria-live': 'polite' }));
  }

  /** Sends a reply; true when it was taken (so a counter form may be cleared). */
  function reply(button, body) {
    return busy(button, async () => {
      clearErrors(main);
      try {
        const result = await post('/negotiate/reply', { negotiation_id: id, ...body }, { ifMatch: `"${view.n.revision}"` });
        view.touched = false;
        show(result.data, result.etag);
        announce('Your answer was sent');
        return true;
      } catch (error) {
        if (error.status === 412) {
          await refresh();
          error.message = 'The plan changed while you were answering; check the latest and answer again.';
        }
        showError(main, error);
        return false;
      }
    });
  }

  function renderActions() {
    const n = view.n;
    const buttons = [];
    if (canAnswer()) {
      const accept = h('button', { type: 'button', class: 'primary', id: 'accept' }, isOrganizer() ? 'Agree to the selected options' : 'Accept the selected options');
      accept.addEventListener('click', () => reply(accept, {
        action: 'accept', slot_ids: [...view.slots], ...(n.proposed_venues.length ? { venue_ids: [...view.venues] } : {}),
      }));
      buttons.push(accept);
      if (!isOrganizer()) {
        const decline = h('button', { type: 'button', class: 'secondary', id: 'decline' }, 'I can\'t make it');
        decline.addEventListener('click', () => reply(decline, { action: 'decline' }));
        buttons.push(decline);
      }
    }
    if (isOrganizer() && n.state === 'awaiting_invites') {
      const send = h('button', { type: 'button', class: 'primary', id: 'send-draft' }, 'Send to invitees');
      send.addEventListener('click', () => reply(send, { action: 'accept' }));
      buttons.push(send);
    }
    if (isOrganizer() && (OPEN.has(n.state) || n.state === 'confirmed')) buttons.push(cancelControl());
    replace(actions, h('div', { class: 'actions' }, buttons), formError());
    counter.hidden = !canAnswer();
  }

  function cancelControl() {
    const start = h('button', { type: 'button', class: 'danger', id: 'cancel-plan' }, 'Cancel the plan');
    const reason = h('input', { type: 'text', id: 'cancel-reason', maxlength: '200' });
    const confirm = h('button', { type: 'button', class: 'danger', id: 'cancel-confirm' }, 'Yes, cancel it');
    const keep = h('button', { type: 'button', class: 'link' }, 'Keep it');
    const box = h('div', { class: 'cancel-box', hidden: true }, field('Reason (optional, shown to everyone)', reason, 'reason'), confirm, ' ', keep);
    start.addEventListener('click', () => { box.hidden = false; start.hidden = true; reason.focus(); });
    keep.addEventListener('click', () => { box.hidden = true; start.hidden = false; });
    confirm.addEventListener('click', () => busy(confirm, async () => {
      try {
        const result = await post('/negotiate/cancel', { negotiation_id: id, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
        show(result.data, result.etag);
        announce('The plan was cancelled');
      } catch (error) {
        showError(main, error);
      }
    }));
    return h('span', null, start, box);
  }

  function renderCounter() {
    const slots = slotEditor('counter_slots', { initialRows: 0 });
    const venues = venueEditor('counter_venues');
    const submit = h('button', { type: 'submit', class: 'primary', id: 'counter-send' }, 'Suggest these');
    const form = h('form', { id: 'counter-form', novalidate: true },
      h('p', { class: 'hint' }, 'Add other times or places. The ones you ticked above stay on your list too.'),
      slots.element, venues.element, formError(), submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const ok = await reply(submit, {
        action: 'counter', counter_slots: slots.values(), counter_venues: venues.values(),
        slot_ids: [...view.slots].filter((s) => view.n.proposed_slots.some((o) => o.id === s)),
        venue_ids: [...view.venues],
      });
      if (ok) {
        slots.clear();
        venues.clear();
      }
    });
    replace(counter, h('details', null, h('summary', null, 'Suggest other times or places'), form));
  }

  function renderNote() {
    return renderPlanNote(note, view.n, me, view);
  }

  function show(n, etag) {
    const first = !view.n;
    view.n = n;
    view.etag = etag;
    if (!view.touched) resetSelection();
    replace(head,
      h('div', { class: 'title-row' }, h('h1', { id: 'plan-title-view' }, n.title), stateBadge(n.state)),
      h('p', { class: 'muted' }, `${n.intent_category} · organized by ${n.participants[0] ? (n.participants[0].display_name || n.participants[0].user_id) : ''}`,
        OPEN.has(n.state) ? ` · open until ${formatInstant(n.expires_at)}` : ''),
      n.last_message_preview ? h('p', { class: 'preview' }, n.last_message_preview) : null);
    replace(people, h('h2', { id: 'people-title' }, `People (${n.participant_count})`),
      h('ul', { class: 'people' }, n.participants.map((p) => h('li', { class: 'participant', 'data-user': p.user_id },
        h('span', { class: 'name' }, p.display_name || p.user_id, p.user_id === me ? ' (you)' : ''), ' · ',
        h('span', { class: `status status-${p.status}` }, STATUS_LABELS[p.status] || p.status)))));
    replace(options, optionList('slot'), n.proposed_venues.length ? optionList('venue') : null);
    if (n.state === 'confirmed') {
      const slot = n.proposed_slots.find((s) => s.id === n.final_slot_id);
      const venue = n.proposed_venues.find((v) => v.id === n.final_venue_id);
      replace(confirmed, h('h2', null, 'It\'s on!'),
        h('p', { id: 'confirmed-summary' }, slot ? formatSlot(slot) : '', venue ? ` at ${venue.name}` : ''),
        n.my_event_id ? h('p', null, icsButton({ id: n.my_event_id, title: n.title }, 'Add to my calendar (.ics)')) : null);
    } else {
      replace(confirmed);
    }
    renderActions();
    if (first) {
      renderCounter();
      if (isOrganizer()) {
        view.share = shareSection(id, () => view.n);
        replace(share, view.share.element);
      }
    } else if (view.share && OPEN.has(n.state)) {
      view.share.refresh();
    }
    share.hidden = !(isOrganizer() && OPEN.has(n.state));
    renderNote();
  }

  async function refresh() {
    const result = await get(`/negotiations/${id}`, { ifNoneMatch: view.etag });
    if (result.status === 304) return;
    show(result.data, result.etag);
  }

  const offer = pushOffer();
  restorePlanKey(me, id).then(() => get(`/negotiations/${id}`)).then((result) => {
    // The offer comes last: after creating, sharing the link comes first; after joining, answering.
    replace(main, head, note, confirmed, people, options, actions, counter, share, offer);
    show(result.data, result.etag);
  }).catch((error) => {
    replace(main, h('h1', null, 'Plan'), errorBox(error instanceof ApiError ? error : new Error('Something went wrong.')),
      h('p', null, h('a', { href: '#/' }, 'Back to your plans')));
  });
  return poll(refresh, 2000);
}
