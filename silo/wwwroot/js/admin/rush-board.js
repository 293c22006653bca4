// The live rush board: every pool being booked now, its numbers left, attempts per second and how
// they were answered, asked of the silo once a second (one cheap admin call; no per-patient connection).
import { segment } from '../shared/api.js';
import { el, fill, show } from '../shared/dom.js';
import { table } from '../shared/table.js';

const PollMs = 1000;
const Outcomes = ['booked', 'soldOut', 'notReleased', 'refused', 'failed'];
const OutcomeClass = { booked: 'booked', soldOut: 'sold_out', notReleased: 'not_released', refused: 'refused', failed: 'failed' };

export async function showRushBoard(app) {
  const { t } = app;
  const doctors = new Map((await app.api.get('/api/doctors')).map((d) => [d.doctorId, d.name]));
  const board = el('div', { 'aria-live': 'off' });
  const asOf = el('p', { class: 'muted' });
  show(app.main, el('h2', {}, t('rush.heading')), asOf, board);

  const draw = (data) => {
    asOf.textContent = t('rush.asOf', `${app.clock.date(data.now)} ${app.clock.time(data.now)}:${data.now.slice(17, 19)}`);
    if (data.pools.length === 0) return fill(board, el('p', { class: 'muted' }, t('rush.none')));
    fill(board, table(
      [t('col.pool'), t('col.left'), t('col.perSecond'), t('col.lastMinute'), t('col.mix'), ''],
      data.pools.map(({ pool, attemptsPerSecond, lastMinute }) => [
        `${doctors.get(pool.doctorId) ?? pool.doctorId} · ${pool.date} ${t(`session.${pool.session}`)}`,
        el('span', { class: pool.remaining === 0 ? 'status-soldout big' : 'big' }, t('rush.left', pool.remaining, pool.quota)),
        el('span', { class: 'big' }, String(attemptsPerSecond)),
        `${lastMinute.attempts} · ${t('rush.mix', ...Outcomes.map((o) => lastMinute[o]))}`,
        mixBar(lastMinute),
        el('a', { href: `#/pools/${segment(pool.poolId)}` }, t('rush.change')),
      ]),
      (i) => ({ 'data-pool': data.pools[i].pool.poolId })));
  };

  // One request at a time: a slow answer delays the next poll instead of piling requests up.
  const poll = async () => {
    if (!board.isConnected) return;
    try {
      draw(await app.api.get('/api/admin/rush'));
    } catch (error) {
      fill(board, app.problem(error));
    }
    setTimeout(poll, PollMs);
  };
  await poll();
}

function mixBar(lastMinute) {
  const total = Math.max(1, lastMinute.attempts);
  return el('div', { class: 'mix', 'aria-hidden': 'true' },
    Outcomes.filter((o) => lastMinute[o] > 0).map((o) => {
      const span = el('span', { class: OutcomeClass[o] });
      span.style.width = `${(100 * lastMinute[o]) / total}%`;
      return span;
    }));
}
