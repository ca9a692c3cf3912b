// The people × options grid: one column per option (its time in the viewer's zone, or the place),
// one row per person, each cell yes / if need be / no; the viewer's own row is three radio buttons
// per option, nothing pre-selected until they answer; the tallies sit under each option.
import { h } from '../dom.js';
import { describeSlot } from '../time.js';
import { answerOf, nameOf, tally, attending } from './plan-model.js';

const WORDS = { yes: 'Yes', maybe: 'If need be', no: 'No', none: 'Not yet' };
const MARKS = { yes: '✓', maybe: '~', no: '✕', none: '?' };

function optionHeader(option, kind, isFinal) {
  if (kind === 'slot') {
    const d = describeSlot(option);
    return h('th', { scope: 'col', class: `opt${isFinal ? ' final' : ''}`, 'data-option': option.id },
      h('span', { class: 'opt-day' }, d.day),
      h('span', { class: 'opt-time' }, d.time),
      h('span', { class: 'opt-zone' }, d.zone),
      d.other ? h('span', { class: 'opt-other' }, d.other) : null,
      isFinal ? h('span', { class: 'badge state-confirmed' }, 'Chosen') : null);
  }
  return h('th', { scope: 'col', class: `opt${isFinal ? ' final' : ''}`, 'data-option': option.id },
    h('span', { class: 'opt-day' }, option.name),
    option.address ? h('span', { class: 'opt-other' }, option.address) : null,
    isFinal ? h('span', { class: 'badge state-confirmed' }, 'Chosen') : null);
}

/** A short label of an option for screen readers and messages. */
export function optionLabel(option, kind) {
  if (kind === 'venue') return option.name;
  const d = describeSlot(option);
  return `${d.day}, ${d.time} ${d.zone}`;
}

function statusText(n, p, me) {
  if (n.state === 'confirmed') return attending(n, p) ? 'Going' : 'Not coming';
  if (p.status === 'organizer') return 'Organizer';
  if (p.status === 'declined') return 'Can\'t come';
  if (p.status === 'invited') return 'Hasn\'t answered';
  return p.user_id === me ? 'You answered' : 'Answered';
}

/**
 * The grid of one kind. `choices` (Map option id → yes | maybe | no) holds the viewer's answers
 * being edited when `editable`; `onChange` is told of every change.
 */
export function renderGrid(n, kind, { me, editable, choices, onChange }) {
  const options = kind === 'slot' ? n.proposed_slots : n.proposed_venues;
  const finalId = kind === 'slot' ? n.final_slot_id : n.final_venue_id;
  const title = kind === 'slot' ? 'Times' : 'Places';
  const head = h('tr', null, h('th', { scope: 'col', class: 'person-col' }, 'Who'),
    options.map((o) => optionHeader(o, kind, o.id === finalId)));
  const rows = n.participants.map((p) => {
    const mine = p.user_id === me;
    const cells = options.map((o) => {
      if (mine && editable) {
        const group = `ans-${kind}-${o.id}`;
        const label = optionLabel(o, kind);
        return h('td', { class: 'cell mine' },
          h('div', { class: 'choice', role: 'radiogroup', 'aria-label': `${label}: your answer` },
            ['yes', 'maybe', 'no'].map((value) => {
              const id = `${group}-${value}`;
              const input = h('input', {
                type: 'radio', name: group, id, value, class: `answer answer-${value}`, 'data-option': o.id, 'data-kind': kind,
                checked: choices.get(o.id) === value,
              });
              input.addEventListener('change', () => {
                choices.set(o.id, value);
                onChange();
              });
              return h('span', { class: `choice-item choice-${value}` }, input, h('label', { for: id }, WORDS[value]));
            })));
      }
      const answer = answerOf(n, p, o, kind);
      return h('td', { class: `cell ans-${answer}`, 'data-answer': answer },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, MARKS[answer]), ' ', h('span', { class: 'word' }, WORDS[answer]));
    });
    return h('tr', { class: `participant${mine ? ' me' : ''}`, 'data-user': p.user_id },
      h('th', { scope: 'row', class: 'person-col' },
        h('span', { class: 'name' }, nameOf(p), mine ? ' (you)' : ''),
        h('span', { class: `status status-${p.status}` }, statusText(n, p, me))),
      cells);
  });
  const tallies = h('tr', { class: 'tallies' }, h('th', { scope: 'row', class: 'person-col' }, 'Tally'),
    options.map((o) => {
      const t = tally(n, o, kind);
      return h('td', { class: 'tally', 'data-option': o.id },
        h('span', { class: 't-yes' }, `${t.yes} yes`),
        h('span', { class: 't-maybe' }, `${t.if_need_be} if need be`),
        h('span', { class: 't-no' }, `${t.no} no`),
        t.no_answer ? h('span', { class: 't-none' }, `${t.no_answer} not yet`) : null);
    }));
  return h('div', { class: 'grid-wrap', tabindex: '0', role: 'region', 'aria-label': `${title}: everyone's answers` },
    h('table', { class: 'grid', id: `grid-${kind}` },
      h('caption', null, title),
      h('thead', null, head), h('tbody', null, rows), h('tfoot', null, tallies)));
}
