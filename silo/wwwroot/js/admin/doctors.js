// Doctors as staff run them: every one (deactivated too), a new one, and one doctor's details and
// whether patients can book them. The weekly schedule is its own screen (schedule.js).
import { segment } from '../shared/api.js';
import { el, field, show } from '../shared/dom.js';
import { table } from '../shared/table.js';
import { activeToggle, onSubmit, savedNotice } from './actions.js';

const Titles = ['chief', 'associate_chief', 'attending', 'resident'];

export async function showDoctors(app) {
  const { t } = app;
  const [doctors, departments] = await Promise.all([app.api.get('/api/admin/doctors'), app.api.get('/api/admin/departments')]);
  const departmentNames = new Map(departments.map((d) => [d.departmentId, d.name]));
  const status = el('div', { role: 'status' });
  const { fields, body } = doctorFields(t, departments);
  const doctorId = el('input', { autocomplete: 'off', maxlength: 40, pattern: '[A-Za-z0-9_.:\\-]+' });
  const create = onSubmit(app, el('form', { class: 'stack', 'aria-labelledby': 'new-doctor' },
    el('h3', { id: 'new-doctor' }, t('doctors.new')), fields, field(t('doctors.id'), doctorId),
    el('button', { type: 'submit' }, t('doctors.create'))), status, async () => {
    const created = await app.api.post('/api/admin/doctors', { ...body(), doctorId: doctorId.value.trim() || undefined });
    app.go(`#/doctors/${segment(created.doctorId)}/schedule`);
  });
  show(app.main,
    el('h2', {}, t('doctors.heading')),
    table([t('col.name'), t('col.department'), t('col.title'), t('col.fee'), t('col.active'), ''],
      doctors.map((d) => [d.name, departmentNames.get(d.departmentId) ?? d.departmentId, t(`title.${d.title}`), `¥${d.fee}`, t(d.active ? 'yes' : 'no'),
        el('span', { class: 'row' },
          el('a', { href: `#/doctors/${segment(d.doctorId)}`, 'aria-label': t('doctors.editNamed', d.name) }, t('edit')),
          el('a', { href: `#/doctors/${segment(d.doctorId)}/schedule`, 'aria-label': t('doctors.scheduleNamed', d.name) }, t('doctors.schedule')))]),
      (i) => ({ 'data-doctor': doctors[i].doctorId })),
    status,
    create);
}

export async function showDoctor(app, doctorId) {
  const { t } = app;
  const path = `/api/admin/doctors/${segment(doctorId)}`;
  const [doctors, departments] = await Promise.all([app.api.get('/api/admin/doctors'), app.api.get('/api/admin/departments')]);
  const doctor = doctors.find((d) => d.doctorId === doctorId);
  if (!doctor) return show(app.main, el('h2', {}, t('doctors.heading')), app.problem({ code: 'doctor_not_found' }));
  const status = el('div', { role: 'status' });
  const state = el('p', { 'data-doctor': doctorId });
  const saved = (d) => {
    status.replaceChildren(savedNotice(t('saved')));
    describe(d);
  };
  const describe = (d) => { state.textContent = `${t(d.active ? 'doctors.active' : 'doctors.inactive')} · ${t(`title.${d.title}`)} · ¥${d.fee}`; };
  describe(doctor);

  const { fields, body } = doctorFields(t, departments, doctor);
  show(app.main,
    el('h2', {}, t('doctors.one', doctor.name)),
    state,
    status,
    onSubmit(app, el('form', { class: 'stack' }, fields, el('button', { type: 'submit' }, t('save'))),
      status, async () => saved(await app.api.patch(path, body()))),
    el('p', {}, activeToggle(app, status, {
      active: doctor.active, deactivateLabel: t('doctors.deactivate'), reactivateLabel: t('doctors.reactivate'),
      deactivate: () => app.api.delete(path), reactivate: () => app.api.patch(path, { active: true }), saved })),
    el('p', { class: 'row' },
      el('a', { href: `#/doctors/${segment(doctorId)}/schedule` }, t('doctors.schedule')),
      el('a', { href: '#/doctors' }, t('doctors.back'))));
}

/** The fields a doctor is created and edited with; specialties are typed comma-separated. */
function doctorFields(t, departments, doctor = {}) {
  const name = el('input', { required: true, maxlength: 100, value: doctor.name ?? '' });
  const title = el('select', { required: true }, Titles.map((v) => el('option', { value: v, selected: v === doctor.title }, t(`title.${v}`))));
  const department = el('select', { required: true },
    departments.map((d) => el('option', { value: d.departmentId, selected: d.departmentId === doctor.departmentId }, d.name)));
  const specialties = el('input', { maxlength: 1000, value: (doctor.specialties ?? []).join(', ') });
  const bio = el('textarea', { rows: 3, maxlength: 2000 }, doctor.bio ?? '');
  return {
    fields: [field(t('col.name'), name), field(t('col.title'), title), field(t('col.department'), department),
      field(t('doctors.specialties'), specialties), field(t('doctors.bio'), bio)],
    body: () => ({
      name: name.value,
      title: title.value,
      departmentId: department.value,
      specialties: specialties.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean),
      bio: bio.value,
    }),
  };
}
