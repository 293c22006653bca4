// The doctor's desk: today's sessions, each patient in number order with a masked name, and the
// moves of the day (check in, call next, complete, no-show once the session has started), plus a
// request to stop the clinic.
import { createApi, segment } from '../shared/api.js';
import { el, field, fill, show, problemNotice } from '../shared/dom.js';
import { loadHospitalClock } from '../shared/hospital-clock.js';
import { createText } from '../shared/i18n.js';
import { problemText } from '../shared/problem-text.js';
import { createSession } from '../shared/session.js';
import { showStaffSignIn } from '../shared/staff-sign-in.js';
import { doctorText } from './text.js';

const RefreshMs = 15000;
const session = createSession('doctor');
const text = createText(doctorText);
const { t } = text;
const main = document.getElementById('main');
const app = { api: createApi(session), t, main, clock: null };
let refreshTimer = null;

function drawNav() {
  document.getElementById('title').textContent = t('title');
  document.title = t('title');
  fill(document.getElementById('nav'),
    session.signedIn ? el('button', { type: 'button', onclick: signOut }, t('nav.signOut')) : null,
    text.switchButton(start));
}

async function signOut() {
  await app.api.signOut().catch(() => {});
  start();
}

async function start() {
  clearInterval(refreshTimer);
  drawNav();
  if (!session.signedIn) return showStaffSignIn(app, start);
  try {
    app.clock ??= await loadHospitalClock(app.api);
    const account = await app.api.get('/api/auth/account');
    app.doctorId = account.doctorId;
    app.doctorName = account.displayName;
    await drawDay();
    refreshTimer = setInterval(() => drawDay(false).catch(() => {}), RefreshMs);
  } catch (error) {
    // The tokens no longer work (signed out by an admin, a password reset, refresh refused): sign in again.
    if (error.status === 401) {
      session.clear();
      return start();
    }
    main.replaceChildren(problemNotice(problemText(t, error)));
  }
}

async function drawDay(moveFocus = true) {
  const today = app.clock.today();
  const day = await app.api.get(`/api/doctors/${segment(app.doctorId)}/days/${today}`);
  const status = el('div', { role: 'status', id: 'desk-status' });
  const nodes = [
    el('h2', {}, t('day.heading', `${app.doctorName} · ${today}`)),
    el('div', { class: 'row' }, el('button', { type: 'button', class: 'secondary', onclick: () => drawDay() }, t('day.refresh'))),
    status,
    day.sessions.length === 0 ? el('p', { class: 'muted' }, t('day.none')) : day.sessions.map((list) => sessionCard(list, status)),
  ];
  const previous = main.querySelector('#desk-status')?.cloneNode(true);
  if (moveFocus) show(main, ...nodes);
  else fill(main, ...nodes);
  if (previous) status.replaceChildren(...previous.childNodes);
}

function hasStarted(pool) {
  // The pool's instants carry the hospital's offset (+08:00); its date and start time are local to it.
  const offset = pool.releaseAt.slice(-6);
  return app.clock.now() >= Date.parse(`${pool.date}T${pool.startTime}:00${offset}`);
}

function sessionCard(list, status) {
  const { pool } = list;
  const started = hasStarted(pool);
  const base = `/api/pools/${segment(pool.poolId)}`;
  const act = (path, after) => async (event) => {
    event.currentTarget.disabled = true;
    try {
      const result = await app.api.post(`${base}${path}`);
      await drawDay(false);
      const message = after?.(result);
      document.getElementById('desk-status').replaceChildren(message ? el('p', { class: 'notice' }, message) : '');
    } catch (error) {
      await drawDay(false).catch(() => {});
      document.getElementById('desk-status').replaceChildren(problemNotice(problemText(t, error)));
    }
  };
  const nameOf = (r) => list.patientNames[r.patientId] ?? '—';

  const row = (r) => {
    const move = (name, label) => el('button', { type: 'button', class: 'secondary', 'aria-label': `${label} ${r.sequenceNumber}`,
      onclick: act(`/reservations/${segment(r.reservationId)}/${name}`) }, label);
    return el('tr', { 'data-number': r.sequenceNumber },
      el('td', {}, String(r.sequenceNumber)),
      el('td', {}, nameOf(r)),
      el('td', {}, t(`status.${r.status}`)),
      el('td', {}, app.clock.time(r.visitTime)),
      el('td', { class: 'row' },
        r.status === 'booked' ? move('check-in', t('action.checkIn')) : null,
        r.status === 'in_consultation' ? move('complete', t('action.complete')) : null,
        started && (r.status === 'booked' || r.status === 'checked_in') ? move('no-show', t('action.noShow')) : null));
  };

  const reason = el('textarea', { rows: 2, maxlength: 500, required: true });
  const stopForm = el('form', { class: 'stack' }, el('h3', {}, t('stop.heading')), field(t('stop.reason'), reason),
    el('button', { type: 'submit', class: 'secondary' }, t('stop.submit')));
  stopForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await app.api.post(`${base}/stop-clinic-requests`, { reason: reason.value });
      stopForm.replaceChildren(el('p', { class: 'notice', role: 'status' }, t('stop.sent')));
    } catch (error) {
      stopForm.append(problemNotice(problemText(t, error)));
    }
  });

  return el('section', { class: 'card', 'data-pool': pool.poolId, 'aria-label': `${t(`session.${pool.session}`)} ${pool.startTime}` },
    el('h3', {}, t('session.heading', t(`session.${pool.session}`), pool.startTime)),
    el('p', { class: 'muted' }, t('session.counts', list.booked, list.waiting, list.inConsultation, list.completed, list.noShows)),
    el('div', { class: 'row' }, el('button', { type: 'button', onclick: act('/call-next', (r) => t('called', r.sequenceNumber, nameOf(r))) }, t('action.callNext'))),
    el('div', { class: 'table-scroll' }, el('table', {},
      el('thead', {}, el('tr', {}, ['col.number', 'col.patient', 'col.status', 'col.time', 'col.actions'].map((c) => el('th', { scope: 'col' }, t(c))))),
      el('tbody', {}, list.reservations.map(row)))),
    pool.status === 'cancelled' ? null : stopForm);
}

start();
