// The hospital's page: the live rush board, pools, departments, doctors and their schedules, patients,
// accounts, statistics and the audit log.
import { createApi } from '../shared/api.js';
import { el, fill, problemNotice } from '../shared/dom.js';
import { loadHospitalClock } from '../shared/hospital-clock.js';
import { createText } from '../shared/i18n.js';
import { problemText } from '../shared/problem-text.js';
import { createSession } from '../shared/session.js';
import { showStaffSignIn } from '../shared/staff-sign-in.js';
import { showAudit } from './audit.js';
import { showAccounts } from './accounts.js';
import { showDepartment, showDepartments } from './departments.js';
import { showDoctor, showDoctors } from './doctors.js';
import { showPatients } from './patients.js';
import { showPool, showPools } from './pools.js';
import { showRushBoard } from './rush-board.js';
import { showSchedule } from './schedule.js';
import { showStatistics } from './statistics.js';
import { adminText } from './text.js';

const session = createSession('admin');
const text = createText(adminText);
const main = document.getElementById('main');
const app = {
  api: createApi(session),
  t: text.t,
  main,
  clock: null,
  problem: (error) => problemNotice(problemText(text.t, error)),
  go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
};

const routes = [
  [/^#?\/?$|^#\/rush$/, () => showRushBoard(app)],
  [/^#\/pools$/, () => showPools(app)],
  [/^#\/pools\/([^/]+)$/, (id) => showPool(app, id)],
  [/^#\/departments$/, () => showDepartments(app)],
  [/^#\/departments\/([^/]+)$/, (id) => showDepartment(app, id)],
  [/^#\/doctors$/, () => showDoctors(app)],
  [/^#\/doctors\/([^/]+)$/, (id) => showDoctor(app, id)],
  [/^#\/doctors\/([^/]+)\/schedule$/, (id) => showSchedule(app, id)],
  [/^#\/patients$/, () => showPatients(app)],
  [/^#\/accounts$/, () => showAccounts(app)],
  [/^#\/statistics$/, () => showStatistics(app)],
  [/^#\/audit$/, () => showAudit(app)],
];

function drawNav() {
  const t = text.t;
  document.getElementById('title').textContent = t('title');
  document.title = t('title');
  const link = (hash, key) => el('a', { href: hash, class: 'button' }, t(key));
  fill(document.getElementById('nav'),
    session.signedIn ? [link('#/rush', 'nav.rush'), link('#/pools', 'nav.pools'), link('#/departments', 'nav.departments'),
      link('#/doctors', 'nav.doctors'), link('#/patients', 'nav.patients'), link('#/accounts', 'nav.accounts'), link('#/statistics', 'nav.statistics'), link('#/audit', 'nav.audit'),
      el('button', { type: 'button', onclick: signOut }, t('nav.signOut'))] : null,
    text.switchButton(route));
}

async function signOut() {
  await app.api.signOut().catch(() => {});
  route();
}

async function route() {
  drawNav();
  if (!session.signedIn) return showStaffSignIn(app, route);
  try {
    app.clock ??= await loadHospitalClock(app.api);
    const match = routes.map(([pattern, view]) => [location.hash.match(pattern), view]).find(([m]) => m);
    if (!match) return app.go('#/rush');
    await match[1](...match[0].slice(1).map(decodeURIComponent));
  } catch (error) {
    main.replaceChildren(app.problem(error));
  }
}

window.addEventListener('hashchange', route);
route();
