// Opening an invite link: preview (no plan details before sign-in, docs/reference.md#invite-links), then join. The key
// from the link's fragment is kept in this tab for reading the private note.
import { h, replace } from '../dom.js';
import { get, post } from '../api.js';
import { busy, formError, showError } from '../forms.js';
import { rememberNoteKey } from '../session.js';
import { stateBadge } from './common.js';

export function renderJoin(main, token, key) {
  const box = h('div', { class: 'form', id: 'join-box' }, formError());
  replace(main, h('h1', null, 'Invitation'), box);
  const keyNote = key ? null : h('p', { class: 'muted', id: 'join-no-key' },
    'This link carries no key (#k=…), so a private note on the plan will not be readable.');
  if (!token) {
    box.querySelector('.form-error').textContent = 'This link is incomplete.';
    return null;
  }
  get(`/invites/${encodeURIComponent(token)}`).then(({ data }) => {
    const join = h('button', { type: 'button', class: 'primary', id: 'join' }, data.already_participant ? 'Open the plan' : 'Join this plan');
    join.addEventListener('click', () => busy(join, async () => {
      try {
        const result = data.already_participant ? { data: { id: data.negotiation_id } } : await post(`/invites/${encodeURIComponent(token)}/join`);
        rememberNoteKey(result.data.id, key);
        location.hash = `#/plan/${result.data.id}`;
      } catch (error) {
        showError(box, error);
      }
    }));
    replace(box,
      h('h2', { id: 'invite-title' }, data.title), stateBadge(data.state),
      h('p', null, `${data.organizer.display_name || 'Someone'} invites you (${data.intent_category}, ${data.participant_count} people so far).`),
      keyNote, formError(), h('p', null, join));
    join.focus();
  }).catch((error) => {
    showError(box, error);
    if (keyNote) box.append(keyNote);
  });
  return null;
}
