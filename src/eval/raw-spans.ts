import type { SitrepDocument } from '../core/document.js';

/**
 * Evaluation files give offsets into the text as given; the pipeline's spans point
 * into the clean text. Map a clean span back to raw offsets.
 */
export function toRawSpan(doc: SitrepDocument, span: { start: number; end: number }): { start: number; end: number; text: string } {
  const r = doc.get('clean').map.toRawRange(span.start, span.end);
  return { start: r.start, end: r.end, text: doc.raw.slice(r.start, r.end) };
}
