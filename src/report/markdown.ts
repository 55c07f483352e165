import { actorsText, undatedText, claimText, dateText, filterText, KIND_LABEL, noteSourceText, placeText, rangeText, safeUrl, spanText, tollText } from './describe.js';
import type { EventLine, ReportModel } from './model.js';

/** Article text is untrusted: one line, with Markdown and HTML syntax neutralised. */
export function mdText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]<>#+|~])/g, '\\$1').trim();
}

const refs = (notes: number[]) => notes.map((n) => `[^${n}]`).join('');

function eventItem(line: EventLine): string {
  const parts = [dateText(line), `**${line.type}** (“${mdText(line.trigger)}”)`, mdText(actorsText(line)), `at ${mdText(placeText(line))}`, tollText(line)].filter(Boolean);
  return `- ${parts.join(' · ')} ${refs(line.notes)}`;
}

export interface MarkdownFigures {
  /** file names of the map and chart SVGs written beside the report */
  map?: string;
  chart?: string;
}

/** The report as Markdown, with footnotes ([^n]) to every source sentence. */
export function renderMarkdown(model: ReportModel, figures: MarkdownFigures = {}): string {
  const out: string[] = [];
  out.push(`# ${mdText(model.title)}`, '');
  out.push(`Generated ${model.generatedAt} from ${model.articleCount} article(s). Filter: ${mdText(filterText(model.filter))}.`);
  out.push('Every figure and line cites the sentence it was read from (notes at the end).', '');
  if (model.undatedEvents) out.push(`${undatedText(model.undatedEvents)}`, '');

  out.push('## Headline figures', '');
  if (!model.headline.length) out.push('No killed, injured or displaced figures were reported for the period.', '');
  else {
    out.push('| | low | best | high | sources | stories | notes |', '|---|---:|---:|---:|---:|---:|---|');
    for (const f of model.headline) out.push(`| ${KIND_LABEL[f.kind]} | ${f.low} | ${f.best} | ${f.high} | ${f.sources} | ${f.stories} | ${refs([...new Set(f.claims.map((c) => c.note))])} |`);
    out.push('');
    for (const f of model.headline) {
      const claims = f.claims.map((c) => `${mdText(claimText(c))}[^${c.note}]`);
      out.push(`- **${KIND_LABEL[f.kind]}** ${rangeText(f)}${f.disagreement ? ' — *sources disagree*:' : ':'} ${claims.join(' | ')}`);
    }
    out.push('');
  }

  out.push('## What happened', '');
  if (!model.happened.length) out.push('No events matched.', '');
  for (const group of model.happened) {
    out.push(`### ${mdText(group.area)}`, '');
    for (const line of group.lines) out.push(eventItem(line));
    out.push('');
  }

  out.push('## Who said what', '');
  if (!model.quotes.length) out.push('No attributed quotes in the period’s articles.', '');
  for (const actor of model.quotes) {
    out.push(`### ${mdText(actor.actor)}`, '');
    for (const q of actor.quotes) out.push(`- ${q.direct ? '“' : 'reported: '}${mdText(q.text)}${q.direct ? '”' : ''} [^${q.note}]`);
    out.push('');
  }

  out.push('## Map and events per day', '');
  if (!figures.map) out.push('The map is in the HTML report (`--format html`), or beside this file with `--out`.', '');
  if (figures.map) out.push(`![Map of the period's events](<${figures.map}>)`, '');
  if (figures.chart) out.push(`![Events per day](<${figures.chart}>)`, '');
  if (!model.daily.length) out.push('No dated events.', '');
  else {
    out.push('| day | events | |', '|---|---:|---|');
    for (const d of model.daily) out.push(`| ${d.day} | ${d.events} | ${'█'.repeat(Math.min(d.events, 40))} |`);
    out.push('');
  }

  out.push('## Background', '', 'Past events the period’s articles recall; not news of the period.', '');
  if (!model.background.length) out.push('None.', '');
  for (const line of model.background) out.push(eventItem(line));
  if (model.background.length) out.push('');

  out.push('## Sources', '');
  for (const n of model.notes) {
    const url = safeUrl(n.url);
    const link = url ? ` · [link](<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>)` : '';
    out.push(`[^${n.n}]: ${mdText(noteSourceText(n))} · article \`${n.articleId.replace(/`/g, '')}\`${link} · ${spanText(n)}: “${mdText(n.sentence)}”`);
  }
  return `${out.join('\n')}\n`;
}
