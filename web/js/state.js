// Filters live in the query string and the open view in the hash, so any view can be shared.
export const FILTER_KEYS = ['type', 'acled', 'actor', 'country', 'q', 'from', 'to'];

export function readFilters() {
  const p = new URLSearchParams(location.search);
  const f = {};
  for (const k of FILTER_KEYS) f[k] = p.get(k) ?? '';
  return f;
}

export function writeFilters(f) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) p.set(k, f[k]);
  const qs = p.toString();
  history.replaceState(null, '', `${location.pathname}${qs ? `?${qs}` : ''}${location.hash}`);
}

/**
 * { view: 'list' | 'event' | 'article', article, event, ev, focus, at }: `event` and `focus` are
 * event ids, `ev` an event's position in its article, `at` a span to show ("start-end", clean text).
 */
export function readView() {
  const p = new URLSearchParams(location.hash.slice(1));
  const get = (k) => p.get(k) ?? '';
  return { view: p.get('view') ?? 'list', article: get('article'), event: get('event'), ev: get('ev'), focus: get('focus'), at: get('at') };
}

/** "12-40" → { start: 12, end: 40 }, or null. */
export function parseSpan(at) {
  const m = /^(\d+)-(\d+)$/.exec(at ?? '');
  return m && Number(m[2]) > Number(m[1]) ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

export function viewHash(v) {
  const p = new URLSearchParams();
  for (const [k, val] of Object.entries(v)) if (val) p.set(k, val);
  return `#${p.toString()}`;
}

const pad = (n) => String(n).padStart(2, '0');
export const isoDay = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The calendar day an event value (TIMEX3: day, ISO week, month) starts on, or null. */
export function dayOf(value) {
  if (!value) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (Number(m[2]) - 1) * 7 * 864e5);
    return isoDay(monday);
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return `${m[1]}-${m[2]}-01`;
  return null;
}

/** Adds the derived fields the dashboard filters on. */
export function enrich(row) {
  row.key = `${row.article_id}/${row.event_id}`;
  // an undated event is placed on its report's day; a vague date ("2020-FA") stays off the timeline
  row.day = row.date ? dayOf(row.date) : dayOf(row.published_at);
  row.hay = [row.sentence, row.trigger, row.place, row.source, row.target, row.outlet, row.plover_type, row.acled_event_type, row.acled_sub_event_type]
    .filter(Boolean).join(' ').toLowerCase();
  return row;
}

const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);

export function matches(row, f, ignoreTime = false) {
  if (f.type && !list(f.type).includes(row.plover_type)) return false;
  if (f.acled && !list(f.acled).some((a) => a === row.acled_event_type || a === row.acled_sub_event_type)) return false;
  if (f.country && !list(f.country).includes(row.country)) return false;
  if (f.actor) {
    const a = f.actor.toLowerCase();
    if (![row.source, row.target, row.source_code, row.target_code].some((x) => x && x.toLowerCase().includes(a))) return false;
  }
  if (f.q && !f.q.toLowerCase().split(/\s+/).filter(Boolean).every((w) => row.hay.includes(w))) return false;
  if (!ignoreTime && (f.from || f.to)) {
    if (!row.day) return false;
    if (f.from && row.day < f.from) return false;
    if (f.to && row.day > f.to) return false;
  }
  return true;
}
