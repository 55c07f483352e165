import { el, clear } from './dom.js';
import { readFilters, writeFilters, readView, viewHash, enrich, matches, FILTER_KEYS } from './state.js';
import { createMap } from './map.js';
import { createTimeline } from './timeline.js';
import { renderList } from './list.js';
import { renderEvent, eventIndexOf } from './event-view.js';
import { loadEventDetail } from './event-detail.js';
import { renderArticle } from './reader.js';
import { renderSources } from './sources.js';

// Measurements for the end-to-end test (milliseconds since navigation start).
const stats = (window.sitrepStats = { firstMarkersAt: 0, allLoadedAt: 0, events: 0, pages: 0 });

const $ = (id) => document.getElementById(id);
const form = $('filters');
const status = $('status');
let rows = [];
let filters = readFilters();
const byKey = new Map();

const open = (r) => { location.hash = viewHash({ view: 'event', article: r.article_id, event: r.event_id }); };
const map = createMap($('map'), {
  onEvent: open,
  onRendered: (n) => {
    if (n > 0 && !stats.firstMarkersAt) stats.firstMarkersAt = performance.now();
  },
});
const timeline = createTimeline($('timeline'), {
  onBrush: (from, to) => {
    filters = { ...filters, from, to };
    writeFilters(filters);
    update();
  },
});

function fillSelect(name, values) {
  const select = form.elements[name];
  const current = filters[name];
  clear(select).append(el('option', { value: '', text: 'all' }));
  for (const v of [...new Set([...values, ...(current ? [current] : [])])].sort()) select.append(el('option', { value: v, text: v }));
  select.value = current;
}

function refreshControls() {
  fillSelect('type', rows.map((r) => r.plover_type));
  fillSelect('acled', rows.flatMap((r) => [r.acled_event_type, r.acled_sub_event_type]).filter(Boolean));
  fillSelect('country', rows.map((r) => r.country).filter(Boolean));
  const names = clear($('actor-names'));
  for (const a of [...new Set(rows.flatMap((r) => [r.source, r.target]).filter(Boolean))].sort().slice(0, 500)) names.append(el('option', { value: a }));
  for (const k of ['actor', 'q']) if (document.activeElement !== form.elements[k]) form.elements[k].value = filters[k];
}

function update() {
  const unTimed = rows.filter((r) => matches(r, filters, true));
  const shown = unTimed.filter((r) => matches(r, filters));
  $('range-label').textContent = filters.from || filters.to ? `${filters.from || '…'} → ${filters.to || '…'}` : '';
  timeline.setData(unTimed, { from: filters.from, to: filters.to });
  map.setEvents(shown);
  renderList($('panel-list'), shown, rows.length, open);
  if (!$('panel-sources').hidden) renderSources($('panel-sources'), shown, open);
}

form.addEventListener('input', (ev) => {
  const name = ev.target.name;
  if (!FILTER_KEYS.includes(name)) return;
  filters = { ...filters, [name]: ev.target.value.trim() };
  writeFilters(filters);
  update();
});
form.addEventListener('submit', (ev) => ev.preventDefault());
$('clear-filters').addEventListener('click', () => {
  filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, '']));
  writeFilters(filters);
  refreshControls();
  update();
});

// ---- views ----
const docs = new Map();
function article(id) {
  if (!docs.has(id)) {
    docs.set(id, fetch(`/api/articles/${encodeURIComponent(id)}`).then((r) => {
      if (!r.ok) throw new Error(`article ${id}: HTTP ${r.status}`);
      return r.json();
    }));
  }
  return docs.get(id);
}

function show(view) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.view === view);
  for (const v of ['list', 'event', 'article', 'sources']) $(`panel-${v}`).hidden = v !== view;
}

let lastEvent = null;
let lastArticle = null;
let routing = 0; // only the latest navigation may draw
async function route() {
  const v = readView();
  const token = ++routing;
  try {
    if (v.view === 'event' && v.article && (v.event || v.ev)) {
      show('event');
      lastEvent = { article: v.article, event: v.event, ev: v.event ? '' : v.ev };
      $('tabs').querySelector('[data-view="event"]').disabled = false;
      const stored = await article(v.article);
      const index = v.event ? eventIndexOf(stored.document, v.event) : Number(v.ev);
      const ev = stored.document.layers.events?.[index];
      if (!Number.isInteger(index) || !ev) throw new Error(`No event "${v.event || v.ev}" in article ${v.article}.`);
      if (token !== routing) return;
      // this report's reading at once; the story across reports when the server has it
      renderEvent($('panel-event'), v.article, stored.document, index, null);
      map.select(byKey.get(`${v.article}/${ev.id}`));
      const detail = await loadEventDetail(v.article, index, stored);
      if (token !== routing) return;
      renderEvent($('panel-event'), v.article, stored.document, index, detail);
    } else if (v.view === 'article' && v.article) {
      show('article');
      lastArticle = { article: v.article, focus: v.focus, ev: v.ev, at: v.at };
      $('tabs').querySelector('[data-view="article"]').disabled = false;
      const stored = await article(v.article);
      if (token !== routing) return;
      renderArticle($('panel-article'), stored, { focus: v.focus, ev: v.ev, at: v.at });
    } else if (v.view === 'sources') {
      show('sources');
      update();
    } else show('list');
  } catch (err) {
    if (token !== routing) return;
    const panel = $(`panel-${v.view}`) ?? $('panel-list');
    clear(panel).append(el('p', { text: String(err.message ?? err) }));
  }
}
window.addEventListener('hashchange', route);
for (const b of document.querySelectorAll('#tabs button')) {
  b.addEventListener('click', () => {
    if (b.dataset.view === 'event' && lastEvent) location.hash = viewHash({ view: 'event', ...lastEvent });
    else if (b.dataset.view === 'article' && lastArticle) location.hash = viewHash({ view: 'article', ...lastArticle });
    else if (b.dataset.view === 'sources') location.hash = viewHash({ view: 'sources' });
    else location.hash = viewHash({ view: 'list' });
  });
}

// ---- data: every event, page by page; the map draws as soon as the first page is in ----
// The next page is asked for while this one is read, and the map and timeline are redrawn for
// the first page, then at most every REDRAW_MS and once at the end: a full redraw per page made
// loading quadratic in the number of pages.
const REDRAW_MS = 400;
async function fetchPage(cursor) {
  const res = await fetch(`/api/events?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
  if (!res.ok) throw new Error(`/api/events: HTTP ${res.status}`);
  return res.json();
}
async function load() {
  let next = fetchPage('');
  let drawnAt = -Infinity;
  for (;;) {
    const page = await next;
    if (page.nextCursor) next = fetchPage(page.nextCursor);
    for (const r of page.items) {
      enrich(r);
      rows.push(r);
      byKey.set(r.key, r);
    }
    stats.pages++;
    stats.events = rows.length;
    status.textContent = `${rows.length} events${page.nextCursor ? ' (loading…)' : ''}`;
    if (!page.nextCursor || performance.now() - drawnAt >= REDRAW_MS) {
      refreshControls();
      update();
      drawnAt = performance.now();
    }
    if (!page.nextCursor) break;
  }
  stats.allLoadedAt = performance.now();
  document.body.dataset.loaded = 'true';
}

import('./alerts.js').then((m) => m.mountAlerts($('alerts'))); // standing alerts and their recent matches
route();
load().catch((err) => {
  status.textContent = `could not load events: ${err.message}`;
  document.body.dataset.loaded = 'error';
});
