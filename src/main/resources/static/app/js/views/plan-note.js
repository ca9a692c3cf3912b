// The plan page's private note: decrypted with the plan key this browser holds (from a link, made
// here, or wrapped for this browser's key by another participant); once read, the key is wrapped
// for every participant key still lacking it. Shows the key fingerprints people can compare.
import { h, replace } from '../dom.js';
import { decryptNote } from '../note-crypto.js';
import { planKey, shareWithParticipants, publishIdentity, fingerprint } from '../keys.js';
import { keepPlanKey } from '../key-store.js';

const WAITING = 'This plan has a private note. Waiting for someone who has the key to open the plan: '
  + 'it is shared with this browser then, and the note appears here.';

function keyList(keys, me, myKeyId) {
  if (!keys) return null;
  return h('details', { id: 'plan-keys' }, h('summary', null, 'Security keys'),
    h('p', { class: 'hint' }, 'Compare these with what each person sees on their own device. A key you do not '
      + 'recognise means someone other than that person could read notes shared from now on.'),
    h('p', null, 'This browser: ', h('code', { id: 'my-key-fingerprint' }, fingerprint(myKeyId))),
    h('ul', { class: 'keys' }, keys.map((k) => h('li', { class: 'participant-key', 'data-user': k.user_id },
      `${k.user_id === me ? 'You' : k.user_id}${k.label ? ` (${k.label})` : ''}: `, h('code', null, fingerprint(k.key_id))))));
}

/** Renders the note of negotiation n into the element; state is the view's memo ({noteFor}). */
export async function renderPlanNote(element, n, me, state) {
  // A key wrapped for this browser does not change the plan's revision, so it is part of the marker.
  const marker = `${n.encrypted_payload}|${n.revision}|${(n.my_wrapped_keys || []).length}`;
  if (state.noteFor === marker) return;
  state.noteFor = marker;
  state.waitingForKey = false;
  if (!n.encrypted_payload) {
    replace(element);
    return;
  }
  let key;
  try {
    key = await planKey(me, n);
  } catch (error) {
    replace(element, h('h2', null, 'Private note'), h('p', { class: 'error', id: 'note-status' }, error.message));
    return;
  }
  if (!key) {
    state.waitingForKey = true;
    replace(element, h('h2', null, 'Private note'), h('p', { class: 'muted', id: 'note-status' }, WAITING));
    return;
  }
  let text;
  try {
    text = await decryptNote(key, n.id, n.encrypted_payload, n.encrypted_blob_version);
  } catch (error) {
    replace(element, h('h2', null, 'Private note'), h('p', { class: 'error', id: 'note-status' }, error.message));
    return;
  }
  replace(element, h('h2', null, 'Private note'), h('p', { id: 'note-text', class: 'note' }, text),
    h('p', { class: 'hint' }, 'End-to-end encrypted: only the people in this plan can read it, on their own devices.'));
  try {
    // Only a key that opened the note is kept for later tabs and sessions (a link's key may be damaged).
    await keepPlanKey(me, n.id, key);
    const myKey = await publishIdentity(me);
    const keys = await shareWithParticipants(n, key);
    if (state.noteFor === marker) element.append(keyList(keys, me, myKey.keyId));
  } catch {
    // Sharing is retried the next time the plan changes or is opened; the note is shown regardless.
  }
}
