// What every staff form and row button does around its API call: the control is disabled while the
// call is out (a second click sends nothing twice), and a refusal is shown by its code in the screen's
// status line, so a form never looks saved when it was not.
import { el } from '../shared/dom.js';

/** Runs action(event) on submit of form; returns the form. */
export function onSubmit(app, form, status, action) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    return guarded(app, status, event.submitter, () => action(event));
  });
  return form;
}

/** A button that runs action on click, guarded like a form. */
export function actionButton(app, status, label, action, props = {}) {
  const button = el('button', { type: 'button', ...props }, label);
  button.addEventListener('click', () => guarded(app, status, button, action));
  return button;
}

/** A notice that the change is stored. */
export function savedNotice(text) {
  return el('p', { class: 'notice' }, text);
}

async function guarded(app, status, control, action) {
  if (control) control.disabled = true;
  try {
    await action();
  } catch (error) {
    status.replaceChildren(app.problem(error));
  } finally {
    if (control?.isConnected) control.disabled = false;
  }
}

/**
 * One button that deactivates what is active and reactivates what is not (a department, a doctor),
 * its label following the stored state the API answers with.
 */
export function activeToggle(app, status, { active, deactivateLabel, reactivateLabel, deactivate, reactivate, saved }) {
  const button = actionButton(app, status, '', async () => {
    const stored = active ? await deactivate() : await reactivate();
    active = stored.active;
    label();
    saved(stored);
  }, { class: 'secondary' });
  const label = () => { button.textContent = active ? deactivateLabel : reactivateLabel; };
  label();
  return button;
}
