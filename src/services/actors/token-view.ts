import type { Sentence, Token } from '../../core/layers/index.js';
import { TokenText } from './phrase-index.js';

/** the view last built for each tokens layer, so that stages reading one document share it */
const views = new WeakMap<readonly Token[], TokenView>();

/**
 * The segment stage's tokens as flat arrays, built once per document: a view of a tokens
 * layer that already has one (the entities stage, then the actors stage) shares its arrays.
 * Views are never changed after construction, so sharing is safe.
 */
export class TokenView {
  readonly n: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly pos: string[];
  readonly sent: Int32Array;
  /** first token index of each sentence, and one past its last */
  readonly sentFirst: Int32Array;
  readonly sentEnd: Int32Array;
  /** 1 when the token starts with an upper-case letter */
  readonly cap: Uint8Array;
  /** 1 when every letter of the token is upper case (and it has two or more) */
  readonly allCaps: Uint8Array;
  readonly tt: TokenText;

  constructor(readonly text: string, tokens: readonly Token[], private readonly sentences: readonly Sentence[]) {
    const known = views.get(tokens);
    if (known && known.text === text && known.sentences === sentences) {
      this.n = known.n;
      this.starts = known.starts;
      this.ends = known.ends;
      this.pos = known.pos;
      this.sent = known.sent;
      this.sentFirst = known.sentFirst;
      this.sentEnd = known.sentEnd;
      this.cap = known.cap;
      this.allCaps = known.allCaps;
      this.tt = known.tt;
      return;
    }
    const n = (this.n = tokens.length);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.pos = new Array<string>(n);
    this.sent = new Int32Array(n);
    this.cap = new Uint8Array(n);
    this.allCaps = new Uint8Array(n);
    this.sentFirst = new Int32Array(sentences.length).fill(-1);
    this.sentEnd = new Int32Array(sentences.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      this.starts[i] = t.span.start;
      this.ends[i] = t.span.end;
      this.pos[i] = t.pos;
      this.sent[i] = t.sentence;
      if (this.sentFirst[t.sentence] === -1) this.sentFirst[t.sentence] = i;
      this.sentEnd[t.sentence] = i + 1;
      const c = text.charCodeAt(t.span.start);
      if (c >= 65 && c <= 90) this.cap[i] = 1;
      else if (c >= 128) {
        const ch = text[t.span.start]!;
        if (ch !== ch.toLowerCase()) this.cap[i] = 1;
      }
      if (this.cap[i] && t.span.end - t.span.start >= 2) {
        const s = t.span.text;
        if (s === s.toUpperCase() && s !== s.toLowerCase()) this.allCaps[i] = 1;
      }
    }
    this.tt = new TokenText(text, this.starts, this.ends);
    views.set(tokens, this);
  }

  /** the token's text ('' outside the document, so callers may look one past either end) */
  word(i: number): string {
    return i >= 0 && i < this.n ? this.text.slice(this.starts[i], this.ends[i]) : '';
  }

  lower(i: number): string {
    if (i < 0 || i >= this.n) return '';
    return this.tt.lower ? this.tt.lower.slice(this.starts[i], this.ends[i]) : this.word(i).toLowerCase();
  }

  /** no white space between token i-1 and token i */
  glued(i: number): boolean {
    return i > 0 && this.starts[i] === this.ends[i - 1];
  }

  isSentenceStart(i: number): boolean {
    return this.sentFirst[this.sent[i]] === i;
  }
}
