/**
 * Spans are half-open [start, end) ranges of UTF-16 code units into one named text
 * version of a document. Every annotation points into the text this way.
 */
export type TextVersion = 'raw' | 'clean';

export interface Span {
  readonly start: number;
  readonly end: number;
  /** The exact slice of the text version the span points into. */
  readonly text: string;
}

export class SpanError extends Error {}

/** The one helper that builds spans: it checks bounds and copies the surface text. */
export function makeSpan(text: string, start: number, end: number): Span {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new SpanError(`invalid span [${start}, ${end}) for a text of length ${text.length}`);
  }
  return { start, end, text: text.slice(start, end) };
}

/** Does the span still match the text it claims to come from? */
export function spanIsValid(text: string, span: Span): boolean {
  return span.start >= 0 && span.end <= text.length && span.start <= span.end && text.slice(span.start, span.end) === span.text;
}

export function spansOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function spanContains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Trim white space off both ends of a range and return the tightened span. */
export function trimmedSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return makeSpan(text, start, end);
}
