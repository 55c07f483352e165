import type { ArticleMeta } from '../core/document.js';
import { normalizeDate } from './dates.js';
import { articleFromHtml } from './html.js';
import { fail, isFailure, mergeMeta, ok, type InputArticle, type InputItem } from './types.js';

/** Optional string fields of a record, copied to ArticleMeta under the same name. */
const META_FIELDS = ['title', 'url', 'outlet', 'language'] as const;

/**
 * JSON Lines: one article object a line with `text` or `html`, and optional `title`, `url`,
 * `outlet`, `publishedAt`, `id`, `language`. Each bad line is a failure named "origin:LINE"
 * with a message starting "line N:"; the other lines go on. Blank lines are skipped.
 */
export function articlesFromJsonl(content: string, origin: string, meta?: Partial<ArticleMeta>): InputItem[] {
  const items: InputItem[] = [];
  let start = 0;
  let line = 0;
  // indexOf over the whole string, not split(): a 50 MB one-line file stays one slice
  while (start <= content.length) {
    const nl = content.indexOf('\n', start);
    const end = nl === -1 ? content.length : nl;
    line++;
    const raw = content.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (raw.trim() === '') {
      if (nl === -1) break;
      continue;
    }
    const input = `${origin}:${line}`;
    const label = `line ${line}`;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      items.push(fail(input, `${label}: invalid JSON (${jsonError(error)})`));
      continue;
    }
    items.push(articleFromRecord(value, input, label, meta));
    if (nl === -1) break;
  }
  return items;
}

/** A .json file: one article object, or an array of them (items named "origin[i]"). */
export function articlesFromJson(content: string, origin: string, meta?: Partial<ArticleMeta>): InputItem[] {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    return [fail(origin, `invalid JSON (${jsonError(error)})`)];
  }
  if (!Array.isArray(value)) return [articleFromRecord(value, origin, 'record', meta)];
  if (value.length === 0) return [fail(origin, 'empty JSON array: no articles')];
  return value.map((item, i) => articleFromRecord(item, `${origin}[${i}]`, `item ${i}`, meta));
}

/** Validate one record; `label` starts every message ("line 7: ...", "item 3: ..."). */
export function articleFromRecord(value: unknown, input: string, label: string, flags?: Partial<ArticleMeta>): InputItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(input, `${label}: expected a JSON object, got ${kind(value)}`);
  }
  const record = value as Record<string, unknown>;
  const meta: Partial<ArticleMeta> = {};
  for (const field of ['text', 'html', ...META_FIELDS] as const) {
    const v = record[field];
    if (v !== undefined && v !== null && typeof v !== 'string') return fail(input, `${label}: "${field}" must be a string, got ${kind(v)}`);
  }
  for (const field of META_FIELDS) {
    const v = record[field];
    if (typeof v === 'string' && v.trim() !== '') meta[field] = v.trim();
  }
  const id = record.id;
  if (typeof id === 'number' && Number.isFinite(id)) meta.id = String(id);
  else if (typeof id === 'string' && id.trim() !== '') meta.id = id.trim();
  else if (id !== undefined && id !== null && id !== '') return fail(input, `${label}: "id" must be a string or a number, got ${kind(id)}`);

  const published = record.publishedAt;
  if (published !== undefined && published !== null) {
    if (typeof published !== 'string') return fail(input, `${label}: "publishedAt" must be a string date, got ${kind(published)}`);
    const iso = normalizeDate(published);
    if (!iso) return fail(input, `${label}: "publishedAt" must be an ISO 8601 date or date-time, got ${JSON.stringify(clip(published))}`);
    meta.publishedAt = iso;
  }

  const text = typeof record.text === 'string' ? record.text : undefined;
  const html = typeof record.html === 'string' ? record.html : undefined;
  if (text !== undefined && text.trim() !== '') {
    const article: InputArticle = { text, meta: mergeMeta(meta, flags, input, text) };
    if (html !== undefined && html.trim() !== '') article.html = html;
    return ok(article);
  }
  if (html !== undefined && html.trim() !== '') {
    // record fields beat what the page declares, which beats flags
    const fromPage = articleFromHtml(html, input, flags);
    if (isFailure(fromPage)) return fail(input, `${label}: ${fromPage.message}`);
    fromPage.meta = mergeMeta(meta, fromPage.meta, input);
    return ok(fromPage);
  }
  if (text !== undefined) return fail(input, `${label}: empty article ("text" is blank)`);
  if (html !== undefined) return fail(input, `${label}: empty article ("html" is blank)`);
  return fail(input, `${label}: needs a "text" or "html" string`);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function jsonError(error: unknown): string {
  return clip((error as Error).message.replace(/\s+/g, ' '), 120);
}

function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
