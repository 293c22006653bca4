// The sandbox provider's hosted pay page: what a gateway's checkout would show. No money moves:
// "pay" and "fail" tell the sandbox, which sends its signed callback to the hospital; "abandon"
// goes back without a word, as a patient closing the checkout does (the hold then runs out).

import { el, fill } from '../shared/dom.js';

const main = document.getElementById('main');
const id = new URLSearchParams(location.search).get('payment') ?? '';

function yuan(fen) {
  return `¥${(fen / 100).toFixed(2)}`;
}

async function call(method, path) {
  try {
    const response = await fetch(path, { method, headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    return { ok: response.ok, body };
  } catch {
    return { ok: false, body: null };
  }
}

function back() {
  return el('p', {}, el('a', { href: '/#/appointments', 'data-test': 'back' }, '返回医院 · Back to the hospital'));
}

function show(payment, note) {
  const done = payment.status === 'paid';
  fill(main,
    el('section', { class: 'card', 'data-test': 'sandbox-payment' },
      el('p', {}, payment.description),
      el('p', { class: 'fee', 'data-test': 'amount' }, yuan(payment.amountFen)),
      el('p', { 'data-test': 'status' }, done ? '已支付 · Paid' : payment.status === 'failed' ? '支付失败 · Payment failed' : '待支付 · Waiting for payment'),
      note ? el('p', { class: 'notice' }, note) : null,
      done ? null : el('div', { class: 'actions' },
        el('button', { type: 'button', 'data-test': 'pay', onclick: () => settle('pay') }, '支付 · Pay'),
        el('button', { type: 'button', 'data-test': 'fail', onclick: () => settle('fail') }, '模拟失败 · Fail'),
        el('button', { type: 'button', 'data-test': 'abandon', onclick: () => location.assign('/') }, '放弃 · Abandon')),
      done ? back() : null));
}

async function settle(action) {
  for (const button of main.querySelectorAll('button')) button.disabled = true;
  const answer = await call('POST', `/api/sandbox-pay/${encodeURIComponent(id)}/${action}`);
  if (!answer.ok) return load('网络或服务暂不可用，请重试 · Not reached; try again');
  show(answer.body, answer.body.acknowledged ? null : '医院稍后确认 · The hospital will confirm shortly');
}

async function load(note) {
  const answer = await call('GET', `/api/sandbox-pay/${encodeURIComponent(id)}`);
  if (!answer.ok) {
    fill(main, el('p', { class: 'notice', 'data-test': 'not-found' }, '找不到该支付 · No such payment'), back());
    return;
  }
  show(answer.body, note);
}

load();
