// The API client: same origin, bearer token from the tab's session, the service's JSON envelopes.
import { currentSession, saveSession, dropToken } from './session.js';
import { refreshToken } from './auth.js';

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

const REFRESH_MARGIN_MS = 60_000;

async function token() {
  let session = currentSession();
  if (!session) throw new ApiError(401, 'UNAUTHORIZED', 'Please sign in.', {});
  if (Date.now() > session.expiresAt - REFRESH_MARGIN_MS) {
    session = await refreshToken(session);
    saveSession(session);
  }
  return session.token;
}

/**
 * Calls the API. Returns {status, data, meta, etag}; a 304 returns {status: 304} with no data.
 * Errors become an ApiError carrying the server's code, message and details.
 */
export async function call(method, path, { body, ifNoneMatch, ifMatch, auth = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (auth) headers.Authorization = 'Bearer ' + (await token());
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifNoneMatch) headers['If-None-Match'] = ifNoneMatch;
  if (ifMatch) headers['If-Match'] = ifMatch;
  let response;
  try {
    // no-store: the browser's HTTP cache must not answer conditional polls on our behalf.
    response = await fetch(path, {
      method, headers, cache: 'no-store', credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The service cannot be reached. Check your connection and try again.', {});
  }
  const etag = response.headers.get('ETag');
  if (response.status === 304 || response.status === 204) return { status: response.status, etag };
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = json && json.error;
    if (response.status === 401 && auth) dropToken();
    throw new ApiError(response.status, error ? error.code : 'HTTP_' + response.status,
      error ? error.message : `The service answered ${response.status}.`, error ? error.details : {});
  }
  return { status: response.status, data: json.data, meta: json.meta, etag };
}

export const get = (path, options) => call('GET', path, options);
export const post = (path, body, options) => call('POST', path, { ...options, body });
export const remove = (path, options) => call('DELETE', path, options);

/** Downloads an authenticated file (an event's .ics) through a temporary object URL. */
export async function download(path, filename) {
  const response = await fetch(path, {
    headers: { Authorization: 'Bearer ' + (await token()) }, cache: 'no-store', credentials: 'omit',
  });
  if (!response.ok) {
    let message = `The download failed (${response.status}).`;
    try {
      message = (await response.json()).error.message;
    } catch { /* not JSON */ }
    throw new ApiError(response.status, 'DOWNLOAD_FAILED', message, {});
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
