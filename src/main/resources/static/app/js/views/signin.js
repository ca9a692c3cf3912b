import { h, replace } from '../dom.js';
import { field, formError, busy, clearErrors } from '../forms.js';
import { clientConfig, signInLocally, signInWithPassword } from '../auth.js';
import { saveSession } from '../session.js';
import { call } from '../api.js';

function placeError(form, error) {
  clearErrors(form);
  const target = error.field ? form.querySelector(`[data-field="${error.field}"] > .error`) : null;
  (target || form.querySelector('.form-error')).textContent = error.message;
}

/** Completes a sign-in: learns the user's profile (provisioned on this first call) and sets its name. */
async function finish(session, displayName, onSignedIn) {
  saveSession(session);
  let me = (await call('GET', '/me')).data;
  if (displayName && me.display_name !== displayName) {
    me = (await call('PATCH', '/me', { body: { display_name: displayName } })).data;
  }
  saveSession({ ...session, uid: me.user_id, name: me.display_name || session.name });
  onSignedIn();
}

export function renderSignIn(main, onSignedIn, invited) {
  const intro = invited ? 'Sign in to see the plan you were invited to.' : 'Sign in to plan meetups with friends.';
  replace(main, h('h1', null, 'Sign in'), h('p', null, intro), h('p', null, 'Loading sign-in options…'));
  clientConfig().then((config) => {
    replace(main, h('h1', null, 'Sign in'), h('p', null, intro));
    if (config.sign_in === 'local') {
      const name = h('input', { type: 'text', id: 'signin-name', autocomplete: 'nickname', maxlength: '80', required: true });
      const submit = h('button', { type: 'submit', class: 'primary', id: 'signin-submit' }, 'Sign in');
      const form = h('form', { id: 'signin-form', novalidate: true },
        h('p', { class: 'hint' }, 'Local development: the service issues a test token for the name you choose. The same name signs you in as the same person.'),
        field('Display name', name, 'name'), formError(), submit);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        busy(submit, async () => {
          try {
            await finish(await signInLocally(name.value), name.value.trim(), onSignedIn);
          } catch (error) {
            placeError(form, error);
          }
        });
      });
      main.append(form);
      name.focus();
    } else if (config.sign_in === 'firebase' || config.sign_in === 'emulator') {
      const email = h('input', { type: 'email', id: 'signin-email', autocomplete: 'email', required: true });
      const password = h('input', { type: 'password', id: 'signin-password', autocomplete: 'current-password', required: true });
      const displayName = h('input', { type: 'text', id: 'signin-display-name', autocomplete: 'nickname', maxlength: '80' });
      const signIn = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
      const create = h('button', { type: 'button', class: 'secondary' }, 'Create an account');
      const form = h('form', { id: 'signin-form', novalidate: true },
        config.sign_in === 'emulator' ? h('p', { class: 'hint' }, 'Firebase Auth Emulator: accounts are local test accounts.') : null,
        field('Email', email, 'email'), field('Password', password, 'password'),
        field('Display name (new accounts)', displayName, 'display_name'), formError(), signIn, ' ', create);
      const go = (button, createAccount) => busy(button, async () => {
        try {
          const session = await signInWithPassword(config, email.value.trim(), password.value, { create: createAccount });
          await finish(session, displayName.value.trim() || null, onSignedIn);
        } catch (error) {
          placeError(form, error);
        }
      });
      form.addEventListener('submit', (event) => { event.preventDefault(); go(signIn, false); });
      create.addEventListener('click', () => go(create, true));
      main.append(form);
      email.focus();
    } else {
      main.append(h('p', { class: 'error' }, 'Web sign-in is not configured on this server (set FIREBASE_WEB_API_KEY).'));
    }
  }).catch(() => main.append(h('p', { class: 'error', role: 'alert' }, 'The service cannot be reached.')));
  return null;
}
