// How one session's state reads to a patient: numbers left, sold out, when it opens, or closed.
import { el } from '../shared/dom.js';

export function sessionStatusText(app, pool) {
  const { t } = app;
  switch (pool.status) {
    case 'open':
      return pool.remaining > 0
        ? el('span', { class: 'status-open' }, t('calendar.remaining', pool.remaining, pool.quota))
        : el('span', { class: 'status-soldout' }, t('calendar.soldOut'));
    case 'scheduled':
      return el('span', { class: 'status-scheduled' }, t('calendar.opensAt', app.clock.date(pool.releaseAt), app.clock.time(pool.releaseAt)));
    case 'cancelled':
      return el('span', { class: 'status-soldout' }, t('calendar.cancelled'));
    default:
      return el('span', { class: 'muted' }, t('calendar.closed'));
  }
}
