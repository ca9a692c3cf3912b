// Form building blocks: labelled fields whose error line shows the server's message for that field
// (details.field / details.fields, docs/reference.md#conventions), and the editors for proposed times and places.
import { h, uniqueId, announce } from './dom.js';
import { browserTimeZone, knownTimeZones, localInputValue, wallTimeToUtc } from './time.js';

/** A labelled control with its error line; `name` is the API field it feeds (e.g. proposed_slots[0].timezone). */
export function field(labelText, control, name, hint) {
  const id = control.id || uniqueId('f');
  control.id = id;
  const errorId = id + '-error';
  control.setAttribute('aria-describedby', errorId);
  const error = h('p', { class: 'error', id: errorId, 'aria-live': 'polite' });
  // Editing the field answers its error: the stale message goes away.
  control.addEventListener('input', () => {
    error.textContent = '';
    control.removeAttribute('aria-invalid');
  });
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: id }, labelText),
    hint ? h('p', { class: 'hint' }, hint) : null,
    control,
    error);
}

/** The form-wide error line (for problems no field owns). */
export function formError() {
  return h('p', { class: 'error form-error', role: 'alert' });
}

export function clearErrors(container) {
  for (const el of container.querySelectorAll('.error')) el.textContent = '';
  for (const el of container.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

function fieldFor(container, name) {
  let candidate = name;
  while (candidate) {
    const found = container.querySelector(`[data-field="${CSS.escape(candidate)}"]`);
    if (found) return found;
    const shorter = candidate.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (shorter === candidate) break;
    candidate = shorter;
  }
  return null;
}

/** Puts an ApiError's message next to the field(s) it names, else on the form's error line. */
export function showError(container, error) {
  clearErrors(container);
  const details = error.details || {};
  // Each field gets the server's own words for its problem; the full message goes to the form line
  // when no field is named.
  const fields = details.fields && typeof details.fields === 'object' ? details.fields : null;
  const problems = fields && Object.keys(fields).length
    ? Object.entries(fields).map(([name, problem]) => [name, sentence(problem)])
    : [[details.field, error.message]];
  let focused = false;
  for (const [name, message] of problems) {
    const target = name ? fieldFor(container, name) : null;
    const line = target ? target.querySelector(':scope > .error') : container.querySelector('.form-error');
    if (!line) continue;
    line.textContent = line.textContent ? `${line.textContent} ${message}` : message;
    const control = target && target.querySelector('input, select, textarea');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      if (!focused) control.focus();
      focused = true;
    }
  }
  announce(error.message);
}

function sentence(text) {
  const value = String(text);
  return value.charAt(0).toUpperCase() + value.slice(1) + (/[.!?]$/.test(value) ? '' : '.');
}

let zoneList = null;
function zoneDatalist() {
  if (!zoneList) {
    zoneList = h('datalist', { id: 'time-zones' }, knownTimeZones().map((zone) => h('option', { value: zone })));
    document.body.append(zoneList);
  }
  return zoneList.id;
}

/** Rows of proposed times: start (wall clock), duration and time zone. */
export function slotEditor(prefix, { initialRows = 1, addLabel = 'Add a time' } = {}) {
  const list = h('ol', { class: 'option-rows' });
  const wrapper = h('fieldset', { class: 'options', 'data-field': prefix },
    h('legend', null, 'Times'), list, h('p', { class: 'error', 'aria-live': 'polite' }));
  const addRow = (hours) => {
    const index = list.children.length;
    const start = h('input', { type: 'datetime-local', class: 'slot-start', value: localInputValue(hours), required: true });
    const duration = h('input', { type: 'number', class: 'slot-duration', min: '5', max: '1440', step: '5', value: '60', inputmode: 'numeric' });
    const zone = h('input', { type: 'text', class: 'slot-zone', value: browserTimeZone(), list: zoneDatalist(), autocomplete: 'off', spellcheck: 'false' });
    const row = h('li', { class: 'option-row' },
      field(`Start of time ${index + 1}`, start, `${prefix}[${index}].starts_at`),
      field('Minutes', duration, `${prefix}[${index}].duration_minutes`),
      field('Time zone', zone, `${prefix}[${index}].timezone`),
      h('button', { type: 'button', class: 'link remove', onclick: () => { row.remove(); renumber(); } }, `Remove time ${index + 1}`));
    list.append(row);
  };
  const renumber = () => [...list.children].forEach((row, i) => {
    row.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/\[\d+\]/, `[${i}]`); });
    row.querySelector('label').textContent = `Start of time ${i + 1}`;
    row.querySelector('.remove').textContent = `Remove time ${i + 1}`;
  });
  for (let i = 0; i < initialRows; i += 1) addRow(24 + i * 24);
  wrapper.append(h('button', { type: 'button', class: 'secondary add-slot', onclick: () => addRow(24 + list.children.length * 24) }, addLabel));
  return {
    element: wrapper,
    values: () => [...list.children].map((row) => {
      const zone = row.querySelector('.slot-zone').value.trim();
      const minutes = row.querySelector('.slot-duration').value;
      return {
        starts_at: wallTimeToUtc(row.querySelector('.slot-start').value, zone),
        duration_minutes: minutes === '' ? 60 : Number(minutes),
        timezone: zone || 'UTC',
      };
    }),
    clear: () => list.replaceChildren(),
  };
}

/** Rows of proposed places: a name and an optional address. */
export function venueEditor(prefix, { addLabel = 'Add a place' } = {}) {
  const list = h('ol', { class: 'option-rows' });
  const wrapper = h('fieldset', { class: 'options', 'data-field': prefix },
    h('legend', null, 'Places (optional)'), list, h('p', { class: 'error', 'aria-live': 'polite' }));
  const renumber = () => [...list.children].forEach((row, i) => {
    row.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/\[\d+\]/, `[${i}]`); });
  });
  const addRow = () => {
    const index = list.children.length;
    const row = h('li', { class: 'option-row venue-row' },
      field(`Place ${index + 1}`, h('input', { type: 'text', class: 'venue-name', maxlength: '200', autocomplete: 'off' }), `${prefix}[${index}].name`),
      field('Address', h('input', { type: 'text', class: 'venue-address', maxlength: '300', autocomplete: 'off' }), `${prefix}[${index}].address`),
      h('button', { type: 'button', class: 'link remove', onclick: () => { row.remove(); renumber(); } }, `Remove place ${index + 1}`));
    list.append(row);
    row.querySelector('input').focus();
  };
  wrapper.append(h('button', { type: 'button', class: 'secondary add-venue', onclick: addRow }, addLabel));
  return {
    element: wrapper,
    values: () => [...list.children].map((row) => {
      const address = row.querySelector('.venue-address').value.trim();
      return { name: row.querySelector('.venue-name').value.trim(), ...(address ? { address } : {}) };
    }),
    clear: () => list.replaceChildren(),
  };
}

/** Disables a button while its action runs, so a double click cannot send twice. */
export async function busy(button, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
