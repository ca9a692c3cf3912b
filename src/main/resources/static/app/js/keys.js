// Getting a plan's key to every participant (docs/encryption.md): this browser's identity key pair,
// and wrapping / unwrapping plan keys for participants' keys. What is kept, and how, is key-store.js.
// Nothing here is ever logged.
import { call } from './api.js';
import { stored, keepPlanKey, heldPlanKey } from './key-store.js';
import { decryptNote } from './note-crypto.js';

export const WRAP_VERSION = 1;
const EC = { name: 'ECDH', namedCurve: 'P-256' };
const SALT = new TextEncoder().encode('kairos-plan-key-wrap');

// ------------------------------------------------------------------ encodings

function toBase64(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toBase64Url = (bytes) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text) => fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));

/** RFC 7638 thumbprint of a P-256 public JWK: the key id. */
export async function thumbprint(jwk) {
  const canonical = `{"crv":"P-256","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`;
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical))));
}

/** What people compare: the first 20 characters of a key id, in groups of four. */
export function fingerprint(keyId) {
  return keyId.slice(0, 20).match(/.{1,4}/g).join(' ');
}

// ------------------------------------------------------------------ the construction

async function wrappingKey(privateKey, publicKey, negotiationId, ephemeralKeyId, recipientKeyId, usage) {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const info = new TextEncoder().encode(`kairos-plan-key-v1|${negotiationId}|${ephemeralKeyId}|${recipientKeyId}`);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: SALT, info }, hkdf,
    { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/**
 * The wrapped_key bytes (base64) for one recipient: version ‖ ephemeral point ‖ nonce ‖ ciphertext ‖ tag.
 * The ephemeral key pair and nonce are fresh unless given (the test vectors give them).
 */
export async function wrapPlanKey(planKeyBytes, negotiationId, recipientJwk, fixed = {}) {
  const recipient = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: recipientJwk.x, y: recipientJwk.y }, EC, true, []);
  const ephemeral = fixed.ephemeral || await crypto.subtle.generateKey(EC, false, ['deriveBits']);
  const point = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const ephemeralJwk = await crypto.subtle.exportKey('jwk', ephemeral.publicKey);
  const key = await wrappingKey(ephemeral.privateKey, recipient, negotiationId, await thumbprint(ephemeralJwk),
    await thumbprint(recipientJwk), 'encrypt');
  const header = new Uint8Array(66);
  header[0] = WRAP_VERSION;
  header.set(point, 1);
  const nonce = fixed.nonce || crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: header }, key, planKeyBytes));
  const out = new Uint8Array(66 + 12 + sealed.length);
  out.set(header);
  out.set(nonce, 66);
  out.set(sealed, 78);
  return toBase64(out);
}

/** The plan key's raw bytes from a wrapped_key addressed to this identity, or an Error saying why not. */
export async function unwrapPlanKey(wrappedKey, version, negotiationId, identity) {
  const bytes = fromBase64(wrappedKey);
  if (version !== WRAP_VERSION || bytes.length !== 126 || bytes[0] !== WRAP_VERSION) {
    throw new Error('The note\'s key was shared by a newer app and cannot be read here.');
  }
  const ephemeral = await crypto.subtle.importKey('raw', bytes.slice(1, 66), EC, true, []);
  const key = await wrappingKey(identity.privateKey, ephemeral, negotiationId,
    await thumbprint(await crypto.subtle.exportKey('jwk', ephemeral)), identity.keyId, 'decrypt');
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(66, 78), additionalData: bytes.slice(0, 66) },
    key, bytes.slice(78)));
}

