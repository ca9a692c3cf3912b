// End-to-end encryption of a plan's private note (docs/encryption.md). AES-256-GCM through WebCrypto
// under a random key that exists only in this browser and in the invite link's fragment (#k=…).
// Blob layout (encrypted_blob_version 1): base64(iv[12] || ciphertext || tag[16]) of the UTF-8 JSON
// {"note": "…"}, with the negotiation id bound as additional data so a blob cannot be moved to
// another plan.

export const BLOB_VERSION = 1;
const IV_BYTES = 12;
const encoder = new TextEncoder();

function toBase64(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text) {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const toBase64Url = (bytes) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text) => fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));

function additionalData(negotiationId) {
  return encoder.encode('kairos-note-v1:' + negotiationId);
}

/** A new random 256-bit key, base64url (what goes after #k=). */
export function newNoteKey() {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

async function importKey(keyText, usage) {
  let raw;
  try {
    raw = fromBase64Url(keyText);
  } catch {
    throw new Error('The link\'s key is damaged.');
  }
  if (raw.length !== 32) throw new Error('The link\'s key is damaged.');
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, [usage]);
}

export async function encryptNote(keyText, negotiationId, note) {
  const key = await importKey(keyText, 'encrypt');
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plaintext = encoder.encode(JSON.stringify({ note }));
  const sealed = new Uint8Array(await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(negotiationId) }, key, plaintext));
  const blob = new Uint8Array(IV_BYTES + sealed.length);
  blob.set(iv);
  blob.set(sealed, IV_BYTES);
  return toBase64(blob);
}

/** The note, or an Error whose message says why it cannot be read. */
export async function decryptNote(keyText, negotiationId, payload, version) {
  if (version !== BLOB_VERSION) throw new Error('The note was written by a newer app and cannot be read here.');
  const key = await importKey(keyText, 'decrypt');
  const blob = fromBase64(payload);
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: blob.subarray(0, IV_BYTES), additionalData: additionalData(negotiationId) },
      key, blob.subarray(IV_BYTES));
    return JSON.parse(new TextDecoder().decode(plaintext)).note;
  } catch {
    throw new Error('The note cannot be decrypted: the link\'s key does not match it.');
  }
}
