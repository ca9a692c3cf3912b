// What this browser keeps of its keys, in one IndexedDB database, per signed-in account:
// - 'identity': the account's ECDH key pair, whose private key is non-extractable (no script can
//   read it out), made once per browser and account;
// - 'device': one non-extractable AES-GCM key that seals plan keys at rest;
// - 'plan-keys': each plan key the account holds here, sealed under the device key, so no plan key
//   is ever stored in the clear. Unsealing gives it back as text for the places that need it
//   whole: wrapping it for participants and the #k= part of an invite link.
// A page keeps the keys it has unsealed in memory. Nothing here is ever logged.

const DB_NAME = 'kairos-keys';
const DB_VERSION = 2;
const STORES = ['identity', 'device', 'plan-keys'];
const encoder = new TextEncoder();
const planKeys = new Map();
let dbPromise = null;
let deviceKeyPromise = null;

function database() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        for (const store of STORES) {
          if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
        }
      };
      request.onsuccess = () => {
        // Another tab opening a newer version of the database must not wait for this one.
        request.result.onversionchange = () => { request.result.close(); dbPromise = null; };
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    });
    dbPromise.catch(() => { dbPromise = null; });
  }
  return dbPromise;
}

/** Reads `key` from `store`, or writes `value` there when one is given. */
export async function stored(store, key, value) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, value === undefined ? 'readonly' : 'readwrite');
    const request = value === undefined ? tx.objectStore(store).get(key) : tx.objectStore(store).put(value, key);
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
  });
}

function deviceKey() {
  if (!deviceKeyPromise) {
    deviceKeyPromise = (async () => {
      const kept = await stored('device', 'key');
      if (kept) return kept;
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await stored('device', 'key', key);
      return key;
    })();
    deviceKeyPromise.catch(() => { deviceKeyPromise = null; });
  }
  return deviceKeyPromise;
}

const slot = (uid, planId) => `${uid}/${planId}`;
const aad = (uid, planId) => encoder.encode(`kairos-plan-key-v1:${uid}/${planId}`);

/** Holds a plan key (base64url text, as in #k=) for this page only: a link's key until it opens the note. */
export function holdPlanKey(uid, planId, keyText) {
  if (keyText) planKeys.set(slot(uid, planId), keyText);
}

/** Keeps a plan key (base64url text) for this account in this browser, across tabs and sessions. */
export async function keepPlanKey(uid, planId, keyText) {
  if (!keyText) return;
  planKeys.set(slot(uid, planId), keyText);
  try {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(uid, planId) },
      await deviceKey(), encoder.encode(keyText));
    await stored('plan-keys', slot(uid, planId), { iv, sealed });
  } catch {
    // No IndexedDB (a private window may refuse it): the key stays with this page only.
  }
}

/** The plan key this account holds in this browser, as text, or null. */
export async function heldPlanKey(uid, planId) {
  const inPage = planKeys.get(slot(uid, planId));
  if (inPage) return inPage;
  try {
    const kept = await stored('plan-keys', slot(uid, planId));
    if (!kept || !kept.sealed) return null;
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: kept.iv, additionalData: aad(uid, planId) },
      await deviceKey(), kept.sealed);
    const text = new TextDecoder().decode(plain);
    planKeys.set(slot(uid, planId), text);
    return text;
  } catch {
    return null;
  }
}
