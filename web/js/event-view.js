import { el, clear, safeHref, colorOf } from './dom.js';
import { viewHash } from './state.js';
import { renderStory } from './event-story.js';
import { speakerName } from './event-detail.js';

/** The position of event `eventId` in the stored article's events, or -1. */
export const eventIndexOf = (doc, eventId) => (doc.layers.events ?? []).findIndex((e) => e.id === eventId);

/**
 * One event: what happened, who, where, when as this report tells it, then the story across
 * reports (`detail`, from event-detail.js): the tally and its claimants, the reports, the quotes.
 */
export function renderEvent(panel, articleId, doc, index, detail) {
  clear(panel);
  Object.assign(panel.dataset, { article: articleId, index: String(index) });
  const ev = doc.layers.events[index];
  const head = el('h2', { id: 'event-title' }, el('span', { text: ev.type }), ev.mode ? ` (${ev.mode})` : '');
  head.style.color = colorOf(ev.type);
  panel.append(head);

  const party = (p) => (p ? `${p.name}${p.actorCode ? ` [${p.actorCode}]` : ''} — “${p.span.text}”` : '—');
  const place = ev.place
    ? `${ev.place.name}${ev.place.country ? `, ${ev.place.country}` : ''}${ev.place.lat !== undefined ? ` (${ev.place.lat.toFixed(3)}, ${ev.place.lon.toFixed(3)})` : ''}${ev.place.precision ? ` · precision ${ev.place.precision}` : ''}${ev.place.fromArticleFocus ? ' · from the article focus' : ''}`
    : '—';
  const date = ev.date ? `${ev.date.value} · precision ${ev.date.precision}${ev.date.fromPublication ? ' · from the publication date' : ''}` : 'undated';
  const facts = [
    ['Source actor', party(ev.source)],
    ['Target actor', party(ev.target)],
    ['Place', place],
    ['Date', date],
    ['ACLED', ev.acled ? `${ev.acled.eventType} / ${ev.acled.subEventType}${ev.acled.interaction !== undefined ? ` · interaction ${ev.acled.interaction}` : ''}` : '—'],
    ['Trigger', `“${ev.trigger.text}”`],
  ];
  if (ev.background) facts.push(['Background', 'yes: past history, not an event of the reporting day']);
  if (ev.duplicateOf) facts.push(['Restates', ev.duplicateOf]);
  panel.append(el('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })])));

  // the sentence with its trigger marked
  const s = ev.sentenceSpan;
  const a = ev.trigger.start - s.start;
  const b = ev.trigger.end - s.start;
  panel.append(el('h3', { text: 'Evidence sentence' }),
    el('div', { class: 'sentence-box' }, s.text.slice(0, a), el('mark', { class: 'hl hl-trigger', text: s.text.slice(a, b) }), s.text.slice(b)));

  renderStory(panel, detail, { articleId, index });

  const counts = (doc.layers.counts ?? []).filter((c) => ev.countIds.includes(c.id));
  const m = doc.meta ?? {};
  const href = m.url ? safeHref(m.url) : null;
  panel.append(el('h3', { text: 'This report' }),
    el('div', {}, el('strong', { text: m.title ?? articleId })),
    el('div', { class: 'muted', text: [m.outlet, m.publishedAt].filter(Boolean).join(' · ') }),
    ...counts.map((c) => el('div', { class: 'count-line' }, el('span', { class: 'killed', text: `${c.value} ${c.kind}` }),
      ` ${c.who} (${c.qualifier.replace(/_/g, ' ')}${c.vague ? `, “${c.vague}”` : ''})${c.subsetOf ? ' · part of another count' : ''} · claimed by ${speakerName(c.claimant) ?? 'no one named'}`)),
    el('div', {},
      el('a', { id: 'open-article', href: viewHash({ view: 'article', article: articleId, focus: ev.id, at: `${ev.sentenceSpan.start}-${ev.sentenceSpan.end}` }), text: 'Open the article' }),
      href ? ' · ' : '', href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: 'original' }) : ''));
  return ev;
}
