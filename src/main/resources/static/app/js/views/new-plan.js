// Create a plan: what and when first, then who (friends from earlier plans by name; everyone else
// through the invite link made right after), how the plan is decided, and an end-to-end encrypted
// private note. Every problem is named at once before anything is sent.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { field, formError, slotEditor, venueEditor, showError, showProblems, busy, MAX_TITLE } from '../forms.js';
import { encryptNote, newNoteKey, BLOB_VERSION } from '../note-crypto.js';
import { keepPlanKey } from '../key-store.js';
import { currentSession } from '../session.js';
import { offerPushOnNextPlan } from '../push.js';
import { formatInstant } from '../time.js';
import { CATEGORIES, CATEGORY_LABELS } from './common.js';
import { makeFirstLink } from './share.js';

function peoplePicker(onChange) {
  const list = h('ul', { class: 'people-pick', id: 'people-pick' });
  const box = h('fieldset', { class: 'options', 'data-field': 'participant_ids' },
    h('legend', null, 'Invite friends from earlier plans'),
    h('p', { class: 'hint', id: 'people-hint' }, 'Loading your friends…'), list, h('p', { class: 'error' }));
  const people = new Map();
  get('/me/people?limit=100').then(({ data }) => {
    box.querySelector('#people-hint').textContent = data.length
      ? 'They get the plan straight away. Anyone else joins with the invite link you get next.'
      : 'Friends you make plans with show up here. For now, you\'ll get an invite link to share right after creating the plan.';
    replace(list, data.map((person, i) => {
      people.set(person.user_id, person);
      const id = `person-${i}`;
      const input = h('input', { type: 'checkbox', id, value: person.user_id, class: 'person-box' });
      input.addEventListener('change', onChange);
      return h('li', null, input, h('label', { for: id }, person.display_name || 'Someone',
        h('span', { class: 'muted' }, ` · last plan ${formatInstant(person.last_planned_at)}`)));
    }));
  }).catch(() => {
    box.querySelector('#people-hint').textContent = 'Your friends could not be loaded; you can still invite them with the link.';
  });
  return {
    element: box,
    selected: () => [...list.querySelectorAll('input:checked')].map((i) => i.value),
    nameOf: (uid) => (people.get(uid) ? people.get(uid).display_name || 'Someone' : 'Someone'),
  };
}

