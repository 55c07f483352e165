import { SitrepDocument, type ArticleMeta } from '../core/document.js';
import { OffsetMap } from '../core/offset-map.js';
import { spanIsValid, type Span } from '../core/span.js';
import { segmentText } from '../stages/segment/index.js';

/**
 * A document with clean text (identity map), sentences and tokens, for stage tests.
 * Test code may import stages; stages may not import each other.
 */
export function segmentedDoc(text: string, meta: ArticleMeta = {}): SitrepDocument {
  const doc = new SitrepDocument(text, meta);
  doc.set('clean', { text, map: OffsetMap.identity(text.length) });
  const { sentences, tokens } = segmentText(text);
  doc.set('sentences', sentences);
  doc.set('tokens', tokens);
  return doc;
}

/** Every span-shaped value anywhere in the value: {start, end, text}. */
export function collectSpans(value: unknown, out: Span[] = []): Span[] {
  if (Array.isArray(value)) for (const v of value) collectSpans(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') out.push(o as unknown as Span);
    for (const v of Object.values(o)) collectSpans(v, out);
  }
  return out;
}

/** Spans whose slice of `text` differs from their stored surface text. */
export function invalidSpans(text: string, value: unknown): Span[] {
  return collectSpans(value).filter((s) => !spanIsValid(text, s));
}
