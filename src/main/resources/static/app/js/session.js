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

export function clearSession() {
  sessionStorage.clear();
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
