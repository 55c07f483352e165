import type { ArticleMeta } from '../core/document.js';
import { dateInLocation } from './dates.js';
import { dateInHead } from './head-date.js';

/** One article as read from an input, before any cleaning. */
export interface InputArticle {
  /** decoded text, byte-exact except for a stripped BOM (cleaning keeps its own offset map) */
  text: string;
  meta: ArticleMeta;
  /** raw HTML when the input was HTML */
  html?: string;
  /** author byline found in the page; metadata only, never part of `text` */
  byline?: string;
}

/** An input that could not be read; `input` names it (path, "path:LINE", "stdin" or URL). */
export interface InputFailure {
  input: string;
  message: string;
}

export type InputItem = { ok: true; article: InputArticle } | { ok: false; failure: InputFailure };

export type InputFormat = 'txt' | 'html' | 'jsonl' | 'json';

export interface ReadOptions {
  /** metadata from flags; fills only the fields a record lacks */
  meta?: Partial<ArticleMeta>;
  /** format override for stdin and for explicitly named files with unknown extensions */
  format?: InputFormat;
  /** files larger than this are refused (default 256 MiB) */
  maxBytes?: number;
  /** where "-" reads from (default process.stdin); lets tests and embedders hand in a stream */
  stdin?: AsyncIterable<Buffer | string>;
}

/**
 * A reader turns the bytes of one input into articles. It never throws on bad input:
 * trouble comes back as failures. `origin` names the input in metadata and failures.
 */
export type Reader = (buffer: Buffer, origin: string, meta: Partial<ArticleMeta>) => InputItem[] | Promise<InputItem[]>;

export function isFailure(value: object): value is InputFailure {
  return 'message' in value && 'input' in value && !('text' in value);
}

export function ok(article: InputArticle): InputItem {
  return { ok: true, article };
}

export function fail(input: string, message: string): InputItem {
  return { ok: false, failure: { input, message } };
}

/**
 * Record fields win; flags fill what the record lacks; `origin` always names the input.
 * With no publication date given, one the URL, the file name or (given `text`) a date line
 * at the top of the article carries is taken, and `publishedAtFrom` says which.
 */
export function mergeMeta(record: Partial<ArticleMeta>, flags: Partial<ArticleMeta> | undefined, origin: string, text?: string): ArticleMeta {
  const meta: ArticleMeta = {};
  for (const source of [flags ?? {}, record]) {
    for (const [k, v] of Object.entries(source) as [keyof ArticleMeta, unknown][]) {
      if (typeof v === 'string' && v.trim() !== '') meta[k] = v;
    }
  }
  meta.origin = origin;
  if (!meta.publishedAt) {
    // no date given: fall back on one the URL or file name carries, and say where it came from
    const fromUrl = dateInLocation(meta.url);
    const inferred = fromUrl ?? dateInLocation(origin);
    const stated = inferred ? undefined : text === undefined ? undefined : dateInHead(text);
    if (inferred) {
      meta.publishedAt = inferred;
      meta.publishedAtFrom = fromUrl ? 'url' : 'file name';
    } else if (stated) {
      meta.publishedAt = stated;
      meta.publishedAtFrom = 'date line';
    }
  }
  return meta;
}
