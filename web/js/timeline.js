import { isoDay } from './state.js';

const NS = 'http://www.w3.org/2000/svg';
const svgEl = (tag, attrs = {}) => {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};
const DAY = 864e5;
const toMs = (day) => Date.parse(`${day}T00:00:00Z`);

/** Events per day as SVG bars; dragging across it chooses a date range (click clears it). */
export function createTimeline(container, { onBrush }) {
  const svg = svgEl('svg');
  container.append(svg);
  let counts = new Map();
  let range = { from: '', to: '' };
  let domain = null; // [firstMs, lastMs]
  const M = { left: 30, right: 10, top: 8, bottom: 18 };

  const width = () => svg.clientWidth || 600;
  const height = () => svg.clientHeight || 120;
  const xOf = (ms) => M.left + ((ms - domain[0]) / (domain[1] + DAY - domain[0])) * (width() - M.left - M.right);
  const msOf = (x) => domain[0] + ((x - M.left) / (width() - M.left - M.right)) * (domain[1] + DAY - domain[0]);

  function draw() {
    while (svg.firstChild) svg.firstChild.remove();
    const days = [...counts.keys()].sort();
    if (!days.length) {
      domain = null;
      const t = svgEl('text', { x: 10, y: 20 });
      t.textContent = 'no dated events';
      svg.append(t);
      return;
    }
    domain = [toMs(days[0]) - DAY, toMs(days[days.length - 1]) + DAY];
    const h = height();
    const max = Math.max(...counts.values());
    const barW = Math.max(1, xOf(domain[0] + DAY) - xOf(domain[0]) - 1);
    svg.append(svgEl('line', { class: 'axis', x1: M.left, x2: width() - M.right, y1: h - M.bottom, y2: h - M.bottom }));
    const maxLabel = svgEl('text', { x: 2, y: M.top + 8 });
    maxLabel.textContent = String(max);
    svg.append(maxLabel);
    for (const [day, n] of counts) {
      const bh = Math.max(1, (n / max) * (h - M.top - M.bottom));
      const inRange = (!range.from || day >= range.from) && (!range.to || day <= range.to);
      const bar = svgEl('rect', { class: `bar${inRange ? ' in' : ''}`, x: xOf(toMs(day)), y: h - M.bottom - bh, width: barW, height: bh });
      bar.dataset.day = day;
      const tip = svgEl('title');
      tip.textContent = `${day}: ${n} event${n === 1 ? '' : 's'}`;
      bar.append(tip);
      svg.append(bar);
    }
    const ticks = Math.max(2, Math.floor(width() / 110));
    for (let i = 0; i <= ticks; i++) {
      const ms = domain[0] + ((domain[1] + DAY - domain[0]) * i) / ticks;
      const t = svgEl('text', { x: Math.min(xOf(ms), width() - 62), y: h - 4 });
      t.textContent = isoDay(new Date(ms));
      svg.append(t);
    }
    if (range.from || range.to) {
      const x1 = range.from ? xOf(toMs(range.from)) : M.left;
      const x2 = range.to ? xOf(toMs(range.to) + DAY) : width() - M.right;
      svg.append(svgEl('rect', { class: 'brush', x: Math.min(x1, x2), y: M.top - 4, width: Math.abs(x2 - x1), height: h - M.top - M.bottom + 4 }));
    }
  }

  let drag = null;
  const localX = (ev) => ev.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener('pointerdown', (ev) => {
    if (!domain) return;
    drag = { x0: localX(ev), rect: svgEl('rect', { class: 'brush', y: M.top - 4, height: height() - M.top - M.bottom + 4, x: localX(ev), width: 0 }) };
    svg.append(drag.rect);
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const x = localX(ev);
    drag.rect.setAttribute('x', String(Math.min(x, drag.x0)));
    drag.rect.setAttribute('width', String(Math.abs(x - drag.x0)));
  });
  svg.addEventListener('pointerup', (ev) => {
    if (!drag) return;
    const x = localX(ev);
    const { x0 } = drag;
    drag = null;
    if (Math.abs(x - x0) < 3) return onBrush('', '');
    const a = isoDay(new Date(Math.floor(msOf(Math.min(x, x0)) / DAY) * DAY));
    const b = isoDay(new Date(Math.floor(msOf(Math.max(x, x0)) / DAY) * DAY));
    onBrush(a, b);
  });
  new ResizeObserver(() => draw()).observe(svg);

  return {
    /** rows: events matching every filter but the date range */
    setData(rows, r) {
      counts = new Map();
      for (const row of rows) if (row.day) counts.set(row.day, (counts.get(row.day) ?? 0) + 1);
      range = r;
      draw();
    },
  };
}
