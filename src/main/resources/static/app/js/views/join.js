// Opening an invite link: who invites to what (no plan details before sign-in), then join. The
// key from the link's fragment is kept in this browser (key-store.js) for reading the private note.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { busy, formError, showError } from '../forms.js';
import { holdPlanKey } from '../key-store.js';
import { currentSession } from '../session.js';
import { offerPushOnNextPlan } from '../push.js';
import { CATEGORY_LABELS } from './common.js';

function brokenLink(main) {
  replace(main, h('div', { class: 'card broken-link', id: 'join-box' },
    h('h1', { id: 'broken-link-title' }, 'This invite link doesn\'t work'),
    h('p', { class: 'form-error', role: 'alert' }, 'It may have expired, been used up or turned off, or the plan may already be decided.'),
    h('p', null, 'Ask the person who sent it for a new link.'),
    h('div', { class: 'actions' },
      h('a', { href: '#/', class: 'button primary', id: 'broken-link-home' }, 'Go to your plans'),
      h('a', { href: '#/new', class: 'button secondary' }, 'Make your own plan'))));
}

export function renderJoin(main, token, key) {
  const box = h('div', { class: 'form card', id: 'join-box' }, h('p', null, 'Opening the invitation…'), formError());
  replace(main, h('h1', null, 'You\'re invited'), box);
  if (!token) {
    brokenLink(main);
    return null;
  }
  get(`/invites/${encodeURIComponent(token)}`).then(({ data }) => {
    const join = h('button', { type: 'button', class: 'primary', id: 'join' }, data.already_participant ? 'Open the plan' : 'Join and answer');
    join.addEventListener('click', () => busy(join, async () => {
      try {
        const result = data.already_participant ? { data: { id: data.negotiation_id } } : await post(`/invites/${encodeURIComponent(token)}/join`);
        holdPlanKey(currentSession().uid, result.data.id, key);
        offerPushOnNextPlan();
        location.hash = `#/plan/${result.data.id}`;
      } catch (error) {
        if (error.code === 'INVITE_NOT_FOUND') brokenLink(main);
        else showError(box, error);
      }
    }));
    const organizer = data.organizer.display_name || 'Someone';
    const others = data.participant_count - 1;
    replace(box,
      h('h2', { id: 'invite-title' }, data.title),
      h('p', { class: 'big' }, `${organizer} invites you to ${(CATEGORY_LABELS[data.intent_category] || data.intent_category).toLowerCase()}.`),
      h('p', { class: 'muted' }, others > 0 ? `${others} ${others === 1 ? 'person has' : 'people have'} been invited so far.` : 'You\'re the first one invited.'),
      key ? null : h('p', { class: 'muted', id: 'join-no-key' }, 'This link has no key for the plan\'s private note, so if there is one you won\'t be able to read it until someone who has the key opens the plan.'),
      formError(), h('p', null, join));
    join.focus();
  }).catch((error) => {
    if (error.code === 'INVITE_NOT_FOUND' || error.status === 404 || error.status === 400) brokenLink(main);
    else showError(box, error);
  });
  return null;
}
