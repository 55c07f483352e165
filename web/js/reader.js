import { el, clear } from './dom.js';
import { viewHash, parseSpan } from './state.js';

// Outer kinds first when spans start together, so a quote wraps the entities inside it.
const RANK = { focus: -1, neardup: 0, background: 1, quote: 2, count: 3, date: 4, place: 5, actor: 6, entity: 7, trigger: 8 };
const LEGEND = [['entity', 'entity'], ['actor', 'actor'], ['place', 'place'], ['date', 'date'], ['quote', 'quote'], ['count', 'count'], ['trigger', 'event trigger'], ['neardup', 'near-duplicate']];
const who = (s) => (s ? s.name ?? s.span?.text ?? 'unnamed' : null);

function annotations(doc, articleId) {
  const L = doc.layers;
  const out = [];
  // a quote or a count that evidences an event opens that event when clicked
  const eventOf = new Map();
  for (const e of L.events ?? []) for (const id of [...(e.quoteIds ?? []), ...(e.countIds ?? [])]) if (!eventOf.has(id)) eventOf.set(id, e.id);
  const toEvent = (id) => (eventOf.has(id) ? { href: viewHash({ view: 'event', article: articleId, event: eventOf.get(id) }) } : {});
  const opens = (id) => (eventOf.has(id) ? ' — click to open its event' : '');
  const add = (kind, span, title, extra = {}) => {
    if (span && span.end > span.start) out.push({ kind, start: span.start, end: span.end, title, ...extra });
  };
  for (const e of L.entities ?? []) add('entity', e.span, `Entity ${e.type} (${e.source})`);
  for (const a of L.actors ?? []) add('actor', a.span, `Actor: ${a.actor.name} [${a.actor.code}] via ${a.via}${a.person ? ` · ${a.person}` : ''}`);
  for (const p of L.places ?? []) {
    const r = p.resolved;
    add('place', p.span, r ? `Place: ${r.name}, ${r.country} (${r.lat.toFixed(3)}, ${r.lon.toFixed(3)})${p.precision ? ` · ${p.precision}` : ''}` : 'Place: not resolved');
  }
  for (const d of L.dates ?? []) add('date', d.span, `Date: ${d.value}${d.precision ? ` (${d.precision})` : ''}${d.relative ? ' · relative to publication' : ''}`);
  for (const q of L.quotes ?? []) add('quote', q.span, `Quote (${q.direct ? 'direct' : 'partial'}) — speaker: ${who(q.speaker) ?? 'not found'}${opens(q.id)}`, { speaker: who(q.speaker) ?? '', id: q.id, ...toEvent(q.id) });
  for (const q of L.statements ?? []) add('quote', q.span, `Statement (reported speech) — speaker: ${who(q.speaker) ?? 'not found'}${opens(q.id)}`, { speaker: who(q.speaker) ?? '', id: q.id, ...toEvent(q.id) });
  for (const c of L.counts ?? []) add('count', c.span, `Count: ${c.value} ${c.kind} ${c.who} (${c.qualifier}) — claimant: ${who(c.claimant) ?? 'none found'}${opens(c.id)}`, { id: c.id, ...toEvent(c.id) });
  for (const e of L.events ?? []) {
    const parts = [e.source?.name, e.target?.name].filter(Boolean).join(' → ');
    add('trigger', e.trigger, `Event ${e.type}${parts ? `: ${parts}` : ''}${e.place ? ` · ${e.place.name}` : ''}${e.date ? ` · ${e.date.value}` : ''} — click to open`, {
      href: viewHash({ view: 'event', article: articleId, event: e.id }), id: e.id,
    });
  }
  const sentences = L.sentences ?? [];
  for (const n of L.nearDuplicates ?? []) {
    const s = sentences[n.sentence];
    if (s) add('neardup', s.span, `Near-duplicate of sentence ${n.duplicateOf + 1} (similarity ${n.similarity.toFixed(2)})`);
  }
  for (const b of L.background ?? []) add('background', b.span, `Background: ${b.reason}`);
  return out;
}

const order = (a, b) => a.start - b.start || b.end - a.end || RANK[a.kind] - RANK[b.kind];

/** Render text[from, to) with the annotations inside it, nesting them and splitting any that cross. */
function build(parent, text, from, to, anns) {
  let pos = from;
  let rest = anns.slice().sort(order);
  while (rest.length) {
    const a = rest.shift();
    if (a.start > pos) parent.append(document.createTextNode(text.slice(pos, a.start)));
    const inside = [];
    const after = [];
    for (const b of rest) {
      if (b.start >= a.end) after.push(b);
      else if (b.end <= a.end) inside.push(b);
      else {
        inside.push({ ...b, end: a.end });
        after.push({ ...b, start: a.end });
      }
    }
    const node = el('mark', { class: `hl hl-${a.kind}`, title: a.title, dataset: { kind: a.kind, ...(a.speaker !== undefined ? { speaker: a.speaker } : {}), ...(a.id ? { id: a.id } : {}) } });
    if (a.href) {
      node.classList.add('jump');
      // the innermost mark with a target wins (a trigger inside a quote opens the trigger's event)
      node.addEventListener('click', (ev) => { ev.stopPropagation(); location.hash = a.href; });
    }
    build(node, text, a.start, a.end, inside);
    parent.append(node);
    if (a.kind === 'neardup') parent.append(el('span', { class: 'reason', text: ` [${a.title.toLowerCase()}]` }));
    pos = a.end;
    rest = after.sort(order);
  }
  if (to > pos) parent.append(document.createTextNode(text.slice(pos, to)));
}

