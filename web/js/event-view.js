import { el, clear, safeHref, colorOf } from './dom.js';
import { viewHash } from './state.js';

const speakerName = (s) => (s ? s.name ?? s.span?.text ?? 'unnamed' : null);

/** One event: what happened, who, where, when, the counts and their claimants, the report and its quotes. */
export function renderEvent(panel, articleId, doc, eventId) {
  clear(panel);
  const events = doc.layers.events ?? [];
  const ev = events.find((e) => e.id === eventId);
  if (!ev) {
    panel.append(el('p', { text: `No event "${eventId}" in article ${articleId}.` }));
    return null;
  }
  const counts = (doc.layers.counts ?? []).filter((c) => ev.countIds.includes(c.id));
  const quotes = (doc.layers.quotes ?? []).filter((q) => ev.quoteIds.includes(q.id));
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

  panel.append(el('h3', { text: `Counts (${counts.length})` }));
  if (!counts.length) panel.append(el('p', { class: 'muted', text: 'No casualty counts attached to this event.' }));
  for (const c of counts) {
    panel.append(el('div', { class: 'group' },
      el('span', { class: 'killed', text: `${c.value} ${c.kind}` }), ` ${c.who} (${c.qualifier}${c.vague ? `, “${c.vague}”` : ''})${c.subsetOf ? ' · subset of another count' : ''}`,
      el('div', { class: 'muted', text: `claimed by: ${speakerName(c.claimant) ?? 'no claimant found'} — “${c.span.text}”` })));
  }

  panel.append(el('h3', { text: `Quotes evidencing it (${quotes.length})` }));
  if (!quotes.length) panel.append(el('p', { class: 'muted', text: 'No quotes attached to this event.' }));
  for (const q of quotes) panel.append(el('blockquote', { class: 'ev-quote' }, q.direct ? `“${q.span.text}”` : q.span.text, el('div', { class: 'muted', text: `— ${speakerName(q.speaker) ?? 'speaker not found'}` })));

  const m = doc.meta ?? {};
  const href = m.url ? safeHref(m.url) : null;
  panel.append(el('h3', { text: 'Report' }),
    el('div', {}, el('strong', { text: m.title ?? articleId })),
    el('div', { class: 'muted', text: [m.outlet, m.publishedAt].filter(Boolean).join(' · ') }),
    el('div', {},
      el('a', { id: 'open-article', href: viewHash({ view: 'article', article: articleId, focus: ev.id }), text: 'Open the article' }),
      href ? ' · ' : '', href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: 'original' }) : ''));
  return ev;
}
