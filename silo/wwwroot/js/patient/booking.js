// Booking one session for one of the account's patients, and the confirmation that follows.
import { segment } from '../shared/api.js';
import { el, field, show } from '../shared/dom.js';
import { bookingIntents } from './booking-intents.js';
import { cancellationNote } from './cancellation-note.js';
import { paymentStep } from './payment-step.js';
import { sessionStatusText } from './session-status.js';

const MaxTries = 4;

export async function showBooking(app, poolId) {
  const { t } = app;
  if (!app.session.signedIn) {
    app.state.afterSignIn = `#/book/${segment(poolId)}`;
    show(app.main, el('h2', {}, t('book.heading')), el('p', {}, t('book.signInFirst')),
      el('a', { class: 'button', href: '#/account' }, t('nav.signIn')));
    return;
  }
  const [pool, patients] = await Promise.all([app.api.get(`/api/pools/${segment(poolId)}`), app.api.get('/api/account/patients')]);
  if (patients.length === 0) {
    app.state.afterFamily = `#/book/${segment(poolId)}`;
    show(app.main, el('h2', {}, t('book.heading')), el('p', {}, t('book.noPatients')),
      el('a', { class: 'button', href: '#/family' }, t('book.addPatient')));
    return;
  }
  const doctor = app.state.doctor?.doctorId === pool.doctorId ? app.state.doctor : await app.api.get(`/api/doctors/${segment(pool.doctorId)}`);

  const patient = el('select', { required: true }, patients.map((p) => el('option', { value: p.patientId }, p.name)));
  const button = el('button', { type: 'submit' }, t('book.confirm'));
  const status = el('div', { role: 'status' });
  const form = el('form', { class: 'stack' },
    el('p', {}, el('strong', {}, doctor.name), ' · ', t(`title.${doctor.title}`)),
    el('p', {}, t('book.session', pool.date, t(`session.${pool.session}`), pool.startTime)),
    el('p', {}, t('book.fee', pool.fee), ' · ', sessionStatusText(app, pool)),
    field(t('book.for'), patient),
    button,
    status);

  let inFlight = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // A second tap while the first is on its way does nothing; one after a failure reuses its key.
    if (inFlight) return;
    inFlight = true;
    button.disabled = true;
    status.replaceChildren(el('p', {}, t('book.booking')));
    try {
      app.state.booked = { reservation: await book(app, pool.poolId, patient.value, status), pool, doctor,
        patient: patients.find((p) => p.patientId === patient.value) };
      app.go('#/confirmation');
    } catch (error) {
      status.replaceChildren(app.problem(error));
      button.textContent = error.retryable ? t('book.retry') : t('book.confirm');
      button.disabled = false;
    } finally {
      inFlight = false;
    }
  });
  show(app.main, el('h2', {}, t('book.heading')), form);
}

async function book(app, poolId, patientId, status) {
  const key = bookingIntents.keyFor(poolId, patientId);
  for (let attempt = 1; ; attempt++) {
    try {
      const reservation = await app.api.post(`/api/pools/${segment(poolId)}/reservations`, { patientId }, { 'Idempotency-Key': key });
      bookingIntents.settle(poolId, patientId);
      return reservation;
    } catch (error) {
      if (!error.retryable) bookingIntents.settle(poolId, patientId);
      if (!error.retryable || attempt >= MaxTries) throw error;
      status.replaceChildren(el('p', {}, app.t('book.retrying')));
      // The silo's Retry-After when it gave one, else a short growing pause with jitter, so a
      // crowd of retries does not arrive in step.
      const seconds = error.retryAfterSeconds ?? attempt * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}

export function showConfirmation(app) {
  const { t } = app;
  const booked = app.state.booked;
  if (!booked) return app.go('#/appointments');
  const { reservation, pool, doctor, patient } = booked;
  const payment = paymentStep(app, reservation);
  show(app.main,
    el('h2', {}, t(payment ? 'pay.heading' : 'confirmation.heading')),
    payment,
    el('section', { class: 'card notice', 'data-reservation': reservation.reservationId },
      el('p', { class: 'big' }, t('confirmation.number', reservation.sequenceNumber)),
      el('p', {}, `${doctor.name} · ${pool.date} ${t(`session.${pool.session}`)} · ${patient.name}`),
      el('p', {}, t('confirmation.visit', app.clock.date(reservation.visitTime), app.clock.time(reservation.visitTime))),
      el('p', {}, cancellationNote(app, reservation))),
    el('p', {}, el('a', { class: 'button', href: '#/appointments' }, t('confirmation.mine'))));
}
