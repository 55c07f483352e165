import { makeSpan } from '../../core/span.js';
import type { Sentence, Token } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';
import { historyFreeWink } from './wink.js';

const FINAL_PUNCT = /[.!?…:;"”’»)]$/;

function countBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * wink ends a sentence at the stop inside "at 2.10pm" or "2.15pm": a stop with a digit or a
 * small letter glued after it is inside a word or figure, not at a sentence's end (a glued
 * capital, "on Saturday.Three", still is one).
 */
function continuesWord(values: readonly string[], spaces: readonly string[], i: number): boolean {
  const next = values[i + 1];
  return next !== undefined && spaces[i + 1] === '' && /[.!?]$/.test(values[i]!) && /^[\p{Ll}\p{N}]/u.test(next);
}

/**
 * Split wink's sentences further at line breaks: a line without final punctuation
 * (a headline, a subheading) is a sentence of its own, and paragraphs never share one.
 */
export function segmentText(text: string): { sentences: Sentence[]; tokens: Token[] } {
  const wink = historyFreeWink();
  const its = wink.nlp.its;
  wink.startDocument();
  const doc = wink.nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const starts = new Array<number>(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i]!.length;
    starts[i] = offset;
    offset += values[i]!.length;
  }
  const winkSentenceEnds = new Set<number>();
  doc.sentences().each((s: any) => {
    const [, last] = s.out(its.span) as [number, number];
    winkSentenceEnds.add(last);
  });

  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let paragraph = 0;
  let sentStart = -1;
  let sentEnd = -1;
  // the tokens of the open sentence are pushed as they come: that sentence's index is the next one
  const closeSentence = () => {
    if (sentStart < 0) return;
    const span = makeSpan(text, sentStart, sentEnd);
    const index = sentences.length;
    sentences.push({ index, span, paragraph, heading: !FINAL_PUNCT.test(span.text) && !span.text.includes('. ') });
    sentStart = -1;
  };
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const start = starts[i]!;
    // wink keeps line breaks as SPACE tokens, and counts a break inside preceding spaces too
    const precedingBreaks = countBreaks(spaces[i]!);
    if (precedingBreaks > 0 || pos[i] === 'SPACE') {
      closeSentence();
      const breaks = precedingBreaks + (pos[i] === 'SPACE' ? countBreaks(v) : 0);
      // plain-text news puts one paragraph on a line
      if (breaks >= 1 && sentences.length > 0) paragraph++;
      if (pos[i] === 'SPACE') continue;
    }
    if (sentStart < 0) sentStart = start;
    sentEnd = start + v.length;
    tokens.push({ span: makeSpan(text, start, start + v.length), pos: pos[i]!, sentence: sentences.length });
    if (winkSentenceEnds.has(i) && !continuesWord(values, spaces, i)) closeSentence();
  }
  closeSentence();
  return { sentences, tokens };
}

export function createSegmentStage(): Stage {
  return {
    name: 'segment',
    // 2: tokens no longer depend on the documents read before (wink.ts); 3: no sentence end at a stop glued to a digit or small letter ("at 2.10pm")
    version: '3',
    requires: ['clean'],
    provides: ['sentences', 'tokens'],
    run(doc) {
      return { layers: segmentText(doc.text) };
    },
  };
}
