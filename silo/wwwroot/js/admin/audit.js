// The audit log, newest first; the doctors' stop-clinic requests are one of its actions.
import { el, field, fill, show } from '../shared/dom.js';
import { table } from '../shared/table.js';

export async function showAudit(app) {
  const { t } = app;
  const action = el('select', {},
    el('option', { value: '' }, t('audit.all')),
    el('option', { value: 'RequestStopClinic' }, t('audit.stopRequests')),
    ['ChangePool', 'StopClinic', 'CreatePool', 'SignIn', 'CreateStaffAccount'].map((a) => el('option', { value: a }, a)));
  const result = el('div');
  const form = el('form', { class: 'row' }, field(t('audit.action'), action), el('button', { type: 'submit' }, t('audit.show')));
  const draw = async () => {
    try {
      const query = new URLSearchParams({ limit: '100' });
      if (action.value) query.set('action', action.value);
      const log = await app.api.get(`/api/admin/audit?${query}`);
      fill(result, table([t('col.when'), t('col.who'), t('col.action'), t('col.path'), t('col.status'), t('col.detail')],
        log.entries.map((e) => [`${app.clock.date(e.occurredAt)} ${app.clock.time(e.occurredAt)}`, `${e.accountId ?? '—'} (${e.role ?? '—'})`,
          e.action, `${e.method} ${e.path}`, String(e.statusCode), e.detail ?? ''])));
    } catch (error) {
      fill(result, app.problem(error));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    draw();
  });
  show(app.main, el('h2', {}, t('audit.heading')), form, result);
  await draw();
}
