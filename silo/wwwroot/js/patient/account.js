// Signing in (password or SMS code) and signing up (SMS code, then a password).
import { el, field, show } from '../shared/dom.js';

export function showAccount(app) {
  const { t } = app;
  const after = () => {
    const next = app.state.afterSignIn ?? '#/appointments';
    delete app.state.afterSignIn;
    app.onSignedIn();
    app.go(next);
  };
  const status = el('div', { role: 'status' });
  const guard = (action) => async (event) => {
    event.preventDefault();
    const button = event.submitter ?? event.currentTarget;
    button.disabled = true;
    try {
      await action(event);
    } catch (error) {
      status.replaceChildren(app.problem(error));
    } finally {
      button.disabled = false;
    }
  };
  const mobileInput = () => el('input', { type: 'tel', inputmode: 'numeric', autocomplete: 'tel', required: true, pattern: '1[3-9][0-9]{9}', maxlength: 11 });

  // Sign in: a password, or a code sent by SMS.
  const signInMobile = mobileInput();
  const signInPassword = el('input', { type: 'password', autocomplete: 'current-password' });
  const signInCode = el('input', { inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 8 });
  const signIn = el('form', { class: 'stack', 'aria-labelledby': 'sign-in-heading' },
    el('h2', { id: 'sign-in-heading' }, t('account.signInHeading')),
    field(t('account.mobile'), signInMobile),
    field(t('account.password'), signInPassword),
    el('button', { type: 'submit', name: 'password' }, t('account.signIn')),
    field(t('account.code'), signInCode),
    el('div', { class: 'row' },
      el('button', { type: 'button', class: 'secondary', onclick: guard(async () => {
        await app.api.post('/api/auth/sign-in-codes', { mobile: signInMobile.value });
        status.replaceChildren(el('p', {}, t('account.codeSent')));
      }) }, t('account.sendCode')),
      el('button', { type: 'button', onclick: guard(async () => {
        app.session.save(await app.api.post('/api/auth/sign-in/code', { mobile: signInMobile.value, code: signInCode.value }));
        after();
      }) }, t('account.signInByCode'))));
  signIn.addEventListener('submit', guard(async () => {
    await app.api.signIn(signInMobile.value, signInPassword.value);
    after();
  }));

  // Sign up: the code proves the number, then the password is set and the account signed in.
  const upMobile = mobileInput();
  const upCode = el('input', { inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 8, required: true });
  const upPassword = el('input', { type: 'password', autocomplete: 'new-password', minlength: 8, required: true });
  const signUp = el('form', { class: 'stack', 'aria-labelledby': 'sign-up-heading' },
    el('h2', { id: 'sign-up-heading' }, t('account.signUpHeading')),
    field(t('account.mobile'), upMobile),
    el('button', { type: 'button', class: 'secondary', onclick: guard(async () => {
      await app.api.post('/api/auth/registration-codes', { mobile: upMobile.value });
      status.replaceChildren(el('p', {}, t('account.codeSent')));
    }) }, t('account.sendCode')),
    field(t('account.code'), upCode),
    field(t('account.password'), upPassword),
    el('button', { type: 'submit' }, t('account.signUp')));
  signUp.addEventListener('submit', guard(async () => {
    await app.api.post('/api/auth/register', { mobile: upMobile.value, code: upCode.value, password: upPassword.value });
    await app.api.signIn(upMobile.value, upPassword.value);
    app.state.afterSignIn ??= '#/family';
    after();
  }));

  show(app.main, status, signIn, el('hr'), signUp);
}
