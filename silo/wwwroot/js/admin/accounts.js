// Accounts: every account by role, a new doctor or admin account, and the levers on one account
// (disable or enable, sign every session out, lift lockouts, set a forgotten staff password).
import { segment } from '../shared/api.js';
import { el, field, fill, show } from '../shared/dom.js';
import { table } from '../shared/table.js';
import { actionButton, onSubmit, savedNotice } from './actions.js';

const PageSize = 50;

export async function showAccounts(app) {
  const { t } = app;
  const doctors = await app.api.get('/api/admin/doctors');
  const doctorNames = new Map(doctors.map((d) => [d.doctorId, d.name]));
  const status = el('div', { role: 'status' });

  const role = el('select', {}, ['', 'patient', 'doctor', 'admin'].map((r) => el('option', { value: r }, t(r ? `role.${r}` : 'accounts.allRoles'))));
  const list = el('div');
  const more = el('p');
  let shown = [];
  const load = async (after) => {
    const query = new URLSearchParams({ limit: String(PageSize) });
    if (role.value) query.set('role', role.value);
    if (after) query.set('after', after);
    const page = await app.api.get(`/api/admin/accounts?${query}`);
    shown = after ? [...shown, ...page] : page;
    draw();
    fill(more, page.length === PageSize
      ? actionButton(app, status, t('accounts.more'), () => load(shown.at(-1).accountId), { class: 'secondary' }) : null);
  };
  const replace = (account) => {
    shown = shown.map((a) => (a.accountId === account.accountId ? account : a));
    draw();
  };
  const draw = () => fill(list, table(
    [t('col.login'), t('col.displayName'), t('col.role'), t('col.doctor'), t('col.accountState'), t('col.actions')],
    shown.map((a) => [a.login, a.displayName, t(`role.${a.role}`), a.doctorId ? doctorNames.get(a.doctorId) ?? a.doctorId : '—',
      a.disabledAt ? t('accounts.disabledAt', app.clock.date(a.disabledAt)) : t('accounts.enabled'),
      accountActions(app, status, a, replace)]),
    (i) => ({ 'data-account': shown[i].accountId })));

  show(app.main,
    el('h2', {}, t('accounts.heading')),
    status,
    createForm(app, status, doctors, () => load()),
    el('h3', {}, t('accounts.list')),
    onSubmit(app, el('form', { class: 'row' }, field(t('col.role'), role), el('button', { type: 'submit' }, t('accounts.show'))), status, () => load()),
    list,
    more);
  await load();
}

function accountActions(app, status, account, replace) {
  const { t } = app;
  const path = `/api/admin/accounts/${segment(account.accountId)}`;
  const named = (key) => ({ class: 'secondary', 'aria-label': t(key, account.login) });
  const done = (key) => status.replaceChildren(savedNotice(t(key, account.login)));
  const actions = el('div', { class: 'row' },
    account.disabledAt
      ? actionButton(app, status, t('accounts.enable'), async () => { replace(await app.api.post(`${path}/enable`)); done('accounts.enabledNotice'); }, named('accounts.enableNamed'))
      : actionButton(app, status, t('accounts.disable'), async () => { replace(await app.api.post(`${path}/disable`)); done('accounts.disabledNotice'); }, named('accounts.disableNamed')),
    actionButton(app, status, t('accounts.signOut'), async () => { await app.api.post(`${path}/sign-out`); done('accounts.signedOut'); }, named('accounts.signOutNamed')),
    actionButton(app, status, t('accounts.unlock'), async () => { await app.api.post(`${path}/unlock`); done('accounts.unlocked'); }, named('accounts.unlockNamed')));
  if (account.role === 'patient') return el('div', { class: 'account-actions' }, actions);

  // A staff member who forgot their password is given a new one here; patients reset theirs by SMS.
  const password = el('input', { type: 'password', autocomplete: 'new-password', minlength: 12, required: true });
  const reset = onSubmit(app, el('form', { class: 'row' }, field(t('accounts.newPasswordFor', account.login), password),
    el('button', { type: 'submit', class: 'secondary' }, t('accounts.setPassword'))), status, async () => {
    await app.api.post(`${path}/password`, { password: password.value });
    password.value = '';
    done('accounts.passwordSet');
  });
  return el('div', { class: 'account-actions' }, actions, reset);
}

function createForm(app, status, doctors, reload) {
  const { t } = app;
  const role = el('select', { required: true }, ['doctor', 'admin'].map((r) => el('option', { value: r }, t(`role.${r}`))));
  const doctor = el('select', {}, doctors.filter((d) => d.active).map((d) => el('option', { value: d.doctorId }, `${d.name} (${d.departmentId})`)));
  const doctorField = field(t('col.doctor'), doctor);
  const login = el('input', { required: true, autocomplete: 'off', maxlength: 64 });
  const displayName = el('input', { required: true, maxlength: 100 });
  const password = el('input', { type: 'password', required: true, minlength: 12, autocomplete: 'new-password' });
  // Only a doctor's account names a doctor: the field is hidden (and not sent) for an admin.
  const roleChanged = () => { doctorField.hidden = role.value !== 'doctor'; };
  role.addEventListener('change', roleChanged);
  roleChanged();
  return onSubmit(app, el('form', { class: 'stack', 'aria-labelledby': 'new-account' },
    el('h3', { id: 'new-account' }, t('accounts.new')),
    field(t('col.role'), role), doctorField, field(t('accounts.login'), login), field(t('col.displayName'), displayName),
    field(t('accounts.password'), password), el('p', { class: 'muted' }, t('accounts.passwordHint')),
    el('button', { type: 'submit' }, t('accounts.create'))),
  status, async () => {
    const created = await app.api.post('/api/admin/accounts', {
      role: role.value, login: login.value.trim(), displayName: displayName.value, password: password.value,
      doctorId: role.value === 'doctor' ? doctor.value : undefined,
    });
    password.value = '';
    await reload();
    status.replaceChildren(savedNotice(t('accounts.created', created.login)));
  });
}
