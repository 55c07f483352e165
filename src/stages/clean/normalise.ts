import type { CleanTextBuilder } from '../../core/offset-map.js';

const SPACE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\f\v]/;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u00AD]/;
const QUOTE_FOLD: Record<string, string> = { '„': '“', '‟': '“', '〝': '“', '〞': '”', '＂': '"' };

/**
 * Copy the raw text minus removed blocks into the builder: runs of spaces become one
 * space, line breaks are kept (at most one blank line), lines are trimmed, invisible
 * characters dropped, rare quote variants folded. Removed blocks and glue points
 * become a space where two words would otherwise touch.
 */
export function normaliseInto(b: CleanTextBuilder, raw: string, removed: { start: number; end: number }[], gluePoints: Map<number, string>): void {
  let blockIndex = 0;
  let runStart = -1;
  // pending white space between the last kept character and the next one
  let pendStart = -1;
  let pendEnd = -1;
  let pendNewlines = 0;
  // newlines since the last removed block: a removed line must not turn "\n" into a paragraph break
  let newlineRun = 0;
  let pendSpace = false;

  const flushRun = (i: number) => {
    if (runStart >= 0) b.keep(runStart, i);
    runStart = -1;
  };
  const addPending = (s: number, e: number, newlines: number, space: boolean, isBlock = false) => {
    if (pendStart < 0) pendStart = s;
    pendEnd = e;
    newlineRun = isBlock ? 0 : newlineRun + newlines;
    pendNewlines = Math.max(pendNewlines, newlineRun);
    pendSpace ||= space;
  };
  const flushPending = () => {
    if (pendStart >= 0 && b.currentLength > 0) {
      const sep = pendNewlines >= 2 ? '\n\n' : pendNewlines === 1 ? '\n' : pendSpace ? ' ' : '';
      if (sep) {
        if (raw.slice(pendStart, pendEnd) === sep) b.keep(pendStart, pendEnd);
        else b.replace(pendStart, pendEnd, sep);
      }
    }
    pendStart = pendEnd = -1;
    pendNewlines = 0;
    newlineRun = 0;
    pendSpace = false;
  };

  let nextBlockStart = removed[0]?.start ?? Infinity;
  const glueAt = [...gluePoints.keys()].sort((a, b) => a - b);
  let glueIndex = 0;
  for (let i = 0; i < raw.length; ) {
    // fast path: ordinary printable ASCII (not a quote that may fold) inside a kept run
    const code = raw.charCodeAt(i);
    while (glueIndex < glueAt.length && glueAt[glueIndex]! < i) glueIndex++;
    if (runStart >= 0 && code > 32 && code < 127 && code !== 39 && code !== 96 && i < nextBlockStart && glueAt[glueIndex] !== i) {
      i++;
      continue;
    }
    const block = removed[blockIndex];
    if (block && i >= block.start) {
      flushRun(i);
      addPending(block.start, block.end, 0, true, true);
      i = Math.max(i, block.end);
      blockIndex++;
      nextBlockStart = removed[blockIndex]?.start ?? Infinity;
      continue;
    }
    const glue = gluePoints.get(i);
    if (glue !== undefined && runStart >= 0) {
      flushRun(i);
      addPending(i, i, glue === '\n' ? 1 : 0, true);
    }
    const ch = raw[i]!;
    if (ch === '\n' || ch === '\r') {
      flushRun(i);
      const len = ch === '\r' && raw[i + 1] === '\n' ? 2 : 1;
      addPending(i, i + len, 1, false);
      i += len;
    } else if (SPACE.test(ch)) {
      flushRun(i);
      addPending(i, i + 1, 0, true);
      i++;
    } else if (INVISIBLE.test(ch)) {
      flushRun(i);
      i++;
    } else if (QUOTE_FOLD[ch] !== undefined || ((ch === '`' || ch === "'") && raw[i + 1] === ch)) {
      flushRun(i);
      flushPending();
      const double = QUOTE_FOLD[ch] === undefined;
      b.replace(i, i + (double ? 2 : 1), double ? (ch === '`' ? '“' : '”') : QUOTE_FOLD[ch]!);
      i += double ? 2 : 1;
    } else {
      if (runStart < 0) {
        flushPending();
        runStart = i;
      }
      i++;
    }
  }
  flushRun(raw.length);
}
