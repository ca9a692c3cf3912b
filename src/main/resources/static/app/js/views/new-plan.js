// Create a plan: title, category, times with zones, places, an end-to-end encrypted private note;
// send at once or keep as a draft.
import { h, replace } from '../dom.js';
import { post } from '../api.js';
import { field, formError, slotEditor, venueEditor, showError, busy } from '../forms.js';
import { encryptNote, newNoteKey, BLOB_VERSION } from '../note-crypto.js';
import { rememberNoteKey } from '../session.js';
import { CATEGORIES } from './common.js';
import { offerPushOnNextPlan } from '../push.js';

export function renderNewPlan(main) {
  const title = h('input', { type: 'text', id: 'plan-title', autocomplete: 'off', placeholder: 'Coffee catch-up' });
  const category = h('select', { id: 'plan-category' }, CATEGORIES.map((c) => h('option', { value: c }, c)));
  const slots = slotEditor('proposed_slots');
  const venues = venueEditor('proposed_venues');
  const note = h('textarea', { id: 'plan-note', rows: '3', maxlength: '4000' });
  const invitees = h('input', { type: 'text', id: 'plan-invitees', autocomplete: 'off' });
  const send = h('button', { type: 'submit', class: 'primary', id: 'plan-send' }, 'Create and send');
  const draft = h('button', { type: 'button', class: 'secondary', id: 'plan-draft' }, 'Save as draft');
  const form = h('form', { id: 'new-plan-form', novalidate: true },
    field('Title', title, 'title'),
    field('What kind of plan', category, 'intent_category'),
    slots.element,
    venues.element,
    field('Private note', note, 'encrypted_payload',
      'Encrypted in your browser; only the people in this plan can read it, on their own devices. The server never sees it.'),
    field('Invite people by user id (optional, comma-separated)', invitees, 'participant_ids',
      'Usually you will share an invite link instead.'),
    formError(),
    h('p', { class: 'actions' }, send, ' ', draft));

  const submit = (button, sendNow) => busy(button, async () => {
    const id = crypto.randomUUID();
    const body = {
      id,
      title: title.value,
      intent_category: category.value,
      participant_ids: invitees.value.split(',').map((s) => s.trim()).filter(Boolean),
      proposed_slots: slots.values(),
      proposed_venues: venues.values(),
      send: sendNow,
    };
    let key = null;
    if (note.value.trim()) {
      key = newNoteKey();
      body.encrypted_payload = await encryptNote(key, id, note.value);
      body.encrypted_blob_version = BLOB_VERSION;
    }
    try {
      await post('/negotiate/start', body);
      rememberNoteKey(id, key);
      offerPushOnNextPlan();
      location.hash = `#/plan/${id}`;
    } catch (error) {
      showError(form, error);
    }
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); submit(send, true); });
  draft.addEventListener('click', () => submit(draft, false));
  replace(main, h('h1', null, 'New plan'), form);
  title.focus();
  return null;
}
