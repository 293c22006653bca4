// Departments as staff run them: every one (deactivated too), a new one, and one department's
// details, release rule, the ages it sees, and whether patients can find it.
import { segment } from '../shared/api.js';
import { el, field, show } from '../shared/dom.js';
import { table } from '../shared/table.js';
import { actionButton, activeToggle, onSubmit, savedNotice } from './actions.js';

export async function showDepartments(app) {
  const { t } = app;
  const departments = await app.api.get('/api/admin/departments');
  const status = el('div', { role: 'status' });
  const { fields, body } = departmentFields(t);
  const departmentId = el('input', { autocomplete: 'off', maxlength: 40, pattern: '[A-Za-z0-9_.:\\-]+' });
  const create = onSubmit(app, el('form', { class: 'stack', 'aria-labelledby': 'new-department' },
    el('h3', { id: 'new-department' }, t('departments.new')), fields, field(t('departments.id'), departmentId),
    el('button', { type: 'submit' }, t('departments.create'))), status, async () => {
    const created = await app.api.post('/api/admin/departments', { ...body(), departmentId: departmentId.value.trim() || undefined });
    app.go(`#/departments/${segment(created.departmentId)}`);
  });
  show(app.main,
    el('h2', {}, t('departments.heading')),
    table([t('col.name'), t('col.location'), t('col.release'), t('col.ages'), t('col.active'), ''],
      departments.map((d) => [d.name, d.location, releaseText(t, d.releaseRule), agesText(t, d.ageRange), t(d.active ? 'yes' : 'no'),
        el('a', { href: `#/departments/${segment(d.departmentId)}`, 'aria-label': t('departments.editNamed', d.name) }, t('edit'))]),
      (i) => ({ 'data-department': departments[i].departmentId })),
    status,
    create);
}

export async function showDepartment(app, departmentId) {
  const { t } = app;
  const path = `/api/admin/departments/${segment(departmentId)}`;
  const department = (await app.api.get('/api/admin/departments')).find((d) => d.departmentId === departmentId);
  if (!department) return show(app.main, el('h2', {}, t('departments.heading')), app.problem({ code: 'department_not_found' }));
  const status = el('div', { role: 'status' });
  const saved = (d) => {
    status.replaceChildren(savedNotice(t('saved')));
    state.textContent = stateText(t, d);
  };
  const state = el('p', { 'data-department': departmentId }, stateText(t, department));

  const { fields, body } = departmentFields(t, department);
  const details = onSubmit(app, el('form', { class: 'stack', 'aria-labelledby': 'department-details' },
    el('h3', { id: 'department-details' }, t('departments.details')), fields, el('button', { type: 'submit' }, t('save'))),
  status, async () => saved(await app.api.patch(path, body())));

  const daysBefore = el('input', { type: 'number', min: 0, max: 60, required: true, value: department.releaseRule.daysBefore });
  const time = el('input', { type: 'time', required: true, value: department.releaseRule.time });
  const release = onSubmit(app, el('form', { class: 'stack', 'aria-labelledby': 'release-rule' },
    el('h3', { id: 'release-rule' }, t('departments.releaseRule')),
    field(t('departments.daysBefore'), daysBefore), field(t('departments.releaseTime'), time),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, t('departments.saveRule')),
      actionButton(app, status, t('departments.hospitalRule'), async () => saved(await app.api.delete(`${path}/release-rule`)), { class: 'secondary' }))),
  status, async () => saved(await app.api.put(`${path}/release-rule`, { daysBefore: Number(daysBefore.value), time: time.value })));

  const minAge = el('input', { type: 'number', min: 0, max: 150, value: department.ageRange?.minAgeYears ?? '' });
  const maxAge = el('input', { type: 'number', min: 0, max: 150, value: department.ageRange?.maxAgeYears ?? '' });
  const ages = onSubmit(app, el('form', { class: 'stack', 'aria-labelledby': 'age-range' },
    el('h3', { id: 'age-range' }, t('departments.ages')), el('p', { class: 'muted' }, t('departments.agesHint')),
    field(t('departments.minAge'), minAge), field(t('departments.maxAge'), maxAge),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, t('departments.saveAges')),
      actionButton(app, status, t('departments.allAges'), async () => saved(await app.api.delete(`${path}/age-range`)), { class: 'secondary' }))),
  status, async () => saved(await app.api.put(`${path}/age-range`, { minAgeYears: optionalNumber(minAge), maxAgeYears: optionalNumber(maxAge) })));

  show(app.main,
    el('h2', {}, t('departments.one', department.name)),
    state,
    status,
    details,
    release,
    ages,
    el('p', {}, activeToggle(app, status, {
      active: department.active, deactivateLabel: t('departments.deactivate'), reactivateLabel: t('departments.reactivate'),
      deactivate: () => app.api.delete(path), reactivate: () => app.api.patch(path, { active: true }), saved })),
    el('p', {}, el('a', { href: '#/departments' }, t('departments.back'))));
}

/** The fields a department is created and edited with. */
function departmentFields(t, department = {}) {
  const name = el('input', { required: true, maxlength: 100, value: department.name ?? '' });
  const location = el('input', { maxlength: 200, value: department.location ?? '' });
  const description = el('textarea', { rows: 2, maxlength: 1000 }, department.description ?? '');
  return {
    fields: [field(t('col.name'), name), field(t('col.location'), location), field(t('departments.description'), description)],
    body: () => ({ name: name.value, location: location.value, description: description.value }),
  };
}

function optionalNumber(input) {
  return input.value === '' ? undefined : Number(input.value);
}

function stateText(t, d) {
  return `${t(d.active ? 'departments.active' : 'departments.inactive')} · ${releaseText(t, d.releaseRule)} · ${agesText(t, d.ageRange)}`;
}

function releaseText(t, rule) {
  return t(rule.source === 'department' ? 'release.own' : 'release.hospital', rule.daysBefore, rule.time);
}

function agesText(t, range) {
  if (!range) return t('ages.all');
  return t('ages.range', range.minAgeYears ?? 0, range.maxAgeYears ?? '…');
}
