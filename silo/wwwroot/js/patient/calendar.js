// A doctor's calendar: per day, each session with numbers left, "opens at … in hh:mm:ss", or sold out.
import { segment } from '../shared/api.js';
import { el, show } from '../shared/dom.js';
import { countdown } from '../shared/hospital-clock.js';
import { sessionStatusText } from './session-status.js';

export async function showCalendar(app, doctorId) {
  const { t } = app;
  const calendar = await app.api.get(`/api/doctors/${segment(doctorId)}/calendar`);
  app.state.doctor = calendar.doctor;
  const days = Map.groupBy(calendar.sessions, (s) => s.date);
  const countdowns = [];

  const sessionRow = (pool) => {
    const parts = [el('span', {}, `${t(`session.${pool.session}`)} ${pool.startTime}`), sessionStatusText(app, pool)];
    if (pool.status === 'scheduled') {
      const ticker = el('span', { class: 'muted', 'data-release': pool.releaseAt });
      countdowns.push(ticker);
      parts.push(ticker);
    }
    if (pool.status === 'open' && pool.remaining > 0) {
      parts.push(el('a', { class: 'button', href: `#/book/${segment(pool.poolId)}`, 'aria-label': `${t('calendar.book')} ${pool.date} ${t(`session.${pool.session}`)}` },
        t('calendar.book')));
    }
    return el('div', { class: 'session', 'data-pool': pool.poolId }, parts);
  };

  show(app.main,
    el('h2', {}, t('calendar.heading', calendar.doctor.name)),
    el('p', {}, t(`title.${calendar.doctor.title}`), ' · ', t('doctor.fee', calendar.doctor.fee)),
    calendar.sessions.length === 0 ? el('p', { class: 'muted' }, t('calendar.empty')) : null,
    [...days].map(([date, sessions]) => el('section', { class: 'card calendar-day' }, el('h3', {}, date), sessions.map(sessionRow))));

  tick(app, countdowns, doctorId);
}

// Once a second while the view is shown; at the release instant the calendar is read again, so the
// "Book" button appears without a reload.
function tick(app, tickers, doctorId) {
  if (tickers.length === 0) return;
  const update = () => {
    if (!tickers[0].isConnected) return clearInterval(timer);
    for (const ticker of tickers) {
      const left = countdown(Date.parse(ticker.dataset.release), app.clock.now());
      if (left === null) {
        clearInterval(timer);
        showCalendar(app, doctorId).catch((error) => app.main.replaceChildren(app.problem(error)));
        return;
      }
      ticker.textContent = app.t('calendar.countdown', left);
    }
  };
  const timer = setInterval(update, 1000);
  update();
}
