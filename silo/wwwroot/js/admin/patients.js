// Patients as the hospital may see them: found by resident ID, mobile, patient id or the start of a
// name, with resident IDs and phones masked by the API; a no-show suspension can be lifted.
import { segment } from '../shared/api.js';
import { el, field, fill, show } from '../shared/dom.js';
import { table } from '../shared/table.js';
import { actionButton, onSubmit, savedNotice } from './actions.js';

export function showPatients(app) {
  const { t } = app;
  const search = el('input', { type: 'search', required: true, maxlength: 64, autocomplete: 'off' });
  const status = el('div', { role: 'status' });
  const result = el('div');
  const find = async () => {
    const found = await app.api.get(`/api/admin/patients?${new URLSearchParams({ search: search.value.trim() })}`);
    status.replaceChildren();
    fill(result, found.length === 0 ? el('p', { class: 'muted' }, t('patients.none')) :
      table([t('col.patientId'), t('col.name'), t('col.residentId'), t('col.phone'), t('col.birthDate'), t('col.suspended'), ''],
        found.map((p) => [p.patientId, p.name, p.residentId, p.phone, p.birthDate, p.suspendedUntil ? app.clock.date(p.suspendedUntil) : '—',
          p.suspendedUntil ? actionButton(app, status, t('patients.lift'), async () => {
            await app.api.delete(`/api/admin/patients/${segment(p.patientId)}/suspension`);
            await find();
            status.replaceChildren(savedNotice(t('patients.lifted')));
          }, { class: 'secondary' }) : '']),
        (i) => ({ 'data-patient': found[i].patientId })));
  };
  show(app.main,
    el('h2', {}, t('patients.heading')),
    onSubmit(app, el('form', { class: 'stack' }, field(t('patients.search'), search), el('p', { class: 'muted' }, t('patients.hint')),
      el('button', { type: 'submit' }, t('patients.find'))), status, find),
    status,
    result);
}
