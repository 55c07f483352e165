import type { EventFilter } from '../query/event-filter.js';
import type { EventLine, FigureClaimLine, HeadlineFigure, SourceNote } from './model.js';

/** Plain-text pieces both renderers share; each renderer escapes them for its format. */

export const KIND_LABEL: Record<HeadlineFigure['kind'], string> = { killed: 'Killed', injured: 'Injured', displaced: 'Displaced' };

export function dateText(line: EventLine): string {
  if (!line.date) return 'undated';
  const precision = line.datePrecision ? ` (${line.datePrecision}${line.dateFromPublication ? ', from the publication date' : ''})` : '';
  return `${line.date}${precision}`;
}

export function actorsText(line: EventLine): string {
  if (line.source && line.target) return `${line.source} → ${line.target}`;
  if (line.source) return `${line.source} (no target named)`;
  if (line.target) return `unnamed actor → ${line.target}`;
  return 'actors not named';
}

export function placeText(line: EventLine): string {
  if (!line.place) return 'place not stated';
  return `${line.place}${line.placePrecision ? ` (${line.placePrecision})` : ''}`;
}

export function tollText(line: EventLine): string {
  const parts = [line.killed !== undefined ? `${line.killed} killed` : '', line.injured !== undefined ? `${line.injured} injured` : ''].filter(Boolean);
  return parts.join(', ');
}

/** "12 civilians killed" style summary of one line, without its notes. */
export function lineText(line: EventLine): string {
  return [dateText(line), `${line.type} (“${line.trigger}”)`, actorsText(line), placeText(line), tollText(line)].filter(Boolean).join(' · ');
}

export function undatedText(n: number): string {
  return `${n} event(s) of this place have no date, so no period can include them: their articles carry no publication date to resolve “on Tuesday” against. Give one at ingest (--published) to report them.`;
}

export function rangeText(f: HeadlineFigure): string {
  return f.low === f.high ? `${f.best}` : `${f.low}–${f.best}–${f.high}`;
}

export function claimText(c: FigureClaimLine): string {
  const qualifier = c.qualifier === 'exact' ? '' : ` (${c.qualifier.replace(/_/g, ' ')})`;
  return `${c.value}${qualifier}, ${c.claimant ? `according to ${c.claimant}` : 'stated by the reporter'} — ${c.outlet ?? `article ${c.articleId}`}`;
}

export function filterText(filter: EventFilter): string {
  const parts: string[] = [];
  if (filter.country) parts.push(`country ${filter.country.join(', ')}`);
  if (filter.bbox) parts.push(`bbox ${filter.bbox.join(',')}`);
  if (filter.plover) parts.push(`type ${filter.plover.join(', ')}`);
  if (filter.acled) parts.push(`ACLED ${filter.acled.join(', ')}`);
  if (filter.actor) parts.push(`actor "${filter.actor}"`);
  if (filter.text) parts.push(`text "${filter.text}"`);
  if (filter.from) parts.push(`from ${filter.from}`);
  if (filter.to) parts.push(`to ${filter.to}`);
  return parts.length ? parts.join('; ') : 'no filter';
}

export function noteSourceText(n: SourceNote): string {
  return [n.title ? `“${n.title}”` : '', n.outlet ?? '', n.publishedAt ?? ''].filter(Boolean).join(', ') || `article ${n.articleId}`;
}

export function spanText(n: SourceNote): string {
  return `clean text [${n.span.start}, ${n.span.end}), raw [${n.rawSpan.start}, ${n.rawSpan.end})`;
}

/** Only web links are links: a javascript: or data: URL from an article is shown, never followed. */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** Escape text for HTML and SVG: article text is hostile input. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
