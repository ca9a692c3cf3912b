// Form building blocks: labelled fields with an error line each, client-side checks that name every
// bad field at once, and the editors for proposed times and places. Error text is always the
// product's own (words.js), never the service's validation message.
import { h, uniqueId, announce } from './dom.js';
import { browserTimeZone, knownTimeZones, localInputValue, wallTimeToUtc } from './time.js';
import { errorWords, fieldWords } from './words.js';

export const MAX_TITLE = 120;
export const MAX_TIMES = 10;
export const MAX_PLACES = 10;

/** A labelled control with its error line; `name` is the API field it feeds (e.g. proposed_slots[0].timezone). */
export function field(labelText, control, name, hint) {
  const id = control.id || uniqueId('f');
  control.id = id;
  const errorId = id + '-error';
  const hintId = hint ? id + '-hint' : null;
  control.setAttribute('aria-describedby', hintId ? `${hintId} ${errorId}` : errorId);
  const error = h('p', { class: 'error', id: errorId });
  // Editing the field answers its error: the stale message goes away.
  control.addEventListener('input', () => {
    error.textContent = '';
    control.removeAttribute('aria-invalid');
  });
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: id }, labelText),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
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

/**
 * Shows problems ({field: message}) next to their fields, all at once, and a summary on the form's
 * line; focuses the first bad field. Returns whether there were any.
 */
export function showProblems(container, problems, summary) {
  clearErrors(container);
  const entries = Object.entries(problems);
  if (!entries.length) return false;
  let focused = false;
  const unplaced = [];
  for (const [name, message] of entries) {
    const target = name ? fieldFor(container, name) : null;
    const line = target ? target.querySelector(':scope > .error') : null;
    if (!line) {
      unplaced.push(message);
      continue;
    }
    if (!line.textContent.includes(message)) line.textContent = line.textContent ? `${line.textContent} ${message}` : message;
    const control = target.querySelector(':scope > input, :scope > select, :scope > textarea');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      if (!focused) control.focus();
      focused = true;
    }
  }
  const line = container.querySelector('.form-error');
  const count = entries.length - unplaced.length;
  const text = [summary || (count ? (count === 1 ? 'One detail needs fixing: see the marked field.' : `${count} details need fixing: see the marked fields.`) : ''), ...unplaced]
    .filter(Boolean).join(' ');
  if (line) line.textContent = text;
  announce(text);
  return true;
}

/** Puts a service error in the product's words next to every field it names, else on the form's line. */
export function showError(container, error) {
  const details = (error && error.details) || {};
  const problems = {};
  const fields = details.fields && typeof details.fields === 'object' ? Object.keys(details.fields) : [];
  for (const name of fields) problems[name] = fieldWords(name);
  if (!fields.length && details.field) problems[details.field] = fieldWords(details.field);
  const summary = errorWords(error);
  if (!Object.keys(problems).length) {
    clearErrors(container);
    const line = container.querySelector('.form-error');
    if (line) line.textContent = summary;
    announce(summary);
    return;
  }
  showProblems(container, problems, error.code === 'VALIDATION_ERROR' ? null : summary);
}

let zoneList = null;
function zoneDatalist() {
  if (!zoneList) {
    zoneList = h('datalist', { id: 'time-zones' }, knownTimeZones().map((zone) => h('option', { value: zone })));
    document.body.append(zoneList);
  }
  return zoneList.id;
}

