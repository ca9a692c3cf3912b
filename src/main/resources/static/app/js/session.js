// The signed-in session lives in this tab's sessionStorage only: no token is ever put in a URL or
// in persistent storage. A new tab of the same browser asks the open tabs for their session over a
// BroadcastChannel (same origin only, memory to memory), so opening a link in a second tab keeps
// you signed in; signing out in one tab signs out every tab of this browser.
const KEY = 'kairos.session';
const NO_HANDOFF = 'kairos.no-handoff';
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('kairos-session') : null;

export function currentSession() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) || null;
  } catch {
    return null;
  }
}

export function saveSession(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  sessionStorage.removeItem(NO_HANDOFF);
}

/** Signing out forgets this tab's session and tells the other tabs to forget theirs. */
export function clearSession() {
  sessionStorage.clear();
  sessionStorage.setItem(NO_HANDOFF, '1');
  if (channel) channel.postMessage({ type: 'signed-out' });
}

/**
 * The server refused the token (expired beyond refresh, or the server restarted with a new local key):
 * forget the token and let the app ask for sign-in again.
 */
export function dropToken() {
  sessionStorage.removeItem(KEY);
  sessionStorage.setItem(NO_HANDOFF, '1');
  window.dispatchEvent(new Event('kairos-signed-out'));
}

if (channel) {
  channel.addEventListener('message', (event) => {
    const message = event.data || {};
    if (message.type === 'who' && currentSession()) {
      channel.postMessage({ type: 'session', session: currentSession() });
    } else if (message.type === 'signed-out' && currentSession()) {
      sessionStorage.removeItem(KEY);
      sessionStorage.setItem(NO_HANDOFF, '1');
      window.dispatchEvent(new Event('kairos-signed-out'));
    }
  });
}

/**
 * For a tab without a session: asks the other open tabs of this browser for theirs and waits a
 * moment. Resolves to the session taken over, or null. A tab that signed out asks no more.
 */
export function askOtherTabs(waitMs = 400) {
  if (!channel || currentSession() || sessionStorage.getItem(NO_HANDOFF)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const onMessage = (event) => {
      if (event.data && event.data.type === 'session' && event.data.session && event.data.session.token) {
        done(event.data.session);
      }
    };
    const done = (session) => {
      channel.removeEventListener('message', onMessage);
      clearTimeout(timer);
      if (session && !currentSession()) sessionStorage.setItem(KEY, JSON.stringify(session));
      resolve(session);
    };
    const timer = setTimeout(() => done(null), waitMs);
    channel.addEventListener('message', onMessage);
    channel.postMessage({ type: 'who' });
  });
}

/** Where to go after signing in (an invite link opened while signed out). */
export function rememberReturnRoute(route) {
  sessionStorage.setItem('kairos.return', route);
}

export function takeReturnRoute() {
  const route = sessionStorage.getItem('kairos.return');
  sessionStorage.removeItem('kairos.return');
  return route;
}
