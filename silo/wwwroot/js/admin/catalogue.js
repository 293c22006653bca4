// The catalogue as staff read it: departments with their release rules, doctors with title and fee.
import { el, show } from '../shared/dom.js';
import { table } from '../shared/table.js';

export async function showCatalogue(app) {
  const { t } = app;
  const [departments, doctors] = await Promise.all([app.api.get('/api/departments'), app.api.get('/api/doctors')]);
  const departmentNames = new Map(departments.map((d) => [d.departmentId, d.name]));
  show(app.main,
    el('h2', {}, t('catalogue.departments')),
    table([t('col.name'), t('col.location'), t('col.release')],
      departments.map((d) => [d.name, d.location, t('release.rule', d.releaseRule.daysBefore, d.releaseRule.time)])),
    el('h2', {}, t('catalogue.doctors')),
    table([t('col.name'), t('col.department'), t('col.title'), t('col.fee')],
      doctors.map((d) => [d.name, departmentNames.get(d.departmentId) ?? d.departmentId, d.title, `¥${d.fee}`])));
}
