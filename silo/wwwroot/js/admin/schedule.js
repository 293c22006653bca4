// A doctor's schedule: the weekly template (replaced whole), leaves and extra sessions, and the pool
// generator run at once so a new schedule can be booked today rather than after tonight's run.
import { segment } from '../shared/api.js';
import { el, field, fill, show } from '../shared/dom.js';
import { table } from '../shared/table.js';
import { actionButton, onSubmit, savedNotice } from './actions.js';

const Weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const Sessions = ['morning', 'afternoon', 'evening'];

export async function showSchedule(app, doctorId) {
  const { t } = app;
  const path = `/api/admin/doctors/${segment(doctorId)}/schedule`;
  const [schedule, doctors] = await Promise.all([app.api.get(path), app.api.get('/api/admin/doctors')]);
  const doctor = doctors.find((d) => d.doctorId === doctorId);
  const status = el('div', { role: 'status' });

  // The weekly template: one fieldset per line, numbered so each field has a label of its own.
  const lines = el('div', { class: 'stack' });
  const addLine = (line = {}) => {
    lines.append(weeklyLine(t, doctor.fee, line));
    renumber(t, lines);
  };
  schedule.weekly.forEach(addLine);
  const weekly = onSubmit(app, el('form', { class: 'stack', 'aria-labelledby': 'weekly' },
    el('h3', { id: 'weekly' }, t('schedule.weekly')),
    lines,
    el('div', { class: 'row' },
      el('button', { type: 'button', class: 'secondary', onclick: () => addLine() }, t('schedule.addLine')),
      el('button', { type: 'submit' }, t('schedule.save')))),
  status, async () => {
    await app.api.put(path, { weekly: [...lines.children].map((line) => line.read()) });
    status.replaceChildren(savedNotice(t('schedule.saved')));
  });

  const exceptions = el('div');
  const drawExceptions = (list) => fill(exceptions, list.length === 0 ? el('p', { class: 'muted' }, t('schedule.noExceptions')) :
    table([t('col.date'), t('col.kind'), t('col.session'), t('col.start'), t('col.quota'), ''],
      list.map((e) => [e.date, t(`kind.${e.kind}`), e.session ? t(`session.${e.session}`) : t('schedule.wholeDay'), e.startTime ?? '—', e.quota ?? '—',
        actionButton(app, status, t('schedule.remove'), async () => {
          await app.api.delete(`${path}/exceptions/${segment(e.exceptionId)}`);
          drawExceptions((await app.api.get(path)).exceptions);
          status.replaceChildren(savedNotice(t('schedule.removed')));
        }, { class: 'secondary', 'aria-label': t('schedule.removeNamed', e.date) })]),
      (i) => ({ 'data-exception': list[i].exceptionId })));
  drawExceptions(schedule.exceptions);

  const generate = actionButton(app, status, t('schedule.generate'), async () => {
    const report = await app.api.post('/api/admin/pool-generation');
    status.replaceChildren(savedNotice(t('schedule.generated', report.created, report.quotaRaised, report.from, report.to)));
  });

  show(app.main,
    el('h2', {}, t('schedule.heading', doctor?.name ?? doctorId)),
    status,
    weekly,
    el('p', { class: 'muted' }, t('schedule.generateHint')),
    el('p', {}, generate),
    el('h3', {}, t('schedule.exceptions')),
    exceptions,
    exceptionForm(app, path, status, drawExceptions),
    el('p', { class: 'row' }, el('a', { href: `#/doctors/${segment(doctorId)}` }, t('schedule.doctor')), el('a', { href: '#/doctors' }, t('doctors.back'))));
}

function weeklyLine(t, titleFee, line) {
  const weekday = choice(Weekdays.map((w) => [w, t(`weekday.${w}`)]), line.weekday);
  const session = choice(Sessions.map((s) => [s, t(`session.${s}`)]), line.session);
  const startTime = el('input', { type: 'time', value: line.startTime ?? '' });
  const minutes = el('input', { type: 'number', min: 1, max: 240, required: true, value: line.minutesPerNumber ?? 10 });
  const quota = el('input', { type: 'number', min: 1, max: 10000, required: true, value: line.quota ?? 20 });
  // Only a fee of the line's own is shown and sent: blank follows the doctor's title.
  const fee = el('input', { type: 'number', min: 0, step: '0.01', value: line.fee !== undefined && line.fee !== titleFee ? line.fee : '' });
  const legend = el('legend');
  const fieldset = el('fieldset', { class: 'stack' }, legend,
    field(t('schedule.weekday'), weekday), field(t('col.session'), session), field(t('schedule.startTime'), startTime),
    field(t('schedule.minutes'), minutes), field(t('col.quota'), quota), field(t('schedule.fee'), fee),
    el('button', { type: 'button', class: 'secondary', onclick: () => { const list = fieldset.parentElement; fieldset.remove(); renumber(t, list); } },
      t('schedule.removeLine')));
  fieldset.legend = legend;
  fieldset.read = () => ({
    weekday: weekday.value, session: session.value, startTime: startTime.value || undefined,
    minutesPerNumber: Number(minutes.value), quota: Number(quota.value), fee: fee.value === '' ? undefined : Number(fee.value),
  });
  return fieldset;
}

function renumber(t, lines) {
  [...lines.children].forEach((line, i) => { line.legend.textContent = t('schedule.line', i + 1); });
}

function exceptionForm(app, path, status, drawExceptions) {
  const { t } = app;
  const date = el('input', { type: 'date', required: true, value: app.clock.today() });
  const kind = choice([['leave', t('kind.leave')], ['extra_session', t('kind.extra_session')]], 'leave');
  const session = choice([['', t('schedule.wholeDay')], ...Sessions.map((s) => [s, t(`session.${s}`)])], '');
  const startTime = el('input', { type: 'time' });
  const minutes = el('input', { type: 'number', min: 1, max: 240 });
  const quota = el('input', { type: 'number', min: 1, max: 10000 });
  const number = (input) => (input.value === '' ? undefined : Number(input.value));
  return onSubmit(app, el('form', { class: 'stack', 'aria-labelledby': 'new-exception' },
    el('h3', { id: 'new-exception' }, t('schedule.newException')),
    field(t('col.date'), date), field(t('col.kind'), kind), field(t('col.session'), session),
    el('p', { class: 'muted' }, t('schedule.extraHint')),
    field(t('schedule.startTime'), startTime), field(t('schedule.minutes'), minutes), field(t('col.quota'), quota),
    el('button', { type: 'submit' }, t('schedule.addException'))),
  status, async () => {
    await app.api.post(`${path}/exceptions`, {
      date: date.value, kind: kind.value, session: session.value || undefined, startTime: startTime.value || undefined,
      minutesPerNumber: number(minutes), quota: number(quota),
    });
    drawExceptions((await app.api.get(path)).exceptions);
    status.replaceChildren(savedNotice(t('schedule.exceptionAdded')));
  });
}

function choice(options, selected) {
  return el('select', {}, options.map(([value, label]) => el('option', { value, selected: value === selected }, label)));
}