export function renderNewPlan(main) {
  const title = h('input', { type: 'text', id: 'plan-title', autocomplete: 'off', placeholder: 'Dinner at ours', maxlength: String(MAX_TITLE) });
  const titleCount = h('span', { class: 'hint counter', id: 'plan-title-count', 'aria-live': 'polite' }, `0/${MAX_TITLE}`);
  title.addEventListener('input', () => { titleCount.textContent = `${title.value.length}/${MAX_TITLE}`; });
  const category = h('select', { id: 'plan-category' }, CATEGORIES.map((c) => h('option', { value: c }, CATEGORY_LABELS[c])));
  const slots = slotEditor('proposed_slots');
  const venues = venueEditor('proposed_venues');
  const note = h('textarea', { id: 'plan-note', rows: '3', maxlength: '4000' });
  let decideTouched = false;
  const autoOn = h('input', { type: 'radio', name: 'decide', id: 'decide-auto', value: 'auto' });
  const autoOff = h('input', { type: 'radio', name: 'decide', id: 'decide-organizer', value: 'organizer', checked: true });
  const people = peoplePicker(() => {
    // A plan shared only by link waits for the organizer; with friends named, it can settle itself.
    if (!decideTouched) {
      const named = people.selected().length > 0;
      autoOn.checked = named;
      autoOff.checked = !named;
    }
  });
  for (const radio of [autoOn, autoOff]) radio.addEventListener('change', () => { decideTouched = true; });
  const onDeadline = h('select', { id: 'plan-on-deadline' },
    h('option', { value: 'expire' }, 'Close it without a time'),
    h('option', { value: 'pick_best' }, 'Pick the time most people can make'));
  const minAttendees = h('input', { type: 'number', id: 'plan-min-attendees', min: '2', max: '50', value: '2', inputmode: 'numeric' });
  const minField = field('…if at least this many people can come (you included)', minAttendees, 'min_attendees');
  minField.hidden = true;
  onDeadline.addEventListener('change', () => { minField.hidden = onDeadline.value !== 'pick_best'; });
  const send = h('button', { type: 'submit', class: 'primary', id: 'plan-send' }, 'Create and get the link');
  const draft = h('button', { type: 'button', class: 'secondary', id: 'plan-draft' }, 'Save as draft');
  const form = h('form', { id: 'new-plan-form', novalidate: true },
    h('div', { class: 'card' },
      h('div', { class: 'field-with-count' }, field('What are you planning?', title, 'title', 'Leave it empty for “Untitled invitation”.'), titleCount),
      field('Kind of plan', category, 'intent_category'),
      slots.element,
      venues.element),
    h('div', { class: 'card' }, people.element),
    h('div', { class: 'card' },
      h('fieldset', { class: 'options', 'data-field': 'auto_confirm' },
        h('legend', null, 'Who decides?'),
        h('div', { class: 'radio-row' }, autoOff, h('label', { for: 'decide-organizer' }, 'I pick the final time from everyone\'s answers')),
        h('div', { class: 'radio-row' }, autoOn, h('label', { for: 'decide-auto' }, 'Confirm on its own as soon as everyone has answered and a time works for all'))),
      field('If answers close before it\'s decided', onDeadline, 'on_deadline'),
      minField),
    h('div', { class: 'card' },
      field('Private note (optional)', note, 'encrypted_payload',
        'Encrypted in your browser; only the people in this plan can read it, on their own devices. We never see it.')),
    formError(),
    h('div', { class: 'actions' }, send, draft));

  const check = () => {
    const problems = { ...slots.check(), ...venues.check() };
    if (title.value.trim().length > MAX_TITLE) problems.title = `Keep the title to ${MAX_TITLE} characters or fewer.`;
    if (onDeadline.value === 'pick_best') {
      const m = Number(minAttendees.value);
      if (!Number.isInteger(m) || m < 2 || m > 50) problems.min_attendees = 'Pick between 2 and 50 people.';
    }
    return problems;
  };

  const submit = (button, sendNow) => busy(button, async () => {
    if (showProblems(form, check())) return;
    const id = crypto.randomUUID();
    const body = {
      id,
      title: title.value.trim(),
      intent_category: category.value,
      participant_ids: people.selected(),
      proposed_slots: slots.values(),
      proposed_venues: venues.values(),
      auto_confirm: autoOn.checked,
      on_deadline: onDeadline.value,
      send: sendNow,
    };
    if (onDeadline.value === 'pick_best') body.min_attendees = Number(minAttendees.value);
    let key = null;
    if (note.value.trim()) {
      key = newNoteKey();
      body.encrypted_payload = await encryptNote(key, id, note.value);
      body.encrypted_blob_version = BLOB_VERSION;
    }
    try {
      await post('/negotiate/start', body);
      await keepPlanKey(currentSession().uid, id, key);
      offerPushOnNextPlan();
      try {
        await makeFirstLink(id);
      } catch { /* the plan's page offers to make one */ }
      location.hash = `#/plan/${id}`;
    } catch (error) {
      if (error.code === 'UNKNOWN_PARTICIPANTS') {
        const unknown = (error.details && error.details.unknown) || [];
        showProblems(form, { participant_ids: `${unknown.map(people.nameOf).join(', ') || 'Some friends'} can't be invited directly any more; send them the invite link instead.` });
        return;
      }
      showError(form, error);
    }
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); submit(send, true); });
  draft.addEventListener('click', () => submit(draft, false));
  replace(main, h('h1', null, 'New plan'), form);
  title.focus();
  return null;
}
