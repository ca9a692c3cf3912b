// A plan's page: the title and the next step first, then the answer grid (times, then places), the
// organizer's pick, sharing, the private note, suggesting other times, and calling it off. Kept
// fresh by a conditional poll (If-None-Match) and a refresh when the tab regains focus.
import { h, replace, announce } from '../dom.js';
import { get, post, ApiError } from '../api.js';
import { currentSession } from '../session.js';
import { formatInstant, formatSlot } from '../time.js';
import { busy, formError, showError, showProblems, slotEditor, venueEditor, field, clearErrors } from '../forms.js';
import { errorWords } from '../words.js';
import { stateBadge, poll, errorBox, CATEGORY_LABELS } from './common.js';
import { icsButton } from './events.js';
import { shareSection } from './share.js';
import { renderPlanNote } from './plan-note.js';
import { pushOffer } from '../push.js';
import { renderGrid, optionLabel } from './grid.js';
import { decideCard } from './decide.js';
import { OPEN, nameOf, answerOf, waitingFor, newOptionFor, attending } from './plan-model.js';

export function renderPlan(main, id) {
  const me = currentSession().uid;
  const view = { n: null, etag: null, choices: new Map(), touched: false, noteFor: undefined, waitingForKey: false, share: null };
  const head = h('header', { id: 'plan-head', class: 'plan-head' });
  const next = h('section', { id: 'next-step', class: 'next-step', 'aria-live': 'polite' });
  const confirmed = h('section', { id: 'plan-confirmed' });
  const share = h('section', { id: 'plan-share', class: 'card' });
  const note = h('section', { id: 'plan-note', class: 'card' });
  const answers = h('section', { id: 'plan-options', 'aria-labelledby': 'answers-title' });
  const decide = h('section', { id: 'plan-decide' });
  const counter = h('section', { id: 'plan-counter' });
  const notifications = h('section', { id: 'notifications-slot' });
  const manage = h('section', { id: 'plan-manage' });

  const n = () => view.n;
  const mine = () => n().participants.find((p) => p.user_id === me);
  const isOrganizer = () => n().my_status === 'organizer';
  const canAnswer = () => n().state === 'awaiting_replies' && mine() && mine().status !== 'declined';

  function resetChoices() {
    view.choices = new Map();
    const p = mine();
    if (!p) return;
    for (const [kind, options] of [['slot', n().proposed_slots], ['venue', n().proposed_venues]]) {
      for (const o of options) {
        const a = answerOf(n(), p, o, kind);
        if (a !== 'none' && p.status !== 'invited') view.choices.set(o.id, a);
      }
    }
  }

  const optionIds = (plan) => [...plan.proposed_slots, ...plan.proposed_venues].map((o) => o.id).join();

  async function reply(body, button, box) {
    return busy(button, async () => {
      const options = optionIds(n());
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await post('/negotiate/reply', { negotiation_id: id, ...body }, { ifMatch: view.etag });
          view.touched = false;
          show(result.data, result.etag);
          announce('Sent');
          return true;
        } catch (error) {
          if (error instanceof ApiError && error.status === 412) {
            // Someone else answered meanwhile. With the same options on the table the answer still
            // stands, so it is sent once more; with new ones the person looks first, choices kept.
            await refresh();
            if (attempt === 0 && optionIds(n()) === options) continue;
          }
          showError(box, error);
          return false;
        }
      }
    });
  }

  function renderHead() {
    const organizer = n().participants.find((p) => p.status === 'organizer');
    replace(head,
      h('div', { class: 'title-row' }, h('h1', { id: 'plan-title-view' }, n().title), stateBadge(n().state)),
      h('p', { class: 'muted' }, `${CATEGORY_LABELS[n().intent_category] || n().intent_category} · organized by ${nameOf(organizer)}${organizer && organizer.user_id === me ? ' (you)' : ''}`,
        OPEN.has(n().state) ? ` · answers close ${formatInstant(n().expires_at)}` : ''));
  }

  function nextStep() {
    const plan = n();
    const p = mine();
    const organizer = plan.participants.find((q) => q.status === 'organizer');
    const invitees = plan.participants.filter((q) => q.status !== 'organizer');
    const waiting = waitingFor(plan).filter((q) => q.user_id !== me);
    const names = (list) => list.map(nameOf).join(', ');
    switch (plan.state) {
      case 'awaiting_invites':
        return ['act', 'This is a draft: only you can see it. Send it when you\'re ready.'];
      case 'confirmed': {
        const slot = plan.proposed_slots.find((s) => s.id === plan.final_slot_id);
        return ['done', `It's on: ${slot ? formatSlot(slot) : ''}.`];
      }
      case 'cancelled':
        return ['stop', `${nameOf(organizer)} called it off${plan.cancel_reason ? `: “${plan.cancel_reason}”` : '.'}`];
      case 'expired':
        return ['stop', 'This plan closed without a time: the answer deadline passed.'];
      default:
        break;
    }
    if (!p || p.status === 'declined') return ['wait', 'You said you can\'t come. You can still change your mind below.'];
    if (p.status === 'invited') return ['act', `${nameOf(organizer)} invited you. Which times work for you? Answer each one below.`];
    const fresh = newOptionFor(plan, me);
    if (fresh) {
      const what = fresh.kind === 'slot' ? 'time' : 'place';
      return ['act', `${nameOf(fresh.proposer)} suggested a new ${what} — does it work for you?`];
    }
    if (isOrganizer()) {
      if (!invitees.length) return ['act', 'Share the invite link so friends can join.'];
      if (!waiting.length) return ['act', 'Everyone answered — pick the time.'];
      return ['wait', `Waiting for ${names(waiting)}. You can pick the time any time.`];
    }
    if (waiting.length) return ['wait', `Thanks, you answered. Waiting for ${names(waiting)}.`];
    return ['wait', `Thanks, you answered. ${nameOf(organizer)} picks the time.`];
  }

  function renderNext() {
    const [tone, text] = nextStep();
    replace(next, h('p', { class: `next next-${tone}`, id: 'next-step-text' }, text));
    next.className = `next-step tone-${tone}`;
    if (n().state === 'awaiting_invites' && isOrganizer()) {
      const send = h('button', { type: 'button', class: 'primary', id: 'send-draft' }, 'Send the plan');
      const box = h('div', null, formError());
      send.addEventListener('click', () => reply({ action: 'accept' }, send, box));
      next.append(send, box);
    }
  }

  function renderConfirmed() {
    const plan = n();
    if (plan.state !== 'confirmed') {
      replace(confirmed);
      confirmed.hidden = true;
      return;
    }
    confirmed.hidden = false;
    const slot = plan.proposed_slots.find((s) => s.id === plan.final_slot_id);
    const venue = plan.proposed_venues.find((v) => v.id === plan.final_venue_id);
    const going = plan.participants.filter((p) => attending(plan, p));
    const notGoing = plan.participants.filter((p) => !attending(plan, p));
    const p = mine();
    const box = h('div', null, formError());
    const rsvp = [];
    if (p && !isOrganizer()) {
      if (attending(plan, p)) {
        const decline = h('button', { type: 'button', class: 'secondary', id: 'rsvp-decline' }, 'I can\'t come after all');
        decline.addEventListener('click', () => reply({ action: 'decline' }, decline, box));
        rsvp.push(h('p', { id: 'rsvp-state' }, 'You\'re going.'), decline);
      } else {
        const accept = h('button', { type: 'button', class: 'primary', id: 'rsvp-accept' }, 'I can come after all');
        accept.addEventListener('click', () => reply({
          action: 'accept', slot_ids: [plan.final_slot_id], ...(venue ? { venue_ids: [venue.id] } : {}),
        }, accept, box));
        rsvp.push(h('p', { id: 'rsvp-state' }, 'You\'re not coming to this one.'), accept);
      }
    }
    replace(confirmed, h('div', { class: 'card confirmed-card' },
      h('h2', null, 'It\'s on!'),
      h('p', { id: 'confirmed-summary', class: 'big' }, slot ? formatSlot(slot) : '', venue ? ` at ${venue.name}` : ''),
      venue && venue.address ? h('p', { class: 'muted' }, venue.address) : null,
      h('p', { id: 'attendance' }, `Going (${plan.attendee_count ?? going.length}): ${going.map(nameOf).join(', ')}`,
        notGoing.length ? ` · Not coming: ${notGoing.map(nameOf).join(', ')}` : ''),
      plan.my_event_id ? h('p', null, icsButton({ id: plan.my_event_id, title: plan.title }, 'Add to my calendar (.ics)')) : null,
      rsvp.length ? h('div', { class: 'actions' }, rsvp) : null, box));
  }

  function renderAnswers() {
    const plan = n();
    const editable = Boolean(canAnswer());
    const box = h('div', { class: 'form' }, formError());
    const total = plan.proposed_slots.length + plan.proposed_venues.length;
    const left = () => total - [...view.choices.keys()].filter((k) => plan.proposed_slots.some((s) => s.id === k) || plan.proposed_venues.some((v) => v.id === k)).length;
    const send = h('button', { type: 'button', class: 'primary', id: 'send-answers' }, 'Send my answers');
    const progress = h('p', { class: 'hint', id: 'answers-left' });
    const update = () => {
      const remaining = left();
      progress.textContent = remaining ? `${remaining} left to answer.` : 'All answered: send when ready.';
    };
    const onChange = () => {
      view.touched = true;
      clearErrors(box);
      update();
    };
    const grids = [renderGrid(plan, 'slot', { me, editable, choices: view.choices, onChange })];
    if (plan.proposed_venues.length) grids.push(renderGrid(plan, 'venue', { me, editable, choices: view.choices, onChange }));
    send.addEventListener('click', () => {
      const unansweredOptions = [...plan.proposed_slots.map((o) => ['slot', o]), ...plan.proposed_venues.map((o) => ['venue', o])]
        .filter(([, o]) => !view.choices.has(o.id));
      if (unansweredOptions.length) {
        showProblems(box, { '': `Answer every option first: ${unansweredOptions.map(([k, o]) => optionLabel(o, k)).join('; ')}.` });
        const first = answers.querySelector(`input[data-option="${unansweredOptions[0][1].id}"]`);
        if (first) first.focus();
        return;
      }
      const pick = (options, value) => options.filter((o) => view.choices.get(o.id) === value).map((o) => o.id);
      const body = {
        action: 'accept',
        slot_ids: pick(plan.proposed_slots, 'yes'), maybe_slot_ids: pick(plan.proposed_slots, 'maybe'),
        venue_ids: pick(plan.proposed_venues, 'yes'), maybe_venue_ids: pick(plan.proposed_venues, 'maybe'),
      };
      const noTime = !body.slot_ids.length && !body.maybe_slot_ids.length;
      const noPlace = plan.proposed_venues.length && !body.venue_ids.length && !body.maybe_venue_ids.length;
      if (noTime || noPlace) {
        if (isOrganizer()) {
          showProblems(box, { '': 'As the organizer, say yes or if need be to at least one time (and place), or call the plan off.' });
          return;
        }
        reply({ action: 'decline' }, send, box);
        return;
      }
      reply(body, send, box);
    });
    const decline = !isOrganizer() && editable && mine().status !== 'declined'
      ? h('button', { type: 'button', class: 'secondary', id: 'decline' }, 'None of these work for me') : null;
    if (decline) decline.addEventListener('click', () => reply({ action: 'decline' }, decline, box));
    const rejoin = plan.state === 'awaiting_replies' && mine() && mine().status === 'declined'
      ? h('p', { class: 'hint' }, 'Changed your mind? Answer again below.') : null;
    const editableAfterDecline = plan.state === 'awaiting_replies' && mine() && mine().status === 'declined';
    if (editableAfterDecline) {
      grids.splice(0, grids.length, renderGrid(plan, 'slot', { me, editable: true, choices: view.choices, onChange }));
      if (plan.proposed_venues.length) grids.push(renderGrid(plan, 'venue', { me, editable: true, choices: view.choices, onChange }));
    }
    const showSend = editable || editableAfterDecline;
    update();
    replace(answers,
      h('h2', { id: 'answers-title' }, showSend ? 'Your answers' : 'Everyone\'s answers'),
      showSend ? h('p', { class: 'hint' }, 'For each option pick Yes, If need be or No. Nothing is chosen for you.') : null,
      rejoin, grids,
      showSend ? h('div', { class: 'actions sticky-actions' }, send, decline, progress) : null,
      box);
  }

  function renderDecide() {
    const plan = n();
    if (!(isOrganizer() && plan.state === 'awaiting_replies' && plan.participants.length > 1)) {
      replace(decide);
      decide.hidden = true;
      return;
    }
    decide.hidden = false;
    if (decide.contains(document.activeElement) && view.decideFor === plan.revision) return;
    view.decideFor = plan.revision;
    replace(decide, decideCard(plan, async (slotId, venueId) => {
      try {
        const result = await post('/negotiate/finalize',
          { negotiation_id: id, slot_id: slotId, ...(venueId ? { venue_id: venueId } : {}) }, { ifMatch: view.etag });
        show(result.data, result.etag);
        announce('Confirmed');
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) await refresh();
        throw error;
      }
    }));
  }

  function renderCounter() {
    if (!canAnswer() && !(n().state === 'awaiting_replies' && mine() && mine().status === 'declined')) {
      replace(counter);
      return;
    }
    if (counter.querySelector('form')) return;
    const slots = slotEditor('counter_slots', { initialRows: 0, addLabel: 'Add a time', max: 10 });
    const venues = venueEditor('counter_venues');
    const sendButton = h('button', { type: 'submit', class: 'primary', id: 'counter-send' }, 'Suggest');
    const form = h('form', { id: 'counter-form', novalidate: true },
      h('p', { class: 'hint' }, 'Add times or places that work for you. Your answers above go with them.'),
      slots.element, venues.element, formError(), sendButton);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const problems = { ...slots.check(), ...venues.check() };
      if (!slots.count() && !venues.values().length) problems[''] = 'Add at least one time or place to suggest.';
      if (showProblems(form, problems)) return;
      const pick = (options, value) => options.filter((o) => view.choices.get(o.id) === value).map((o) => o.id);
      const body = {
        action: 'counter',
        slot_ids: pick(n().proposed_slots, 'yes'), maybe_slot_ids: pick(n().proposed_slots, 'maybe'),
        venue_ids: pick(n().proposed_venues, 'yes'), maybe_venue_ids: pick(n().proposed_venues, 'maybe'),
      };
      const newSlots = slots.values();
      const newVenues = venues.values();
      if (newSlots.length) body.counter_slots = newSlots;
      if (newVenues.length) body.counter_venues = newVenues;
      reply(body, sendButton, form).then((ok) => {
        if (ok) {
          slots.clear();
          venues.clear();
          form.closest('details').open = false;
        }
      });
    });
    replace(counter, h('details', { class: 'card' }, h('summary', null, 'None of these? Suggest another time or place'), form));
  }

  function renderManage() {
    const plan = n();
    if (!(isOrganizer() && (OPEN.has(plan.state) || plan.state === 'confirmed'))) {
      replace(manage);
      return;
    }
    if (manage.querySelector('#cancel-reason') && manage.contains(document.activeElement)) return;
    const reason = h('input', { type: 'text', id: 'cancel-reason', maxlength: '200', autocomplete: 'off' });
    const confirm = h('button', { type: 'button', class: 'danger', id: 'cancel-confirm' }, 'Call it off');
    const box = h('div', { class: 'cancel-box', hidden: true },
      field('Reason (optional, shown to everyone)', reason, 'reason'), formError(), confirm);
    const open = h('button', { type: 'button', class: 'link danger-link', id: 'cancel-plan', 'aria-expanded': 'false' }, 'Call off this plan…');
    open.addEventListener('click', () => {
      box.hidden = !box.hidden;
      open.setAttribute('aria-expanded', String(!box.hidden));
      if (!box.hidden) reason.focus();
    });
    confirm.addEventListener('click', () => busy(confirm, async () => {
      if (reason.value.trim().length > 200) {
        showProblems(box, { reason: 'Keep the reason to 200 characters or fewer.' });
        return;
      }
      try {
        const result = await post('/negotiate/cancel', { negotiation_id: id, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
        show(result.data, result.etag);
        announce('The plan was called off');
      } catch (error) {
        showError(box, error);
      }
    }));
    replace(manage, open, box);
  }

  function renderNote() {
    return renderPlanNote(note, view.n, me, view);
  }

  function show(plan, etag) {
    const first = !view.n;
    const changed = !view.n || view.n.revision !== plan.revision;
    view.n = plan;
    view.etag = etag;
    if (!view.touched && changed) resetChoices();
    renderHead();
    renderNext();
    renderConfirmed();
    if (changed || first) {
      const focusedAnswer = answers.contains(document.activeElement) ? document.activeElement.id : null;
      renderAnswers();
      if (focusedAnswer && document.getElementById(focusedAnswer)) document.getElementById(focusedAnswer).focus();
    }
    renderDecide();
    renderCounter();
    renderManage();
    const sharing = isOrganizer() && OPEN.has(plan.state);
    if (sharing && !view.share) {
      view.share = shareSection(id, () => view.n);
      replace(share, view.share.element);
    } else if (sharing && changed) {
      view.share.refresh();
    }
    share.hidden = !sharing;
    renderNote();
  }

  async function refresh() {
    // While the note waits for a key, the poll asks unconditionally: a key wrapped for this browser
    // changes what it is shown without changing the plan's revision (its ETag).
    const result = await get(`/negotiations/${id}`, { ifNoneMatch: view.waitingForKey ? undefined : view.etag });
    if (result.status === 304) return;
    show(result.data, result.etag);
  }

  const offer = pushOffer();
  if (offer) notifications.append(offer);
  get(`/negotiations/${id}`).then((result) => {
    // The push offer comes late: after creating, sharing the link comes first; after joining, answering.
    replace(main, head, next, confirmed, share, note, answers, decide, counter, notifications, manage);
    show(result.data, result.etag);
  }).catch((error) => {
    replace(main, h('h1', null, 'This plan cannot be shown'), errorBox(error instanceof ApiError ? error : new Error('x')),
      h('p', null, h('a', { href: '#/', class: 'button primary' }, 'Back to your plans')));
  });
  return poll(refresh, 2000);
}

export { errorWords };
