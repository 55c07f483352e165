import { el, clear } from './dom.js';

const SPEAKERS = 60; // speakers listed, most quoted first
const PER_SPEAKER = 8; // quotes shown under each

/**
 * Who said what across the events on screen: every quote grouped by its speaker, each
 * opening the event it evidences. (Casualty claims by claimant are per event and per article:
 * the Event and Article views.)
 */
export function renderSources(panel, rows, onOpen) {
  clear(panel);
  const bySpeaker = new Map();
  const seen = new Set(); // one quote can evidence several events of its article
  for (const r of rows) {
    for (const q of r.quotes ?? []) {
      const key = `${r.article_id}/${q.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const speaker = q.speaker ?? '(speaker not found)';
      if (!bySpeaker.has(speaker)) bySpeaker.set(speaker, []);
      bySpeaker.get(speaker).push({ q, r });
    }
  }
  const speakers = [...bySpeaker].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  panel.append(el('p', { class: 'count-line', id: 'sources-count', dataset: { speakers: String(speakers.length), quotes: String(seen.size) } },
    `${seen.size} quote${seen.size === 1 ? '' : 's'} from ${speakers.length} speaker${speakers.length === 1 ? '' : 's'} in the events shown`,
    speakers.length > SPEAKERS ? ` (the ${SPEAKERS} most quoted listed)` : ''));
  for (const [speaker, list] of speakers.slice(0, SPEAKERS)) {
    panel.append(el('div', { class: 'group speaker-group' },
      el('div', { class: 'group-name', text: `${speaker} (${list.length})` }),
      list.slice(0, PER_SPEAKER).map(({ q, r }) => el('blockquote', { class: 'quote-item', title: 'open the event it evidences', onclick: () => onOpen(r) },
        q.text, el('div', { class: 'muted', text: [r.outlet, r.published_at, r.plover_type].filter(Boolean).join(' · ') }))),
      list.length > PER_SPEAKER ? el('div', { class: 'muted', text: `… and ${list.length - PER_SPEAKER} more` }) : ''));
  }
}
