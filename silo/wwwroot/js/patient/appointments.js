// "My appointments": every patient of the account with their upcoming numbers, cancellable while the silo says so.
import { segment } from '../shared/api.js';
import { el, show } from '../shared/dom.js';
import { cancellationNote } from './cancellation-note.js';

export async function showAppointments(app) {
  const { t } = app;
  if (!app.session.signedIn) return app.go('#/account');
  const [patients, doctors] = await Promise.all([app.api.get('/api/account/patients'), app.api.get('/api/doctors')]);
  const doctorNames = new Map(doctors.map((d) => [d.doctorId, d.name]));
  const lists = await Promise.all(patients.map((p) => app.api.get(`/api/patients/${segment(p.patientId)}/appointments`)));
  const rows = patients.flatMap((patient, i) => lists[i].map((appointment) => ({ patient, appointment })));

  const row = ({ patient, appointment: a }) => {
    const when = `${a.date} ${t(`session.${a.session}`)}`;
    const actions = el('div', { class: 'row' });
    const item = el('li', { class: 'card', 'data-reservation': a.reservationId },
      el('h3', {}, `${doctorNames.get(a.doctorId) ?? a.doctorId} · ${when}`),
      el('p', {}, t('confirmation.number', a.sequenceNumber), ' · ', t(`status.${a.status}`)),
      el('p', {}, t('confirmation.visit', app.clock.date(a.visitTime), app.clock.time(a.visitTime))),
      el('p', { class: 'muted' }, t('appointments.patient', patient.name), ' · ', cancellationNote(app, a)),
      actions);
    if (a.cancellable) {
      // Two steps instead of a browser dialog: the second button says exactly what is cancelled.
      const confirm = el('button', { type: 'button', class: 'secondary' }, t('appointments.confirmCancel', when, a.sequenceNumber));
      confirm.addEventListener('click', async () => {
        confirm.disabled = true;
        try {
          await app.api.delete(`/api/reservations/${segment(a.reservationId)}`);
          actions.replaceChildren(el('p', { role: 'status' }, t('appointments.cancelled')));
        } catch (error) {
          actions.replaceChildren(app.problem(error));
        }
      });
      const cancel = el('button', { type: 'button', class: 'secondary' }, t('appointments.cancel'));
      cancel.addEventListener('click', () => {
        actions.replaceChildren(confirm);
        confirm.focus();
      });
      actions.append(cancel);
    }
    return item;
  };

  show(app.main,
    el('h2', {}, t('appointments.heading')),
    rows.length === 0 ? el('p', { class: 'muted' }, t('appointments.none')) : el('ul', { class: 'cards' }, rows.map(row)));
}
