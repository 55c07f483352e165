import type { Quote } from '../../core/layers/index.js';
import type { MarkedQuote } from './marks.js';

/**
 * How a quote gives the speaker's words: `direct` is quoted words only (every letter inside
 * quotation marks); `partial` is reported speech that carries some quoted words ("said the
 * talks could start “within days”"); `reported` has no quotation marks at all.
 */
export type QuoteMode = 'direct' | 'partial' | 'reported';

export type QuoteWithMode = Quote & { mode: QuoteMode };

export function quoteMode(direct: boolean, start: number, end: number, marked: readonly MarkedQuote[]): QuoteMode {
  if (direct) return 'direct';
  return marked.some((q) => q.start >= start && q.end <= end && q.end > q.start) ? 'partial' : 'reported';
}
