// Bookings, fill rate and time to sell out, per department and per visit day, for a stated span of
// visit dates: charts drawn by charts.js, each over the table it pictures.
import { el, field, fill, show } from '../shared/dom.js';
import { table } from '../shared/table.js';
import { barChart } from './charts.js';

// The week behind and the booking window ahead: what was seen, and what is being booked.
const DaysBack = 7;
const DaysAhead = 7;

export async function showStatistics(app) {
  const { t } = app;
  const today = app.clock.today();
  const from = el('input', { type: 'date', value: shiftDate(today, -DaysBack), required: true });
  const to = el('input', { type: 'date', value: shiftDate(today, DaysAhead), required: true });
  const result = el('div');
  const departments = new Map((await app.api.get('/api/admin/departments')).map((d) => [d.departmentId, d.name]));
  const form = el('form', { class: 'row' }, field(t('statistics.from'), from), field(t('statistics.to'), to), el('button', { type: 'submit' }, t('statistics.show')));
  const draw = async () => {
    try {
      const range = `from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}`;
      const [byDepartment, byDay] = await Promise.all([
        app.api.get(`/api/admin/statistics/departments?${range}`), app.api.get(`/api/admin/statistics/days?${range}`)]);
      const name = (key) => (key === null ? t('statistics.noDepartment') : departments.get(key) ?? key);
      fill(result,
        el('p', { class: 'notice', 'data-range': `${byDepartment.from}..${byDepartment.to}` },
          t('statistics.range', byDepartment.from, byDepartment.to, `${app.clock.date(byDepartment.asOf)} ${app.clock.time(byDepartment.asOf)}`)),
        section(t, 'statistics.perDepartment', byDepartment.rows, name, true),
        section(t, 'statistics.perDay', byDay.rows, (key) => key, false));
    } catch (error) {
      fill(result, app.problem(error));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    draw();
  });
  show(app.main, el('h2', {}, t('statistics.heading')), form, result);
  await draw();
}

function section(t, heading, rows, name, sellOut) {
  if (rows.length === 0) return el('section', {}, el('h3', {}, t(heading)), el('p', { class: 'muted' }, t('statistics.empty')));
  const percent = (rate) => `${Math.round(rate * 100)}%`;
  const seconds = (s) => (s === null ? '—' : t('statistics.seconds', s.toFixed(1)));
  const soldOut = rows.filter((r) => r.averageSecondsToSellOut !== null);
  return el('section', { 'data-statistics': sellOut ? 'departments' : 'days' },
    el('h3', {}, t(heading)),
    // Bars of bookings against the most numbers any row released, so a full row reads as full.
    figure(t('statistics.bookings'), barChart(rows.map((r) => ({ label: name(r.key), value: r.booked, text: t('statistics.bookedOf', r.booked, r.released) })),
      { max: Math.max(1, ...rows.map((r) => r.released)) })),
    figure(t('statistics.fillRate'), barChart(rows.map((r) => ({ label: name(r.key), value: r.fillRate, text: percent(r.fillRate) })), { max: 1, barClass: 'bar-fill' })),
    sellOut ? figure(t('statistics.sellOut'), soldOut.length === 0 ? el('p', { class: 'muted' }, t('statistics.noneSoldOut'))
      : barChart(soldOut.map((r) => ({ label: name(r.key), value: r.averageSecondsToSellOut, text: seconds(r.averageSecondsToSellOut) })), { barClass: 'bar-sellout' })) : null,
    table([t(sellOut ? 'col.key' : 'col.date'), t('col.released'), t('col.booked'), t('col.fillRate'), t('col.cancellations'), t('col.noShows'), t('col.soldOut'), t('col.sellOut')],
      rows.map((r) => [name(r.key), r.released, r.booked, percent(r.fillRate), r.cancellations, r.noShows, r.soldOutPools,
        r.averageSecondsToSellOut === null ? '—' : r.averageSecondsToSellOut.toFixed(1)])));
}

function figure(caption, chart) {
  return el('figure', { class: 'chart-figure' }, el('figcaption', {}, caption), chart);
}

/** yyyy-MM-dd moved by whole days (calendar arithmetic in UTC, so no zone's clock change shifts it). */
function shiftDate(date, days) {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
