// A plain data table: column headings, then one row of cells per item (cells are text or nodes).
import { el } from './dom.js';

export function table(headings, rows, rowProps = () => ({})) {
  return el('div', { class: 'table-scroll' }, el('table', {},
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((row, i) => el('tr', rowProps(i), row.map((cell) => el('td', {}, cell)))))));
}
