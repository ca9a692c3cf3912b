// Sharing a plan (organizer): the invite link to copy or share (Web Share where the browser has
// it), how long it works and for how many people, and every link with its state — active,
// revoked, used up, expired —; only active links can be revoked. The note's key rides in the
// link's fragment (#k=…), which never reaches the server.
import { h, replace, announce } from '../dom.js';
import { get, post, remove } from '../api.js';
import { busy, formError, showError, showProblems, field } from '../forms.js';
import { heldPlanKey } from '../key-store.js';
import { currentSession } from '../session.js';
import { formatInstant } from '../time.js';
import { clientConfig } from '../auth.js';
import { copyField, linkBase } from './common.js';

const myPlanKey = (planId) => heldPlanKey(currentSession().uid, planId);

/** Links made in this tab, by plan: a link's token is shown only once by the service. */
const madeHere = new Map();

/** The link as people receive it: the public base (or this origin) plus the key in the fragment. */
export async function inviteUrl(token, key) {
  let config = null;
  try {
    config = await clientConfig();
  } catch { /* this origin */ }
  return `${linkBase(config)}/i/${token}${key ? `#k=${key}` : ''}`;
}

/** Makes a link right after creating a plan, so the plan's page opens with it ready to share. */
export async function makeFirstLink(planId) {
  const { data } = await post(`/negotiations/${planId}/invite-links`, {});
  madeHere.set(planId, [{ id: data.id, url: await inviteUrl(data.token, await myPlanKey(planId)) }]);
}

export function linkState(link, now = Date.now()) {
  if (link.revoked_at) return 'revoked';
  if (link.max_uses != null && link.uses >= link.max_uses) return 'used-up';
  if (Date.parse(link.expires_at) <= now) return 'expired';
  return 'active';
}

const STATE_WORDS = { active: 'Active', revoked: 'Revoked', 'used-up': 'Used up', expired: 'Expired' };

function usesText(link) {
  const people = (k) => `${k} ${k === 1 ? 'person' : 'people'}`;
  return link.max_uses != null ? `${people(link.uses)} joined of ${link.max_uses}` : `${people(link.uses)} joined`;
}

