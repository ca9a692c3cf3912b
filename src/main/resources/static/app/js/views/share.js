// Invite links of a plan (organizer): create one (its URL carries the note's key in the fragment),
// see uses (refreshed when the plan changes, e.g. someone joined), revoke.
import { h, replace, announce } from '../dom.js';
import { get, post, call } from '../api.js';
import { busy, formError, showError } from '../forms.js';
import { noteKey } from '../session.js';
import { formatInstant } from '../time.js';

/** The link as people receive it: this origin (which serves /i/) plus the key in the fragment. */
export function inviteUrl(token, key) {
  return `${location.origin}/i/${token}${key ? `#k=${key}` : ''}`;
}

export function shareSection(id, negotiation) {
  const output = h('input', { type: 'text', id: 'invite-url', readOnly: true, class: 'copyable', 'aria-label': 'Invite link' });
  const copy = h('button', { type: 'button', class: 'secondary', id: 'invite-copy' }, 'Copy');
  const result = h('p', { class: 'copy-row', hidden: true }, output, ' ', copy);
  const create = h('button', { type: 'button', class: 'primary', id: 'invite-create' }, 'Create an invite link');
  const links = h('ul', { class: 'links', id: 'invite-links' });
  const box = h('div', { class: 'form' }, formError());
  const key = noteKey(id);
  const hasNote = () => Boolean(negotiation().encrypted_payload);
  const warning = h('p', { class: 'muted', hidden: true, id: 'invite-no-key' },
    'This tab does not hold the private note\'s key (it was created in another tab), so new links cannot carry it.');

  async function loadLinks() {
    try {
      const { data } = await get(`/negotiations/${id}/invite-links`);
      replace(links, data.map((link) => {
        const revoke = h('button', { type: 'button', class: 'link revoke' }, 'Revoke');
        revoke.addEventListener('click', () => busy(revoke, async () => {
          try {
            await call('DELETE', `/negotiations/${id}/invite-links/${link.id}`);
            announce('The link was revoked');
            await loadLinks();
          } catch (error) {
            showError(box, error);
          }
        }));
        return h('li', { class: 'link-row' },
          `Link made ${formatInstant(link.created_at)} · used ${link.uses}${link.max_uses ? ` of ${link.max_uses}` : ''} times · until ${formatInstant(link.expires_at)} `,
          revoke);
      }));
    } catch (error) {
      showError(box, error);
    }
  }

  create.addEventListener('click', () => busy(create, async () => {
    try {
      const { data } = await post(`/negotiations/${id}/invite-links`, {});
      output.value = inviteUrl(data.token, key);
      result.hidden = false;
      warning.hidden = !(hasNote() && !key);
      output.focus();
      output.select();
      await loadLinks();
    } catch (error) {
      showError(box, error);
    }
  }));
  copy.addEventListener('click', async () => {
    output.select();
    try {
      await navigator.clipboard.writeText(output.value);
      announce('Copied');
    } catch { /* selected for manual copying */ }
  });
  loadLinks();
  const element = h('section', { 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title' }, 'Invite people with a link'),
    h('p', null, 'Anyone with the link can join after signing in. The part after # is the key to the private note: it never reaches the server.'),
    box, h('p', null, create), result, warning, h('h3', null, 'Links'), links);
  return { element, refresh: loadLinks };
}