/** Runs the documented test vector (docs/encryption.md) through the code above; the browser test calls it. */
export async function checkVector(vector) {
  const jwk = (part, withD) => ({ kty: 'EC', crv: 'P-256', x: part.x, y: part.y, ...(withD ? { d: part.d } : {}) });
  const ephemeral = {
    privateKey: await crypto.subtle.importKey('jwk', jwk(vector.ephemeral, true), EC, false, ['deriveBits']),
    publicKey: await crypto.subtle.importKey('jwk', jwk(vector.ephemeral, false), EC, true, []),
  };
  const wrapped = await wrapPlanKey(fromBase64Url(vector.plan_key), vector.negotiation_id, vector.recipient,
    { ephemeral, nonce: fromBase64Url(vector.nonce) });
  const recipient = {
    privateKey: await crypto.subtle.importKey('jwk', jwk(vector.recipient, true), EC, false, ['deriveBits']),
    keyId: await thumbprint(vector.recipient),
  };
  const unwrapped = await unwrapPlanKey(vector.wrapped_key, 1, vector.negotiation_id, recipient);
  return { wrapped_key: wrapped, plan_key: toBase64Url(unwrapped), recipient_key_id: recipient.keyId,
    ephemeral_key_id: await thumbprint(vector.ephemeral) };
}

const identities = new Map();

/** This browser's identity for the account: {privateKey, publicJwk, keyId}, made once and kept. */
export function identity(uid) {
  if (!identities.has(uid)) {
    identities.set(uid, (async () => {
      let pair = await stored('identity', uid);
      if (!pair) {
        const generated = await crypto.subtle.generateKey(EC, false, ['deriveBits']);
        pair = { privateKey: generated.privateKey, publicKey: generated.publicKey };
        await stored('identity', uid, pair);
      }
      const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
      const publicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
      return { privateKey: pair.privateKey, publicJwk, keyId: await thumbprint(publicJwk) };
    })());
  }
  return identities.get(uid);
}

const published = new Map();

/** Publishes this browser's public key for the account (once per page; the server call is idempotent). */
export function publishIdentity(uid) {
  if (!published.has(uid)) {
    published.set(uid, identity(uid).then((me) => call('PUT', `/me/keys/${me.keyId}`,
      { body: { public_key: me.publicJwk, label: 'Web browser' } }).then(() => me)).catch((error) => {
      published.delete(uid);
      throw error;
    }));
  }
  return published.get(uid);
}

// ------------------------------------------------------------------ the plan page's part

/**
 * The plan's key for this browser: from the tab or IndexedDB, else unwrapped from my_wrapped_keys
 * (checked against the note before it is kept). Null when nobody has wrapped it for this browser yet.
 */
export async function planKey(uid, n) {
  const held = await heldPlanKey(uid, n.id);
  if (held) return held;
  const me = await publishIdentity(uid);
  const mine = (n.my_wrapped_keys || []).find((w) => w.recipient_key_id === me.keyId);
  if (!mine) return null;
  let text;
  try {
    text = toBase64Url(await unwrapPlanKey(mine.wrapped_key, mine.wrapped_key_version, n.id, me));
  } catch (error) {
    throw new Error(error.message.includes('newer app') ? error.message
      : 'The key shared with this browser does not open this plan\'s note. Remove this browser\'s key and sign in again.');
  }
  if (n.encrypted_payload) await decryptNote(text, n.id, n.encrypted_payload, n.encrypted_blob_version);
  await keepPlanKey(uid, n.id, text);
  return text;
}

/**
 * Wraps the plan key for every participant key that lacks it and uploads them; if someone else
 * wrapped one meanwhile (409), reads the keys again and retries once. Returns the keys it saw.
 */
export async function shareWithParticipants(n, keyText) {
  const planKeyBytes = fromBase64Url(keyText);
  for (let attempt = 0; attempt < 2; attempt++) {
    const { data: keys } = await call('GET', `/negotiations/${n.id}/keys`);
    const missing = keys.filter((k) => !k.wrapped);
    if (!missing.length) return keys;
    const items = [];
    for (const k of missing) {
      items.push({ recipient_key_id: k.key_id, wrapped_key: await wrapPlanKey(planKeyBytes, n.id, k.public_key), wrapped_key_version: WRAP_VERSION });
    }
    try {
      for (let i = 0; i < items.length; i += 100) {
        await call('PUT', `/negotiations/${n.id}/wrapped-keys`, { body: items.slice(i, i + 100) });
      }
      return keys.map((k) => ({ ...k, wrapped: true }));
    } catch (error) {
      if (error.code !== 'CONFLICT' && error.code !== 'UNKNOWN_KEY') throw error;
    }
  }
  return (await call('GET', `/negotiations/${n.id}/keys`)).data;
}
