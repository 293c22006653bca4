// The payment step of a held number: the fee, the time left on the hold, and a button to the
// provider's pay page. Null for a reservation that needs no payment (or is paid).
import { segment } from '../shared/api.js';
import { el } from '../shared/dom.js';

function yuan(fen) {
  return (fen / 100).toFixed(2);
}

function left(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function paymentStep(app, reservation) {
  const { t } = app;
  const payment = reservation.payment;
  if (reservation.status !== 'pending_payment' || !payment) return null;
  const expiresAt = Date.parse(payment.holdExpiresAt);
  const countdown = el('p', { 'data-test': 'hold-countdown' });
  const button = el('button', { type: 'button', 'data-test': 'pay' }, t('pay.button', yuan(payment.feeFen)));
  const status = el('div', { 'aria-live': 'polite' });
  const step = el('section', { class: 'card', 'data-test': 'payment-step' },
    el('p', { class: 'big', 'data-test': 'fee' }, t('pay.fee', yuan(payment.feeFen))), countdown, button, status);

  // The server's clock decides; this only tells the patient how long they have.
  const tick = () => {
    const remaining = expiresAt - app.clock.now();
    countdown.textContent = remaining > 0 ? t('pay.left', left(remaining)) : t('pay.expired');
    button.disabled = remaining <= 0;
    if (remaining <= 0 || !step.isConnected && step.dataset.shown) clearInterval(timer);
    step.dataset.shown = '1';
  };
  const timer = setInterval(tick, 1000);
  tick();

  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const opened = await app.api.post(`/api/reservations/${segment(reservation.reservationId)}/payment`);
      location.assign(opened.payUrl);
    } catch (error) {
      status.replaceChildren(app.problem(error));
      button.disabled = false;
    }
  });
  return step;
}
