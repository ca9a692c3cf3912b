// The organizer's pick while a plan is open: every time (and place) ranked by how many can come,
// then by how many said yes, with who would not be coming; confirming sends the pick.
import { h } from '../dom.js';
import { formatSlot } from '../time.js';
import { busy, formError, showError, showProblems } from '../forms.js';
import { nameOf, canCome, ranked } from './plan-model.js';

function choices(plan, kind, title) {
  const options = ranked(plan, kind);
  const best = options[0];
  return h('fieldset', { class: 'pick', 'data-field': kind === 'slot' ? 'slot_id' : 'venue_id' },
    h('legend', null, title),
    options.map(({ option, t, score }) => {
      const inputId = `final-${kind}-${option.id}`;
      const missing = plan.participants.filter((p) => p.status !== 'declined' && !canCome(plan, option, kind).includes(p));
      return h('div', { class: 'pick-row' },
        h('input', { type: 'radio', name: `final-${kind}`, id: inputId, value: option.id, class: `final-${kind}` }),
        h('label', { for: inputId },
          h('span', { class: 'pick-what' }, kind === 'slot' ? formatSlot(option) : option.name),
          h('span', { class: 'pick-tally' }, `${t.yes} yes, ${t.if_need_be} if need be`,
            missing.length ? ` · not coming: ${missing.map(nameOf).join(', ')}` : ' · everyone can come'),
          option === best.option && score > 0 ? h('span', { class: 'badge state-confirmed' }, 'Most can come') : null));
    }),
    h('p', { class: 'error' }));
}

/** The card; `finalize(slotId, venueId)` sends the pick and rejects with the service's error. */
export function decideCard(plan, finalize) {
  const button = h('button', { type: 'button', class: 'primary', id: 'finalize' }, 'Confirm and tell everyone');
  const card = h('div', { class: 'card' },
    h('h2', null, 'Pick the final time'),
    h('p', { class: 'hint' }, 'You decide: everyone who said yes or if need be to your pick is in, and gets it in their calendar.'),
    choices(plan, 'slot', 'Time'), plan.proposed_venues.length ? choices(plan, 'venue', 'Place') : null,
    button, h('div', null, formError()));
  button.addEventListener('click', () => {
    const slot = card.querySelector('input.final-slot:checked');
    const venue = card.querySelector('input.final-venue:checked');
    const problems = {};
    if (!slot) problems.slot_id = 'Pick the time.';
    if (plan.proposed_venues.length && !venue) problems.venue_id = 'Pick the place.';
    if (showProblems(card, problems)) return;
    busy(button, async () => {
      try {
        await finalize(slot.value, venue ? venue.value : null);
      } catch (error) {
        showError(card, error);
      }
    });
  });
  return card;
}
