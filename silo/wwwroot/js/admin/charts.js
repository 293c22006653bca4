// Small bar charts drawn as inline SVG by the page itself (no library, nothing from elsewhere). Bars
// are sized in percent of the chart's width, so a chart fits a 360 px phone and a desktop alike
// without its text being scaled. Labels are SVG text nodes, set as text like everything else.
// The chart is a picture of the table beside it, which is what screen readers are given.

const Svg = 'http://www.w3.org/2000/svg';
const RowHeight = 40;
const BarHeight = 14;

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(Svg, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A horizontal bar per row: rows are { label, value, text }, bars scaled to max (the largest value
 * when not given), drawn in the colour class barClass.
 */
export function barChart(rows, { max, barClass = 'bar-booked' } = {}) {
  const top = max ?? Math.max(1, ...rows.map((r) => r.value));
  const chart = svg('svg', { class: 'chart', width: '100%', height: Math.max(1, rows.length) * RowHeight, 'aria-hidden': 'true', focusable: 'false' });
  rows.forEach((row, i) => {
    const y = i * RowHeight;
    chart.append(
      svg('text', { x: 0, y: y + 14, class: 'chart-label' }, `${row.label}: ${row.text}`),
      svg('rect', { x: 0, y: y + 20, width: '100%', height: BarHeight, class: 'chart-track' }),
      svg('rect', { x: 0, y: y + 20, width: `${Math.min(100, (100 * Math.max(0, row.value)) / top)}%`, height: BarHeight,
        class: barClass, 'data-value': row.value }));
  });
  return chart;
}
