import { el, clear, colorOf } from './dom.js';

const SHOWN = 300;

export function renderList(panel, rows, total, onOpen) {
  clear(panel);
  const sorted = [...rows].sort((a, b) => (b.day ?? '').localeCompare(a.day ?? '') || a.key.localeCompare(b.key));
  panel.append(el('p', { class: 'count-line', id: 'list-count', dataset: { count: String(rows.length) } },
    `${rows.length} event${rows.length === 1 ? '' : 's'} shown of ${total}`, rows.length > SHOWN ? ` (first ${SHOWN} listed)` : ''));
  for (const r of sorted.slice(0, SHOWN)) {
    const sw = el('span', { class: 'sw' });
    sw.style.background = colorOf(r.plover_type);
    const actors = [r.source, r.target].filter(Boolean).join(' → ');
    panel.append(el('div', { class: 'ev-row', dataset: { key: r.key }, onclick: () => onOpen(r) }, sw,
      el('div', {},
        el('div', {}, el('span', { class: 'type', text: r.plover_type }), ` ${r.date ?? 'undated'} · ${r.place ?? 'no place'}`,
          r.killed ? el('span', { class: 'killed', text: ` · ${r.killed} killed` }) : ''),
        actors ? el('div', { class: 'meta', text: actors }) : '',
        el('div', { class: 'sent', text: r.sentence }))));
  }
}
