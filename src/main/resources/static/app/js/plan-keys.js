// The keys of plans' private notes that this browser holds, kept across tabs and sessions in
// IndexedDB. At rest a plan key is never stored in the clear: it is sealed (AES-GCM) under this
// browser's device key, a non-extractable WebCrypto key that IndexedDB keeps as an opaque object
// and that no script can read out. Unsealing gives the plan key back as text for the one place
// that needs it whole: the #k= part of an invite link made later.
// One small module on purpose: key sharing between participants' devices takes it over.

const DB_NAME = 'kairos-keys';
const DEVICE = 'device';
const PLANS = 'plan-keys';
const encoder = new TextEncoder();
let dbPromise = null;
let deviceKeyPromise = null;
const cache = new Map();

function open() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(DEVICE);
        request.result.createObjectStore(PLANS);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return dbPromise;
}

async function tx(store, mode, action) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const request = action(db.transaction(store, mode).objectStore(store));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function deviceKey() {
  if (!deviceKeyPromise) {
    deviceKeyPromise = (async () => {
      const stored = await tx(DEVICE, 'readonly', (s) => s.get('key'));
      if (stored) return stored;
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await tx(DEVICE, 'readwrite', (s) => s.put(key, 'key'));
      return key;
    })();
  }
  return deviceKeyPromise;
}

const aad = (planId) => encoder.encode('kairos-plan-key-v1:' + planId);

/** Keeps a plan's note key (base64url text, as in #k=) for this browser. */
export async function rememberPlanKey(planId, keyText) {
  if (!keyText) return;
  cache.set(planId, keyText);
  try {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(planId) },
      await deviceKey(), encoder.encode(keyText));
    await tx(PLANS, 'readwrite', (s) => s.put({ iv, sealed }, planId));
  } catch {
    // No IndexedDB (e.g. a private window that refuses it): the key stays for this page only.
  }
}

/** The plan's note key as text, or null when this browser never held it. */
export async function planKey(planId) {
  if (cache.has(planId)) return cache.get(planId);
  try {
    const stored = await tx(PLANS, 'readonly', (s) => s.get(planId));
    if (!stored) return null;
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: stored.iv, additionalData: aad(planId) },
      await deviceKey(), stored.sealed);
    const text = new TextDecoder().decode(plain);
    cache.set(planId, text);
    return text;
  } catch {
    return null;
  }
}
