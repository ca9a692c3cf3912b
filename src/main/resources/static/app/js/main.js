// The web client: a hash router over the views. Each view may return a cleanup (stops its polling).
import { h, replace } from './dom.js';
import { currentSession, clearSession, rememberReturnRoute, takeReturnRoute, askOtherTabs } from './session.js';
import { renderSignIn } from './views/signin.js';
import { renderHome } from './views/home.js';
import { renderNewPlan } from './views/new-plan.js';
import { renderPlan } from './views/plan.js';
import { renderJoin } from './views/join.js';
import { renderEvents } from './views/events.js';
import { publishIdentity } from './keys.js';
import { listenForPushes, pushToggle } from './push.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let cleanup = null;

function parseRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(query || '') };
}

function renderNav(session) {
  if (!session) {
    replace(nav);
    return;
  }
  // Clicking the page you are on shows it afresh (the hash does not change, so no hashchange).
  const link = (href, text, id) => h('a', {
    href, id, 'aria-current': location.hash === href || (href === '#/' && !location.hash) ? 'page' : null,
    onclick: () => { if (location.hash === href) setTimeout(route); },
  }, text);
  replace(nav,
    link('#/', 'Plans', 'nav-plans'),
    link('#/new', 'New plan', 'nav-new'),
    link('#/events', 'Events', 'nav-events'),
    pushToggle(),
    h('span', { class: 'who', id: 'signed-in-as' }, session.name || 'Signed in'),
    h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: () => { clearSession(); location.hash = '#/'; route(); } }, 'Sign out'));
}

export function route() {
  if (cleanup) cleanup();
  cleanup = null;
  const session = currentSession();
  renderNav(session);
  const { parts, params } = parseRoute();
  replace(main);
  if (!session) {
    if (parts[0] === 'join' || parts[0] === 'plan') rememberReturnRoute(location.hash);
    cleanup = renderSignIn(main, () => {
      const back = takeReturnRoute();
      if (back && back !== location.hash) location.hash = back;
      else // A new tab takes over the session of an open tab of this browser before showing sign-in.
askOtherTabs().finally(() => route());
    }, parts[0] === 'join');
    return;
  }
  // This browser's public key, so participants can share plan keys with it (docs/encryption.md).
  if (session.uid) publishIdentity(session.uid).catch(() => {});
  const view = {
    '': () => renderHome(main),
    new: () => renderNewPlan(main),
    plan: () => renderPlan(main, parts[1]),
    join: () => renderJoin(main, parts[1], params.get('k')),
    events: () => renderEvents(main),
  }[parts[0] || ''];
  cleanup = view ? view() : renderNotFound();
  main.focus({ preventScroll: true });
}

function renderNotFound() {
  replace(main, h('h1', null, 'This page does not exist'), h('p', null, h('a', { href: '#/', class: 'button primary' }, 'Back to your plans')));
  return null;
}

window.addEventListener('hashchange', () => route());
listenForPushes();
// A refused token: come back to where the person was after signing in again.
window.addEventListener('kairos-signed-out', () => {
  rememberReturnRoute(location.hash);
  route();
});
// A new tab takes over the session of an open tab of this browser before showing sign-in.
askOtherTabs().finally(() => route());
