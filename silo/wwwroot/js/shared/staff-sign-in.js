// The sign-in form of the doctor's and the admin's pages (staff sign in with a user name and password).
import { el, field, show } from './dom.js';
import { problemText } from './problem-text.js';

export function showStaffSignIn(app, onSignedIn) {
  const { t } = app;
  const login = el('input', { autocomplete: 'username', required: true });
  const password = el('input', { type: 'password', autocomplete: 'current-password', required: true });
  const button = el('button', { type: 'submit' }, t('signIn.submit'));
  const status = el('div', { role: 'status' });
  const form = el('form', { class: 'stack' }, field(t('signIn.login'), login), field(t('signIn.password'), password), button, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      await app.api.signIn(login.value, password.value);
      await onSignedIn();
    } catch (error) {
      status.replaceChildren(el('p', { class: 'notice problem', role: 'alert' }, problemText(t, error)));
      button.disabled = false;
    }
  });
  show(app.main, el('h2', {}, t('signIn.heading')), form);
}
