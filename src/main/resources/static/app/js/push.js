// Web Push in this browser: turning notifications on (asked only when the person chooses to, after
// creating or joining a plan, or from the menu) and off, and refreshing open pages when a push
// arrives. One subscription per browser profile: whoever turned notifications on last in this
// browser gets them. The service worker (/app/sw.js) shows the notifications.
import { h, announce } from './dom.js';
import { call } from './api.js';

const SUPPORTED = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
const ASK = 'kairos.offer-push';
const SCOPE = '/app/';

/** Relays the service worker's messages as window events: 'kairos-push' (refresh) and 'kairos-open'. */
export function listenForPushes() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (event) => {
    const data = event.data || {};
    if (data.type === 'kairos-push') window.dispatchEvent(new CustomEvent('kairos-push', { detail: data }));
    if (data.type === 'kairos-open' && typeof data.hash === 'string' && data.hash.startsWith('#/')) location.hash = data.hash;
  });
  navigator.serviceWorker.startMessages();
}

/** The next plan page may offer notifications (called after creating or joining a plan). */
export function offerPushOnNextPlan() {
  if (SUPPORTED) sessionStorage.setItem(ASK, '1');
}

async function currentSubscription() {
  if (!SUPPORTED) return null;
  const registration = await navigator.serviceWorker.getRegistration(SCOPE);
  return registration ? registration.pushManager.getSubscription() : null;
}

function base64Url(buffer) {
  return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

let keyRequest = null;

/** The server's application server key (asked once per page load), or null when Web Push is off. */
function serverKey() {
  if (!keyRequest) {
    keyRequest = call('GET', '/web-push/vapid-public-key', { auth: false })
      .then(({ data }) => data.public_key, () => null);
  }
  return keyRequest;
}

async function enablePush() {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') {
    throw new Error('This browser blocks notifications for this site. Allow them in the site settings, then try again.');
  }
  const key = await serverKey();
  if (!key) throw new Error('Notifications are not available on this server right now.');
  const registration = await navigator.serviceWorker.register('/app/sw.js', { scope: SCOPE });
  await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  const subscribedKey = subscription && subscription.options && subscription.options.applicationServerKey;
  if (subscribedKey && base64Url(subscribedKey) !== key) {
    // Made for another server key (the server's changed): subscribe afresh.
    await subscription.unsubscribe();
    subscription = null;
  }
  if (!subscription) {
    subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }
  const { endpoint, keys } = subscription.toJSON();
  await call('PUT', '/me/web-push-subscriptions', { body: { endpoint, keys } });
}

async function disablePush() {
  const subscription = await currentSubscription();
  if (!subscription) return;
  try {
    await call('DELETE', `/me/web-push-subscriptions?endpoint=${encodeURIComponent(subscription.endpoint)}`);
  } finally {
    await subscription.unsubscribe();
  }
}

/** The menu's switch: "Turn on notifications" / "Turn off notifications"; hidden where push is unsupported or blocked. */
export function pushToggle() {
  const button = h('button', { type: 'button', class: 'link', id: 'push-toggle', hidden: true });
  const render = async () => {
    button.textContent = (await currentSubscription()) ? 'Turn off notifications' : 'Turn on notifications';
    button.hidden = !SUPPORTED || Notification.permission === 'denied' || !(await serverKey());
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    // The state as it is now: the plan page's offer may have turned notifications on meanwhile.
    const on = Boolean(await currentSubscription());
    try {
      if (on) await disablePush();
      else await enablePush();
      announce(on ? 'Notifications are off' : 'Notifications are on');
    } catch (error) {
      announce(error.message);
    } finally {
      button.disabled = false;
      await render();
    }
  });
  if (SUPPORTED) render();
  return button;
}

/**
 * After creating or joining a plan: a box that says why notifications help and turns them on when
 * asked to. Nothing when push is unsupported, blocked, already on, or nothing was just created/joined.
 */
export function pushOffer() {
  if (!SUPPORTED || sessionStorage.getItem(ASK) !== '1') return null;
  sessionStorage.removeItem(ASK);
  const problem = h('p', { class: 'error', role: 'alert' });
  const turnOn = h('button', { type: 'button', class: 'primary', id: 'push-enable' }, 'Turn on notifications');
  const notNow = h('button', { type: 'button', class: 'secondary', id: 'push-not-now' }, 'Not now');
  const box = h('section', { id: 'push-offer', class: 'form card', hidden: true, 'aria-labelledby': 'push-offer-title' },
    h('h2', { id: 'push-offer-title' }, 'Know when this plan moves'),
    h('p', null, 'Turn on notifications and this browser tells you when someone answers, suggests another time, or the plan is confirmed, even while this page is closed. They show a one-line summary such as "Ben accepted", never your private note. You can turn them off from the menu at any time.'),
    problem, h('p', { class: 'actions' }, turnOn, notNow));
  Promise.all([currentSubscription(), serverKey()]).then(([subscription, key]) => {
    box.hidden = Boolean(subscription) || !key || Notification.permission === 'denied';
  });
  turnOn.addEventListener('click', async () => {
    turnOn.disabled = true;
    try {
      await enablePush();
      box.hidden = true;
      announce('Notifications are on');
      const toggle = document.getElementById('push-toggle');
      if (toggle) toggle.textContent = 'Turn off notifications';
    } catch (error) {
      problem.textContent = error.message;
    } finally {
      turnOn.disabled = false;
    }
  });
  notNow.addEventListener('click', () => { box.hidden = true; });
  return box;
}
