// Pools: a doctor's sessions, and one pool changed live (quota, release time) or its clinic stopped.
import { segment } from '../shared/api.js';
import { el, field, show } from '../shared/dom.js';
import { onSubmit, savedNotice } from './actions.js';

export async function showPools(app) {
  const { t } = app;
  const doctors = await app.api.get('/api/doctors');
  const doctor = el('select', {}, doctors.map((d) => el('option', { value: d.doctorId }, `${d.name} (${d.departmentId})`)));
  const poolId = el('input', { autocomplete: 'off' });
  const sessions = el('div');
  const byDoctor = el('form', { class: 'stack' }, field(t('pools.doctor'), doctor), el('button', { type: 'submit' }, t('pools.show')));
  byDoctor.addEventListener('submit', async (event) => {
    event.preventDefault();
    const calendar = await app.api.get(`/api/doctors/${segment(doctor.value)}/calendar`);
    sessions.replaceChildren(el('ul', { class: 'cards' }, calendar.sessions.map((p) => el('li', { class: 'card' },
      el('a', { href: `#/pools/${segment(p.poolId)}` }, `${p.date} ${t(`session.${p.session}`)}`),
      el('p', {}, t('rush.left', p.remaining, p.quota), ' · ', p.status)))));
  });
  const byId = el('form', { class: 'stack' }, field(t('pools.find'), poolId), el('button', { type: 'submit' }, t('pools.open')));
  byId.addEventListener('submit', (event) => {
    event.preventDefault();
    app.go(`#/pools/${segment(poolId.value.trim())}`);
  });
  show(app.main, el('h2', {}, t('pools.heading')), byId, byDoctor, sessions);
}

export async function showPool(app, poolId) {
  const { t } = app;
  const path = `/api/admin/pools/${segment(poolId)}`;
  let pool = await app.api.get(`/api/pools/${segment(poolId)}`);
  const state = el('p', { role: 'status' });
  const status = el('div', { role: 'status' });
  const describe = () => {
    state.textContent = t('pool.state', pool.date, t(`session.${pool.session}`), pool.booked, pool.quota, pool.remaining, pool.status,
      `${app.clock.date(pool.releaseAt)} ${app.clock.time(pool.releaseAt)}`);
  };
  describe();

  const change = (form, body, done = (p) => { pool = p; describe(); status.replaceChildren(savedNotice(t('pool.saved'))); }) =>
    onSubmit(app, form, status, async () => done(await body()));

  const quota = el('input', { type: 'number', min: 1, max: 10000, required: true, value: pool.quota });
  const releaseAt = el('input', { required: true, value: pool.releaseAt, autocomplete: 'off' });
  const reason = el('textarea', { rows: 2, maxlength: 500, required: true });
  show(app.main,
    el('h2', {}, t('pool.heading', poolId)),
    state,
    status,
    change(el('form', { class: 'stack' }, field(t('pool.quota'), quota), el('button', { type: 'submit' }, t('pool.saveQuota'))),
      () => app.api.patch(path, { quota: Number(quota.value) })),
    change(el('form', { class: 'stack' }, field(t('pool.releaseAt'), releaseAt), el('button', { type: 'submit' }, t('pool.saveRelease'))),
      () => app.api.patch(path, { releaseAt: releaseAt.value.trim() })),
    change(el('form', { class: 'stack' }, field(t('pool.stopReason'), reason), el('button', { type: 'submit', class: 'secondary' }, t('pool.stop'))),
      () => app.api.post(`${path}/stop-clinic`, { reason: reason.value }),
      (stopped) => { pool = stopped.pool; describe(); status.replaceChildren(savedNotice(t('pool.stopped', stopped.patientsNotified))); }),
    el('p', {}, el('a', { href: '#/rush' }, t('nav.rush'))));
}
