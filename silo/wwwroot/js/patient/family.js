// The patients an account books for (family members), and adding one with real-name data.
import { el, field, show } from '../shared/dom.js';

export async function showFamily(app) {
  const { t } = app;
  if (!app.session.signedIn) return app.go('#/account');
  const patients = await app.api.get('/api/account/patients');
  const name = el('input', { autocomplete: 'name', required: true, maxlength: 64 });
  const residentId = el('input', { required: true, minlength: 18, maxlength: 18, autocomplete: 'off' });
  const phone = el('input', { type: 'tel', inputmode: 'numeric', required: true, maxlength: 11 });
  const status = el('div', { role: 'status' });
  const button = el('button', { type: 'submit' }, t('family.add'));
  const form = el('form', { class: 'stack' },
    el('h3', {}, t('family.add')),
    field(t('family.name'), name), field(t('family.residentId'), residentId), field(t('family.phone'), phone),
    button, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      const answer = await app.api.post('/api/account/patients', { name: name.value, residentId: residentId.value, phone: phone.value });
      // One patient per person: someone registered here already is attached only with the code sent to their phone on file.
      if (answer.status === 'verification_required') return status.replaceChildren(claimForm(app, residentId.value, answer.sentTo));
      await added(app, answer);
    } catch (error) {
      status.replaceChildren(app.problem(error));
      button.disabled = false;
    }
  });
  show(app.main,
    el('h2', {}, t('family.heading')),
    patients.length === 0
      ? el('p', { class: 'muted' }, t('family.none'))
      : el('ul', { class: 'cards' }, patients.map((p) => el('li', { class: 'card' }, el('h3', {}, p.name), el('p', { class: 'muted' }, `${p.residentId} · ${p.phone}`)))),
    form);
}

async function added(app, patient) {
  const next = app.state.afterFamily;
  delete app.state.afterFamily;
  if (next) return app.go(next);
  await showFamily(app);
  app.main.querySelector('[role=status]').replaceChildren(el('p', {}, app.t('family.added', patient.name)));
}

function claimForm(app, residentId, sentTo) {
  const { t } = app;
  const code = el('input', { inputmode: 'numeric', autocomplete: 'one-time-code', required: true, minlength: 6, maxlength: 6 });
  const status = el('div', { role: 'status' });
  const button = el('button', { type: 'submit' }, t('family.claim'));
  const form = el('form', { class: 'stack' }, el('p', {}, t('family.claimSent', sentTo)), field(t('family.code'), code), button, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      await added(app, await app.api.post('/api/account/patients/claims', { residentId, code: code.value }));
    } catch (error) {
      status.replaceChildren(app.problem(error));
      button.disabled = false;
    }
  });
  return form;
}
