// Bookings and fill rate per department over a span of visit days, as a table and a bar chart.
import { el, field, fill, show } from '../shared/dom.js';
import { table } from '../shared/table.js';

export async function showStatistics(app) {
  const { t } = app;
  const today = app.clock.today();
  const from = el('input', { type: 'date', value: today, required: true });
  const to = el('input', { type: 'date', value: today, required: true });
  const result = el('div');
  const form = el('form', { class: 'row' }, field(t('statistics.from'), from), field(t('statistics.to'), to), el('button', { type: 'submit' }, t('statistics.show')));
  const draw = async () => {
    try {
      const stats = await app.api.get(`/api/admin/statistics/departments?from=${from.value}&to=${to.value}`);
      const percent = (rate) => `${Math.round(rate * 100)}%`;
      fill(result,
        el('div', { class: 'bar-chart', 'aria-hidden': 'true' }, stats.rows.map((r) => {
          const bar = el('div', { class: 'bar' });
          bar.style.width = percent(r.fillRate);
          return el('div', {}, `${r.key ?? '—'} ${percent(r.fillRate)}`, bar);
        })),
        table([t('col.key'), t('col.released'), t('col.booked'), t('col.fillRate'), t('col.cancellations'), t('col.noShows'), t('col.soldOut'), t('col.sellOut')],
          stats.rows.map((r) => [r.key ?? '—', r.released, r.booked, percent(r.fillRate), r.cancellations, r.noShows, r.soldOutPools,
            r.averageSecondsToSellOut === null ? '—' : r.averageSecondsToSellOut.toFixed(1)])));
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
