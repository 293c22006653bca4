// Builds elements with text nodes only: data from the API is never parsed as HTML (a doctor named
// "<script>" shows as text).

/** el('button', { class: 'x', onclick: f, disabled: true }, 'text', childNode) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces a node's children; nested lists are flattened and null/false left out, as in el(). */
export function fill(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

let fieldCount = 0;

/**
 * A labelled form field: the label's for= names the input's id, so screen readers and tests find it
 * by its label. The input stands beside its label, not inside it, so a select's options never become
 * part of the label's name.
 */
export function field(labelText, input) {
  fieldCount += 1;
  input.id ||= `field-${fieldCount}`;
  if (!input.name) input.name = input.id;
  return el('div', { class: 'field' }, el('label', { for: input.id }, labelText), input);
}

/** Replaces what <paramref>container</paramref> shows, and moves focus to its heading so keyboard and screen-reader users follow. */
export function show(container, ...nodes) {
  fill(container, ...nodes);
  const heading = container.querySelector('h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: false });
  }
}

/** A notice of a problem, read out by screen readers when it appears. */
export function problemNotice(text) {
  return el('p', { class: 'notice problem', role: 'alert' }, text);
}
