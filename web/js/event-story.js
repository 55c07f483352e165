import { el } from './dom.js';
import { viewHash } from './state.js';

// The cross-article half of the event view: the reconciled tally with every claim and its
// claimant, the reports behind the event, the quotes that evidence it. Everything is text.

const readerAt = (articleId, span, eventIndex) =>
  viewHash({ view: 'article', article: articleId, at: span ? `${span.start}-${span.end}` : '', ev: eventIndex === undefined ? '' : String(eventIndex) });

const qualified = (value, qualifier) => (qualifier && qualifier !== 'exact' ? `${qualifier.replace(/_/g, ' ')} ${value}` : String(value));

function groupBy(items, keyOf) {
  const groups = new Map();
  for (const it of items) {
    const k = keyOf(it);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(it);
  }
  return groups;
}

function reportLabel(report, articleId) {
  if (!report) return articleId;
  return [report.outlet ?? report.title ?? articleId, report.publishedAt].filter(Boolean).join(', ');
}

function renderTally(t, reportOf) {
  const box = el('div', { class: 'tally', dataset: { kind: t.kind, low: String(t.low), best: String(t.best), high: String(t.high), disagreement: String(Boolean(t.disagreement)) } },
    el('div', { class: 'tally-head' },
      el('span', { class: 'killed', text: t.kind }), ' ',
      el('span', { class: 'tally-range', text: `low ${t.low} · best ${t.best} · high ${t.high}` }),
      el('span', { class: 'muted', text: ` · ${t.sources} source${t.sources === 1 ? '' : 's'}` }),
      t.disagreement ? el('span', { class: 'disagree', title: 'the reports give different figures', text: 'reports disagree' }) : ''));
  // every claim, grouped by who made it
  for (const [claimant, claims] of groupBy(t.claims, (c) => c.claimant ?? '(no claimant found)')) {
    box.append(el('div', { class: 'claimant' },
      el('div', { class: 'group-name', text: claimant }),
      claims.map((c) => el('div', { class: 'claim' },
        el('strong', { text: qualified(c.value, c.qualifier) }), ' — ',
        el('a', { href: readerAt(c.articleId, c.span), title: c.span?.text ?? '', text: reportLabel(reportOf.get(c.articleId), c.articleId) }),
        c.span ? el('div', { class: 'muted claim-text', text: `“${c.span.text}”` }) : ''))));
  }
  return box;
}

/** Appends the tally, the reports and the quotes of `detail` (see event-detail.js; null while it loads) to `panel`. */
export function renderStory(panel, detail, current) {
  if (!detail) {
    panel.append(el('p', { class: 'muted', id: 'event-loading', text: 'Looking up the other reports of this event…' }));
    return;
  }
  const reports = [...(detail.story?.reports ?? [])].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.articleId.localeCompare(b.articleId));
  const reportOf = new Map(reports.map((r) => [r.articleId, r]));
  if (detail.note) panel.append(el('p', { class: 'note', id: 'event-note', text: detail.note }));

  const tallies = detail.tallies ?? [];
  panel.append(el('h3', { text: `Casualty tally (${tallies.length ? `${reports.length} report${reports.length === 1 ? '' : 's'}` : 'no counts'})` }));
  const tallyBox = el('div', { id: 'event-tally' }, tallies.map((t) => renderTally(t, reportOf)));
  if (!tallies.length) tallyBox.append(el('p', { class: 'muted', text: 'No casualty counts attached to this event.' }));
  panel.append(tallyBox);

  panel.append(el('h3', { title: 'the articles reporting this event; the story cluster they belong to' }, `Reports (${reports.length})`, detail.story?.clusterId ? el('span', { class: 'muted', text: ` · ${detail.story.clusterId}` }) : ''));
  panel.append(el('ol', { id: 'event-reports' }, reports.map((r) => {
    const here = r.articleId === current.articleId && r.eventIndex === current.index;
    return el('li', { class: `report${here ? ' current' : ''}`, dataset: { articleId: r.articleId } },
      el('strong', { text: r.title ?? r.articleId }), here ? el('span', { class: 'muted', text: ' (this report)' }) : '',
      el('div', { class: 'muted', text: [r.outlet, r.publishedAt].filter(Boolean).join(' · ') }),
      r.sentence ? el('div', { class: 'sentence-box', text: r.sentence.text }) : '',
      el('a', { class: 'report-link', href: readerAt(r.articleId, r.sentence, r.eventIndex), text: 'Read it at this sentence' }));
  })));

  const quotes = detail.quotes ?? [];
  panel.append(el('h3', { text: `Quotes evidencing it (${quotes.length})` }));
  if (!quotes.length) panel.append(el('p', { class: 'muted', text: 'No quotes attached to this event.' }));
  for (const [speaker, list] of groupBy(quotes, (q) => q.speaker ?? '(speaker not found)')) {
    panel.append(el('div', { class: 'group ev-quotes' },
      el('div', { class: 'group-name', text: `${speaker} (${list.length})` }),
      list.map((q) => el('blockquote', { class: 'ev-quote' }, q.text,
        el('div', { class: 'muted' }, '— ', el('a', { href: readerAt(q.articleId, q.span), text: reportLabel(reportOf.get(q.articleId), q.articleId) }))))));
  }
}
