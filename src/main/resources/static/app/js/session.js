// The signed-in session lives only in this tab's sessionStorage: closing the tab signs out, and no
// token is ever put in a URL or in persistent storage.
const KEY = 'kairos.session';

export function currentSession() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) || null;
  } catch {
    return null;
  }
}

export function saveSession(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

/** Signing out forgets everything this tab held, note keys included. */
export function clearSession() {
  sessionStorage.clear();
}

/**
 * The server refused the token (expired beyond refresh, or the server restarted with a new local key):
 * forget the token only, keep the note keys, and let the app ask for sign-in again.
 */
export function dropToken() {
  sessionStorage.removeItem(KEY);
  window.dispatchEvent(new Event('kairos-signed-out'));
}

/** Note keys of the plans this tab has created or joined, by negotiation id (tab only, like tokens). */
export function noteKey(negotiationId) {
  return sessionStorage.getItem('kairos.key.' + negotiationId);
}

export function rememberNoteKey(negotiationId, key) {
  if (key) sessionStorage.setItem('kairos.key.' + negotiationId, key);
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
