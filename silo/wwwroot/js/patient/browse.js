// Departments, then a department's doctors with title, specialty, fee and next sessions.
import { segment } from '../shared/api.js';
import { el, show } from '../shared/dom.js';
import { sessionStatusText } from './session-status.js';

export async function showDepartments(app) {
  const { t } = app;
  const departments = await app.api.get('/api/departments');
  show(app.main,
    el('h2', {}, t('departments.heading')),
    el('ul', { class: 'cards' }, departments.map((d) =>
      el('li', { class: 'card' },
        el('h3', {}, el('a', { href: `#/departments/${segment(d.departmentId)}` }, d.name)),
        d.location ? el('p', { class: 'muted' }, d.location) : null,
        d.description ? el('p', {}, d.description) : null))));
}

export async function showDoctors(app, departmentId) {
  const { t } = app;
  const { department, doctors } = await app.api.get(`/api/departments/${segment(departmentId)}/doctors`);
  show(app.main,
    el('h2', {}, t('department.doctors', department.name)),
    el('ul', { class: 'cards' }, doctors.map(({ doctor, nextSessions }) =>
      el('li', { class: 'card' },
        el('h3', {}, doctor.name),
        el('p', {}, t(`title.${doctor.title}`), ' · ', t('doctor.fee', doctor.fee)),
        doctor.specialties.length ? el('p', { class: 'muted' }, doctor.specialties.join(', ')) : null,
        el('p', {}, el('strong', {}, t('doctor.next'))),
        nextSessions.length
          ? el('ul', {}, nextSessions.map((s) => el('li', {}, `${s.date} ${t(`session.${s.session}`)} · `, sessionStatusText(app, s))))
          : el('p', { class: 'muted' }, t('doctor.noSessions')),
        el('a', { class: 'button', href: `#/doctors/${segment(doctor.doctorId)}` }, t('doctor.calendar'))))));
}
