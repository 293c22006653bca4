// The patient page: a hash router over the views, each view a module that draws into <main>.
import { createApi } from '../shared/api.js';
import { el, fill, problemNotice } from '../shared/dom.js';
import { loadHospitalClock } from '../shared/hospital-clock.js';
import { createText } from '../shared/i18n.js';
import { problemText } from '../shared/problem-text.js';
import { createSession } from '../shared/session.js';
import { showAccount } from './account.js';
import { showAppointments } from './appointments.js';
import { showBooking, showConfirmation } from './booking.js';
import { showDepartments, showDoctors } from './browse.js';
import { showCalendar } from './calendar.js';
import { showFamily } from './family.js';
import { patientText } from './text.js';

const session = createSession('patient');
const text = createText(patientText);
const main = document.getElementById('main');

const app = {
  api: createApi(session),
  session,
  t: text.t,
  main,
  clock: null,
  /** Views share what one of them learnt (the pool being booked, the reservation just made). */
  state: {},
  go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  /** Draws a problem the reader can act on into the current view. */
  problem(error) {
    return problemNotice(problemText(text.t, error));
  },
};

const routes = [
  [/^#?\/?$/, () => showDepartments(app)],
  [/^#\/departments\/([^/]+)$/, (id) => showDoctors(app, id)],
  [/^#\/doctors\/([^/]+)$/, (id) => showCalendar(app, id)],
  [/^#\/book\/([^/]+)$/, (poolId) => showBooking(app, poolId)],
  [/^#\/confirmation$/, () => showConfirmation(app)],
  [/^#\/appointments$/, () => showAppointments(app)],
  [/^#\/family$/, () => showFamily(app)],
  [/^#\/account$/, () => showAccount(app)],
];

function drawNav() {
  const link = (hash, key) => el('a', { href: hash, class: 'button' }, text.t(key));
  const nav = document.getElementById('nav');
  fill(nav,
    link('#/', 'nav.departments'),
    session.signedIn ? link('#/appointments', 'nav.appointments') : null,
    session.signedIn ? link('#/family', 'nav.family') : null,
    session.signedIn
      ? el('button', { type: 'button', onclick: signOut }, text.t('nav.signOut'))
      : link('#/account', 'nav.signIn'),
    text.switchButton(redraw),
  );
  document.getElementById('title').textContent = text.t('title');
  document.title = text.t('title');
}

async function signOut() {
  await app.api.signOut().catch(() => {});
  app.state = {};
  redraw();
  app.go('#/');
}

async function route() {
  drawNav();
  for (const [pattern, view] of routes) {
    const match = location.hash.match(pattern);
    if (match) {
      try {
        await view(...match.slice(1).map(decodeURIComponent));
      } catch (error) {
        main.replaceChildren(app.problem(error));
      }
      return;
    }
  }
  app.go('#/');
}

function redraw() {
  route();
}

app.onSignedIn = drawNav;

try {
  app.clock = await loadHospitalClock(app.api);
} catch (error) {
  main.replaceChildren(app.problem(error));
}
window.addEventListener('hashchange', route);
route();
