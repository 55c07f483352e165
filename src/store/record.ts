import { createHash } from 'node:crypto';
import type { DocumentJson } from '../serialize/document-json.js';
import type { ArticleRecord, ArticleSummary } from './store.js';

/** Content identity: the raw text with white space collapsed, so re-saved files still match. */
export function contentHash(raw: string): string {
  return createHash('sha256').update(raw.replace(/\s+/g, ' ').trim()).digest('hex');
}

export function articleRecord(document: DocumentJson): ArticleRecord {
  const hash = contentHash(document.raw);
  const meta = document.meta;
  return {
    id: meta.id ?? hash.slice(0, 16),
    contentHash: hash,
    url: meta.url,
    title: meta.title,
    outlet: meta.outlet,
    publishedAt: meta.publishedAt,
    origin: meta.origin,
    pipelineVersion: document.pipelineVersion,
    document,
  };
}

/** How many facts of each kind a document holds, for listings. */
export function layerCounts(document: DocumentJson): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(document.layers)) if (Array.isArray(value)) counts[name] = value.length;
  return counts;
}

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string): (string | number)[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v)) return v;
  } catch {
    /* fall through */
  }
  throw new Error(`invalid cursor "${cursor}"`);
}

/** The columns every store keeps for an article summary, as read back from a row. */
export interface SummaryColumns {
  id: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published_at: string | null;
  origin: string | null;
  pipeline_version: string;
  chars: number;
}

/** An article summary from a stored row; absent optional fields are left out, never null. */
export function summaryFromRow(row: SummaryColumns, ingestedAt: string, counts: Record<string, number>): ArticleSummary {
  const s: ArticleSummary = { id: row.id, pipelineVersion: row.pipeline_version, ingestedAt, chars: row.chars, counts };
  if (row.title) s.title = row.title;
  if (row.outlet) s.outlet = row.outlet;
  if (row.url) s.url = row.url;
  if (row.published_at) s.publishedAt = row.published_at;
  if (row.origin) s.origin = row.origin;
  return s;
}
