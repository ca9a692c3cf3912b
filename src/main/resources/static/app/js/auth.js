// Sign-in, by the server's configuration (GET /app/config): the local issuer (POST /dev/tokens, a
// display name is enough), the Firebase Auth Emulator or Firebase Authentication (email and password
// through Firebase's REST API, so no third-party script is loaded into the page).

let configPromise = null;

export function clientConfig() {
  if (!configPromise) {
    configPromise = fetch('/app/config', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error('config'))))
      .then((json) => json.data);
  }
  return configPromise;
}

class SignInError extends Error {
  constructor(message, field) {
    super(message);
    this.field = field;
  }
}

export { SignInError };

function slug(name) {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

/** Local issuer: the same name gives the same user id, so a person can come back in a new tab. */
export async function signInLocally(displayName) {
  const name = displayName.trim();
  if (!name) throw new SignInError('Enter a display name.', 'name');
  const uid = 'local-' + (slug(name) || Array.from(new TextEncoder().encode(name), (b) => b.toString(16)).join('').slice(0, 60));
  return mintLocal(uid, name);
}

async function mintLocal(uid, name) {
  const response = await fetch('/dev/tokens', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, cache: 'no-store',
    body: JSON.stringify({ uid, name }),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new SignInError(json && json.error ? json.error.message : 'Sign-in failed.', json && json.error && json.error.details ? json.error.details.field : null);
  }
  return {
    mode: 'local', uid, name, token: json.data.id_token, expiresAt: Date.parse(json.data.expires_at),
  };
}

function identityBase(config) {
  return config.sign_in === 'emulator' ? `${config.emulator_url}/identitytoolkit.googleapis.com` : 'https://identitytoolkit.googleapis.com';
}

function secureTokenBase(config) {
  return config.sign_in === 'emulator' ? `${config.emulator_url}/securetoken.googleapis.com` : 'https://securetoken.googleapis.com';
}

function apiKey(config) {
  return config.firebase ? config.firebase.api_key : 'emulator-key';
}

const FIREBASE_MESSAGES = {
  EMAIL_NOT_FOUND: ['No account has this email address.', 'email'],
  INVALID_PASSWORD: ['The password is wrong.', 'password'],
  INVALID_LOGIN_CREDENTIALS: ['The email address or password is wrong.', 'password'],
  EMAIL_EXISTS: ['An account with this email address exists; sign in instead.', 'email'],
  INVALID_EMAIL: ['Enter a valid email address.', 'email'],
  MISSING_PASSWORD: ['Enter a password.', 'password'],
  WEAK_PASSWORD: ['The password must have at least 6 characters.', 'password'],
  TOO_MANY_ATTEMPTS_TRY_LATER: ['Too many attempts; try again later.', null],
};

/** Firebase (or emulator) email and password sign-in; {create: true} makes the account first. */
export async function signInWithPassword(config, email, password, { create = false } = {}) {
  const endpoint = create ? 'accounts:signUp' : 'accounts:signInWithPassword';
  const response = await fetch(`${identityBase(config)}/v1/${endpoint}?key=${encodeURIComponent(apiKey(config))}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, cache: 'no-store', credentials: 'omit',
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  }).catch(() => null);
  if (!response) throw new SignInError('Firebase Authentication cannot be reached.', null);
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const reason = json.error && json.error.message ? json.error.message.split(' ')[0] : '';
    const [message, field] = FIREBASE_MESSAGES[reason] || ['Sign-in failed.', null];
    throw new SignInError(message, field);
  }
  return {
    mode: config.sign_in, uid: json.localId, name: json.displayName || null, token: json.idToken,
    refreshToken: json.refreshToken, expiresAt: Date.now() + Number(json.expiresIn) * 1000,
  };
}

/** A fresh ID token for a session about to expire. */
export async function refreshToken(session) {
  if (session.mode === 'local') return mintLocal(session.uid, session.name);
  const config = await clientConfig();
  const response = await fetch(`${secureTokenBase(config)}/v1/token?key=${encodeURIComponent(apiKey(config))}`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, cache: 'no-store',
    credentials: 'omit',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refreshToken }),
  });
  if (!response.ok) throw new SignInError('Your session ended; please sign in again.', null);
  const json = await response.json();
  return {
    ...session, token: json.id_token, refreshToken: json.refresh_token,
    expiresAt: Date.now() + Number(json.expires_in) * 1000,
  };
}
