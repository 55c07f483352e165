import { el, clear } from './dom.js';
import { viewHash } from './state.js';

const RECENT = 20; // matches listed, newest first
const REFRESH_MS = 60_000; // while the panel is open

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

function describeAlert(a) {
  const filter = Object.entries(a.filter).map(([k, v]) => `${k} ${v}`);
  const minimums = Object.entries(a.thresholds).map(([k, v]) => `≥ ${v} ${k}`);
  return `${[...filter, ...minimums].join(', ') || 'every event'} → ${a.deliver}`;
}

function describeEvent(e) {
  const figures = e.figures.map((f) => `${f.best} ${f.kind}`).join(', ');
  return [e.type, [e.place, e.date].filter(Boolean).join(', '), figures, `${e.reports.length} report${e.reports.length === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
}

/**
 * The Alerts panel (a <details> element): saved alerts and their recent matches. A match
 * opens its event, as reported by its earliest article. Loaded once for the count in the
 * summary, then whenever the panel is opened and every minute while it stays open.
 */
export function mountAlerts(details) {
  if (!details) return;
  const summary = el('summary', { text: 'Alerts' });
  const body = el('div', { class: 'alerts-body' });
  body.style.cssText = 'max-height: 220px; overflow: auto; padding: 4px 10px; font-size: 13px;';
  details.style.cssText = 'border-top: 1px solid #ccc; padding: 4px 10px;';
  details.append(summary, body);

  const refresh = async () => {
    try {
      const [alerts, matches] = await Promise.all([getJson('/api/alerts'), getJson(`/api/alerts/matches?limit=${RECENT}`)]);
      const n = matches.items.length;
      summary.textContent = `Alerts (${alerts.items.length})${n ? ` · ${n}${n === RECENT ? '+' : ''} match${n === 1 ? '' : 'es'}` : ''}`;
      clear(body);
      if (alerts.items.length === 0) body.append(el('p', { class: 'muted', text: 'No alerts saved. Add one with `sitrep alerts add --name NAME --type ASSAULT --min-killed 5`.' }));
      else body.append(el('ul', { id: 'alert-list' }, alerts.items.map((a) => el('li', { class: 'alert' }, el('b', { text: a.name }), ` ${describeAlert(a)}`))));
      if (matches.items.length) {
        body.append(el('div', { class: 'group-name', text: 'Recent matches' }));
        body.append(el('ul', { id: 'alert-matches' }, matches.items.map((m) => {
          const first = m.event.reports[0];
          const open = first ? () => { location.hash = viewHash({ view: 'event', article: first.articleId, event: first.eventId }); } : undefined;
          return el('li', { class: 'alert-match', title: first ? 'open the event' : undefined, onclick: open, style: first ? 'cursor: pointer' : undefined },
            el('span', { class: 'muted', text: `${m.matchedAt.slice(0, 16).replace('T', ' ')} ` }), el('b', { text: m.alert }), `: ${describeEvent(m.event)}`);
        })));
      }
    } catch (err) {
      clear(body).append(el('p', { text: `could not load alerts: ${err.message ?? err}` }));
    }
  };

  let timer;
  details.addEventListener('toggle', () => {
    clearInterval(timer);
    if (!details.open) return;
    refresh();
    timer = setInterval(refresh, REFRESH_MS);
  });
  refresh();
}
