import { SitrepDocument } from '../../core/document.js';
import type { Sentence } from '../../core/layers/index.js';
import { OffsetMap } from '../../core/offset-map.js';
import { makeSpan } from '../../core/span.js';

/**
 * A document for tests: identity cleaning and one sentence per line (blank lines start
 * a new paragraph), the way the sentence stage hands them over.
 */
export function docWithLines(text: string, publishedAt?: string): SitrepDocument {
  const doc = new SitrepDocument(text, publishedAt ? { publishedAt } : {});
  doc.set('clean', { text, map: OffsetMap.identity(text.length) });
  const sentences: Sentence[] = [];
  let offset = 0;
  let paragraph = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') paragraph++;
    else sentences.push({ index: sentences.length, span: makeSpan(text, offset, offset + line.length), paragraph, heading: false });
    offset += line.length + 1;
  }
  doc.set('sentences', sentences);
  return doc;
}