function toLocalInput(iso) {
  const d = new Date(iso);
  const pad = (v) => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function shareSection(id, negotiation) {
  const output = h('input', { type: 'text', id: 'invite-url', readOnly: true, class: 'copyable', 'aria-label': 'Invite link' });
  const copy = h('button', { type: 'button', class: 'primary', id: 'invite-copy' }, 'Copy link');
  const shareButton = h('button', { type: 'button', class: 'secondary', id: 'invite-share', hidden: typeof navigator.share !== 'function' }, 'Share…');
  const current = h('div', { class: 'fresh-link', hidden: true },
    h('p', { class: 'copy-row' }, output), h('div', { class: 'actions' }, copy, shareButton),
    h('p', { class: 'hint', id: 'invite-url-note' }));
  const expires = h('input', { type: 'datetime-local', id: 'invite-expires' });
  const uses = h('input', { type: 'number', id: 'invite-max-uses', min: '1', max: '1000', inputmode: 'numeric', placeholder: 'No limit' });
  const create = h('button', { type: 'submit', class: 'secondary', id: 'invite-create' }, 'Make a new link');
  const form = h('form', { id: 'invite-form', class: 'inline-form', novalidate: true },
    field('Works until', expires, 'expires_at', 'At the latest when answers close.'),
    field('How many people can join with it', uses, 'max_uses', 'Leave empty for no limit.'),
    formError(), create);
  const links = h('ul', { class: 'links', id: 'invite-links' });
  const noKey = h('p', { class: 'muted', hidden: true, id: 'invite-no-key' },
    'This browser does not have the private note\'s key, so links made here cannot open the note.');

  async function showLink(url) {
    output.value = url;
    current.hidden = false;
    const note = current.querySelector('#invite-url-note');
    note.textContent = url.includes('#k=')
      ? 'Anyone with this link can join after signing in. The part after # unlocks the private note; it never reaches our server.'
      : 'Anyone with this link can join after signing in.';
  }

  async function loadLinks() {
    try {
      const { data } = await get(`/negotiations/${id}/invite-links`);
      replace(links, data.map((link) => {
        const state = linkState(link);
        const revoke = state === 'active' ? h('button', { type: 'button', class: 'link revoke', 'aria-label': `Revoke the link made ${formatInstant(link.created_at)}` }, 'Revoke') : null;
        if (revoke) {
          revoke.addEventListener('click', () => busy(revoke, async () => {
            try {
              await remove(`/negotiations/${id}/invite-links/${link.id}`);
              announce('The link was revoked: it no longer works');
              const made = madeHere.get(id) || [];
              if (made.length && made[made.length - 1].id === link.id) current.hidden = true;
              await loadLinks();
            } catch (error) {
              showError(form, error);
            }
          }));
        }
        return h('li', { class: `link-row link-${state}`, 'data-state': state, 'data-id': link.id },
          h('span', { class: `badge link-badge link-badge-${state}` }, STATE_WORDS[state]), ' ',
          h('span', { class: 'link-text' }, `Made ${formatInstant(link.created_at)} · ${usesText(link)} · `,
            state === 'expired' ? `expired ${formatInstant(link.expires_at)}` : `works until ${formatInstant(link.expires_at)}`),
          revoke ? ' ' : null, revoke);
      }));
    } catch (error) {
      showError(form, error);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(create, async () => {
      const problems = {};
      const body = {};
      if (expires.value && expires.value !== expires.defaultValue) {
        const at = new Date(expires.value);
        if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) problems.expires_at = 'Pick a time in the future.';
        else if (at.getTime() > Date.parse(negotiation().expires_at)) problems.expires_at = `Pick a time before answers close (${formatInstant(negotiation().expires_at)}).`;
        else body.expires_at = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
      }
      if (uses.value !== '') {
        const count = Number(uses.value);
        if (!Number.isInteger(count) || count < 1) problems.max_uses = 'Pick 1 or more, or leave it empty for no limit.';
        else body.max_uses = count;
      }
      if (showProblems(form, problems)) return;
      try {
        const { data } = await post(`/negotiations/${id}/invite-links`, body);
        const key = await myPlanKey(id);
        const url = await inviteUrl(data.token, key);
        madeHere.set(id, [...(madeHere.get(id) || []), { id: data.id, url }]);
        noKey.hidden = !(negotiation().encrypted_payload && !key);
        await showLink(url);
        output.focus();
        output.select();
        announce('New link ready to copy');
        await loadLinks();
      } catch (error) {
        showError(form, error);
      }
    });
  });
  copy.addEventListener('click', async () => {
    if (await copyField(output)) {
      copy.textContent = 'Copied!';
      announce('Link copied');
      setTimeout(() => { copy.textContent = 'Copy link'; }, 2000);
    } else {
      announce('Select the link and copy it');
    }
  });
  shareButton.addEventListener('click', async () => {
    try {
      await navigator.share({ title: negotiation().title, text: `Join “${negotiation().title}” and pick a time`, url: output.value });
    } catch { /* cancelled */ }
  });
  expires.value = toLocalInput(negotiation().expires_at);
  expires.defaultValue = expires.value;
  const made = madeHere.get(id);
  if (made && made.length) showLink(made[made.length - 1].url);
  loadLinks();
  const element = h('div', { 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title' }, 'Invite friends'),
    h('p', { class: 'hint' }, 'Send this link in any chat. Friends sign in, join and answer.'),
    current, noKey,
    h('details', { class: 'more', open: !(made && made.length) }, h('summary', null, 'Make a link that expires sooner or for fewer people'), form),
    h('h3', null, 'Your links'), links);
  return { element, refresh: loadLinks };
}