function isZone(zone) {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/**
 * What both option editors are made of: a fieldset of numbered rows, an add button and the
 * note shown at the limit. `renumber` points each row's fields at its index, lets `label`
 * name the row's parts, and offers the add button only below `max` rows.
 */
function optionRows(prefix, { legend, addClass, addLabel, max, noun, label }) {
  const list = h('ol', { class: 'option-rows' });
  const add = h('button', { type: 'button', class: `secondary ${addClass}` }, addLabel);
  const limit = h('p', { class: 'hint limit-note', hidden: true }, `That's the most: up to ${max} ${noun}.`);
  const element = h('fieldset', { class: 'options', 'data-field': prefix },
    h('legend', null, legend), list, h('p', { class: 'error' }), add, limit);
  const renumber = () => {
    [...list.children].forEach((row, i) => {
      row.querySelectorAll('[data-field]').forEach((f) => { f.dataset.field = f.dataset.field.replace(/\[\d+\]/, `[${i}]`); });
      label(row, i);
    });
    add.hidden = list.children.length >= max;
    limit.hidden = !add.hidden;
  };
  return { list, add, element, renumber };
}

/** Rows of proposed times: start (wall clock), length and time zone; at most `max` rows. */
export function slotEditor(prefix, { initialRows = 1, addLabel = 'Add a time', max = MAX_TIMES } = {}) {
  const { list, add, element, renumber } = optionRows(prefix, {
    legend: 'Times', addClass: 'add-slot', addLabel, max, noun: 'times',
    label: (row, i) => {
      row.querySelector('label').textContent = `Time ${i + 1}: starts`;
      const remove = row.querySelector('.remove');
      remove.textContent = `Remove time ${i + 1}`;
      remove.hidden = list.children.length <= 1;
    },
  });
  const addRow = (hours) => {
    if (list.children.length >= max) return;
    const start = h('input', { type: 'datetime-local', class: 'slot-start', value: localInputValue(hours), required: true });
    const duration = h('input', { type: 'number', class: 'slot-duration', min: '5', max: '1440', step: '5', value: '60', inputmode: 'numeric' });
    const zone = h('input', { type: 'text', class: 'slot-zone', value: browserTimeZone(), list: zoneDatalist(), autocomplete: 'off', spellcheck: 'false' });
    const row = h('li', { class: 'option-row' },
      field('Time', start, `${prefix}[0].starts_at`),
      field('Minutes', duration, `${prefix}[0].duration_minutes`),
      field('Time zone', zone, `${prefix}[0].timezone`),
      h('button', { type: 'button', class: 'link remove', onclick: () => { row.remove(); renumber(); add.focus(); } }, 'Remove'));
    list.append(row);
    renumber();
  };
  add.addEventListener('click', () => {
    addRow(24 + list.children.length * 24);
    const starts = list.querySelectorAll('.slot-start');
    if (starts.length) starts[starts.length - 1].focus();
  });
  for (let i = 0; i < initialRows; i += 1) addRow(24 + i * 24);
  const rows = () => [...list.children];
  return {
    element,
    count: () => list.children.length,
    values: () => rows().map((row) => {
      const zone = row.querySelector('.slot-zone').value.trim();
      const minutes = row.querySelector('.slot-duration').value;
      return {
        starts_at: wallTimeToUtc(row.querySelector('.slot-start').value, zone),
        duration_minutes: minutes === '' ? 60 : Number(minutes),
        timezone: zone || 'UTC',
      };
    }),
    /** Every problem of every row, keyed by field. */
    check: (now = Date.now()) => {
      const problems = {};
      const seen = new Set();
      rows().forEach((row, i) => {
        const local = row.querySelector('.slot-start').value;
        const zone = row.querySelector('.slot-zone').value.trim();
        const minutes = row.querySelector('.slot-duration').value;
        const okZone = isZone(zone);
        if (!okZone) problems[`${prefix}[${i}].timezone`] = 'Pick a time zone from the list, like Europe/Berlin.';
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) {
          problems[`${prefix}[${i}].starts_at`] = 'Pick a date and time.';
        } else if (okZone) {
          const at = Date.parse(wallTimeToUtc(local, zone));
          if (at <= now) problems[`${prefix}[${i}].starts_at`] = 'Pick a time in the future.';
          else if (at > now + 365 * 86_400_000) problems[`${prefix}[${i}].starts_at`] = 'Pick a time within a year.';
          const key = `${at}|${minutes}|${zone}`;
          if (seen.has(key)) problems[`${prefix}[${i}].starts_at`] = 'This time is already in the list.';
          seen.add(key);
        }
        const m = Number(minutes);
        if (minutes !== '' && (!Number.isInteger(m) || m < 5 || m > 1440)) {
          problems[`${prefix}[${i}].duration_minutes`] = 'Make it between 5 and 1440 minutes (24 hours).';
        }
      });
      return problems;
    },
    clear: () => { list.replaceChildren(); renumber(); },
  };
}

/** Rows of proposed places: a name and an optional address; labels follow the rows' order. */
export function venueEditor(prefix, { addLabel = 'Add a place', max = MAX_PLACES } = {}) {
  const { list, add, element, renumber } = optionRows(prefix, {
    legend: 'Places (optional)', addClass: 'add-venue', addLabel, max, noun: 'places',
    label: (row, i) => {
      const labels = row.querySelectorAll('label');
      labels[0].textContent = `Place ${i + 1}`;
      labels[1].textContent = `Address of place ${i + 1} (optional)`;
      row.querySelector('.remove').textContent = `Remove place ${i + 1}`;
    },
  });
  const addRow = () => {
    if (list.children.length >= max) return;
    const row = h('li', { class: 'option-row venue-row' },
      field('Place', h('input', { type: 'text', class: 'venue-name', maxlength: '200', autocomplete: 'off' }), `${prefix}[0].name`),
      field('Address', h('input', { type: 'text', class: 'venue-address', maxlength: '300', autocomplete: 'off' }), `${prefix}[0].address`),
      h('button', { type: 'button', class: 'link remove', onclick: () => { row.remove(); renumber(); add.focus(); } }, 'Remove'));
    list.append(row);
    renumber();
    row.querySelector('input').focus();
  };
  add.addEventListener('click', addRow);
  const rows = () => [...list.children];
  return {
    element,
    values: () => rows().map((row) => {
      const address = row.querySelector('.venue-address').value.trim();
      return { name: row.querySelector('.venue-name').value.trim(), ...(address ? { address } : {}) };
    }),
    check: () => {
      const problems = {};
      rows().forEach((row, i) => {
        if (!row.querySelector('.venue-name').value.trim()) problems[`${prefix}[${i}].name`] = 'Name the place, or remove it.';
      });
      return problems;
    },
    clear: () => { list.replaceChildren(); renumber(); },
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