function grouped(panel, heading, items, keyOf, line) {
  panel.append(el('h3', { text: heading }));
  const groups = new Map();
  for (const it of items) {
    const k = keyOf(it);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(it);
  }
  if (!groups.size) panel.append(el('p', { class: 'muted', text: 'none' }));
  for (const [k, list] of groups) panel.append(el('div', { class: 'group' }, el('div', { class: 'group-name', text: `${k} (${list.length})` }), list.map(line)));
}

/**
 * The cleaned article with every fact highlighted at its span, then quotes, claims and what
 * cleaning set aside. `focus` (an event id) or `ev` (its position) flashes that event's
 * trigger; `at` ("start-end") or else the focused event's sentence is outlined and scrolled to.
 */
export function renderArticle(panel, stored, { focus = '', ev = '', at = '' } = {}) {
  clear(panel);
  const doc = stored.document;
  const text = doc.clean?.text ?? '';
  const focusEvent = focus ? (doc.layers.events ?? []).find((e) => e.id === focus) : (doc.layers.events ?? [])[Number(ev === '' ? NaN : ev)];
  const shown = parseSpan(at) ?? focusEvent?.sentenceSpan;
  const m = doc.meta ?? {};
  panel.append(el('h2', { id: 'article-title', text: m.title ?? stored.id }), el('div', { class: 'muted', text: [m.outlet, m.publishedAt, stored.id].filter(Boolean).join(' · ') }));
  panel.append(el('div', { class: 'legend' }, LEGEND.map(([k, label]) => el('span', { class: `hl hl-${k}`, text: label }))));
  const body = el('div', { class: 'article-text', id: 'article-text' });
  const anns = annotations(doc, stored.id);
  if (shown) anns.push({ kind: 'focus', start: shown.start, end: shown.end, title: 'the passage you came to read' });
  build(body, text, 0, text.length, anns.filter((a) => a.end <= text.length));
  panel.append(body);

  // quotes and reported statements together, in text order
  const quotes = [...(doc.layers.quotes ?? []), ...(doc.layers.statements ?? [])].sort((a, b) => a.span.start - b.span.start);
  grouped(panel, 'Quotes and statements by speaker', quotes, (q) => who(q.speaker) ?? '(speaker not found)', (q) =>
    el('blockquote', { class: 'quote-item', onclick: () => body.querySelector(`mark[data-kind="quote"][data-id="${CSS.escape(q.id)}"]`)?.scrollIntoView({ block: 'center' }) }, q.span.text));
  const counts = doc.layers.counts ?? [];
  grouped(panel, 'Casualty claims by claimant', counts, (c) => who(c.claimant) ?? '(no claimant found)', (c) =>
    el('div', { class: 'claim-item', onclick: () => body.querySelector(`mark[data-kind="count"][data-id="${CSS.escape(c.id)}"]`)?.scrollIntoView({ block: 'center' }) },
      el('span', { class: 'killed', text: `${c.value} ${c.kind}` }), ` ${c.who} (${c.qualifier.replace(/_/g, ' ')}) — “${c.span.text}”`));

  const dups = doc.layers.nearDuplicates ?? [];
  const sentences = doc.layers.sentences ?? [];
  panel.append(el('h3', { text: `Near-duplicate sentences (${dups.length})` }));
  for (const n of dups) {
    panel.append(el('div', { class: 'greyed' }, sentences[n.sentence]?.span.text ?? '', el('div', { class: 'reason', text: `repeats sentence ${n.duplicateOf + 1} (similarity ${n.similarity.toFixed(2)})` })));
  }
  const boiler = doc.layers.boilerplate ?? [];
  panel.append(el('h3', { text: `Boilerplate removed by cleaning (${boiler.length})` }));
  for (const b of boiler) panel.append(el('div', { class: 'greyed boilerplate' }, el('span', { class: 'reason', text: `${b.kind} (${b.rule}): ` }), doc.raw.slice(b.raw.start, b.raw.end)));

  const t = focusEvent ? body.querySelector(`mark[data-kind="trigger"][data-id="${CSS.escape(focusEvent.id)}"]`) : null;
  t?.classList.add('flash');
  const target = body.querySelector('mark[data-kind="focus"]') ?? t;
  if (target) requestAnimationFrame(() => target.scrollIntoView({ block: 'center' }));
}
