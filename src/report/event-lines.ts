import countries from 'i18n-iso-countries';
import type { EventRow } from '../query/event-rows.js';
import type { AreaGroup, EventLine } from './model.js';
import type { ArticleShelf, NoteBook } from './notes.js';

/** Rows that report the same real-world event (one merged event across articles) share a key. */
export type EventKey = (row: EventRow) => string;

const rowKey = (row: EventRow) => `${row.articleId}#${row.event.id}`;

/** The order a report reads in: by date (undated last), then by place. */
function byTime(a: EventLine, b: EventLine): number {
  return (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || (a.place ?? '').localeCompare(b.place ?? '') || a.type.localeCompare(b.type);
}

/**
 * One line per real-world event: rows of the same merged event become one line that
 * cites every report; the details come from the earliest-published report.
 */
export async function eventLines(rows: EventRow[], keyOf: EventKey, shelf: ArticleShelf, notes: NoteBook): Promise<EventLine[]> {
  const groups = new Map<string, EventRow[]>();
  for (const row of rows) {
    const key = keyOf(row) || rowKey(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const lines: EventLine[] = [];
  for (const members of groups.values()) {
    members.sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.articleId.localeCompare(b.articleId));
    const first = members[0]!;
    const e = first.event;
    const cited: number[] = [];
    for (const row of members) {
      const article = await shelf.get(row.articleId);
      if (article) cited.push(notes.cite(article, row.event.sentenceSpan, row.event.trigger.text));
    }
    const killed = Math.max(...members.map((m) => m.killed ?? -1));
    const injured = Math.max(...members.map((m) => m.injured ?? -1));
    lines.push({
      ...(e.date ? { date: e.date.value, datePrecision: e.date.precision } : {}),
      dateFromPublication: e.date?.fromPublication ?? false,
      type: e.type,
      ...(e.source ? { source: e.source.name } : {}),
      ...(e.target ? { target: e.target.name } : {}),
      ...(e.place ? { place: e.place.name, country: e.place.country, lat: e.place.lat, lon: e.place.lon } : {}),
      ...(e.place?.precision ? { placePrecision: e.place.precision } : {}),
      trigger: e.trigger.text,
      ...(killed >= 0 ? { killed } : {}),
      ...(injured >= 0 ? { injured } : {}),
      notes: [...new Set(cited)].sort((a, b) => a - b),
    });
  }
  return lines.sort(byTime);
}

/** A country's English name from its ISO alpha-2 or alpha-3 code (the code itself when unknown). */
export function countryName(code: string | undefined): string {
  if (!code) return 'Place not stated';
  const up = code.toUpperCase();
  const iso2 = up.length === 3 ? countries.alpha3ToAlpha2(up) : up;
  return (iso2 ? (countries.getName(iso2, 'en', { select: 'official' }) as string | undefined) : undefined) ?? up;
}

/** Lines grouped by the country they happened in, areas ordered by their first event. */
export function groupByArea(lines: EventLine[]): AreaGroup[] {
  const groups = new Map<string, EventLine[]>();
  for (const line of lines) {
    const area = countryName(line.country);
    groups.set(area, [...(groups.get(area) ?? []), line]);
  }
  return [...groups].map(([area, list]) => ({ area, lines: list }));
}

/** Events per day: every day of the period (or of the events' span), empty days included. */
export function dailyCounts(lines: EventLine[], from?: string, to?: string): { day: string; events: number }[] {
  const days = lines.map((l) => l.date?.slice(0, 10)).filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const start = from ?? days[0];
  const end = to ?? days[days.length - 1];
  if (!start || !end) return [];
  const out: { day: string; events: number }[] = [];
  const DAY = 86_400_000;
  // a long period is cut to its last 92 days so the chart stays readable
  const first = Math.max(Date.parse(start), Date.parse(end) - 91 * DAY);
  for (let t = first; t <= Date.parse(end); t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, events: days.filter((d) => d === day).length });
  }
  return out;
}
