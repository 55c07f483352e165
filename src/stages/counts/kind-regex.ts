import type { CountKind } from '../../core/layers/index.js';

/**
 * A family of regexes, one per count kind, that differ only in the kind's participle
 * ("killed", "wounded", "detained"), run as one compiled regex.
 *
 * Why: the shared body (the who phrase with its stop-word lookaheads) makes each regex
 * ~11,000 characters, case-blind and unicode-aware; V8 compiles such a regex in tens of
 * milliseconds, twice (bytecode, then native code), and it did so for every kind. One
 * regex holds every kind's participle instead, each branch followed by a guard that only
 * the wanted kind passes: the sentence is run with a two-character tag in front (NUL and a
 * private-use character naming the kind), which the guard, a lookbehind, reads back at the
 * start of the string. The body, anchored with `^` in the kind's own regex, runs sticky
 * from the same place instead; it never looks behind, so it sees the text as it was, walks
 * its paths in the same order as the kind's own regex, and at each path's end only the
 * wanted kind's participle can complete: the first match is the kind's own regex's first
 * match. The guard only runs once a participle has matched, and reads back to the tag: a
 * text longer than `LONG_TEXT` runs the kind's own regex, so no text costs more than before.
 *
 * Only bodies anchored with a leading `^` are combined, and only participles that cannot
 * see the tag or renumber the groups (no anchors, back-references or groups that capture);
 * other kinds keep their own regex. A participle may look behind ("fled", but not after
 * "gunmen") when what it looks for cannot be the tag's characters: its kind runs on a tagged
 * copy of the text from `from` on, so it sees the tag where its own regex sees the start of
 * the text, and neither can match there.
 */
/** Texts longer than this (a sentence seldom is) run the kind's own regex. */
const LONG_TEXT = 2000;

export class KindRegex {
  private readonly own = new Map<CountKind, RegExp>();
  private readonly combined: RegExp | null;
  private readonly tags = new Map<CountKind, string>();
  /** the kinds whose participle looks behind: run on a tagged copy of the text from `from` */
  private readonly sliced = new Set<CountKind>();
  /** the last text run, tagged per kind (a tagged copy is made once per text and kind) */
  private text: string | undefined;
  private readonly tagged = new Map<CountKind, string>();

  constructor(
    kinds: readonly CountKind[],
    /** the participle of each kind, as regex source */
    private readonly parts: ReadonlyMap<CountKind, string>,
    /** the whole regex source around a participle's source */
    private readonly build: (part: string) => string,
    private readonly flags: string,
  ) {
    const shared = kinds.filter((k) => parts.has(k) && partShape(parts.get(k)!) !== undefined).slice(0, 0x1000);
    const source = build(shared.map((k, i) => `(?:(?:${parts.get(k)!})(?<=^\\u0000\\u${(0xe000 + i).toString(16)}[\\s\\S]*))`).join('|'));
    if (shared.length > 1 && source.startsWith('^') && !/[gym]/.test(flags)) {
      shared.forEach((k, i) => this.tags.set(k, `\u0000${String.fromCharCode(0xe000 + i)}`));
      for (const k of shared) if (partShape(parts.get(k)!) === 'looks-behind') this.sliced.add(k);
      this.combined = new RegExp(source.slice(1), `${flags}y`);
    } else this.combined = null;
  }

  /** The kind's own regex (built on first use): the reference the combined one answers for. */
  get(kind: CountKind): RegExp {
    let re = this.own.get(kind);
    if (!re) {
      const part = this.parts.get(kind);
      if (part === undefined) throw new Error(`no pattern for kind "${kind}"`);
      this.own.set(kind, (re = new RegExp(this.build(part), this.flags)));
    }
    return re;
  }

  /** `get(kind).exec(s.slice(from))`: the same match, groups and offsets (from `from`). */
  exec(kind: CountKind, s: string, from = 0): RegExpExecArray | null {
    const tag = this.tags.get(kind);
    // the guard reads back to the start of the text: a very long text runs the kind's own regex
    if (!this.combined || tag === undefined || s.length > LONG_TEXT) return this.get(kind).exec(from ? s.slice(from) : s);
    let tagged: string | undefined;
    let at: number;
    if (this.sliced.has(kind) && from) {
      // a look behind sees the tag where the kind's own regex, run on the rest, sees its start
      tagged = tag + s.slice(from);
      at = tag.length;
    } else {
      if (this.text !== s) {
        this.text = s;
        this.tagged.clear();
      }
      tagged = this.tagged.get(kind);
      if (tagged === undefined) this.tagged.set(kind, (tagged = tag + s));
      at = from + tag.length;
    }
    this.combined.lastIndex = at;
    const m = this.combined.exec(tagged);
    if (!m) return null;
    m.index = 0;
    m.input = from ? s.slice(from) : s;
    if (m.indices) {
      for (const pair of m.indices) {
        if (!pair) continue;
        pair[0] -= at;
        pair[1] -= at;
      }
    }
    return m;
  }
}

/** A participle source of literals, white space, positive classes, non-capturing groups and quantifiers. */
function isPlainPart(source: string): boolean {
  return !/\$|\^|(?<!\\)\.|\[\^|\\[SWDPpbBk0-9cuxX]|\(\?[=!<]|\((?!\?:)/.test(source);
}

/**
 * 'plain': a plain part (`isPlainPart`); 'looks-behind': one that also looks ahead, names
 * Unicode properties, or looks behind for literals, white space and positive classes of
 * literals only (which the tag's NUL and private-use character cannot be); undefined: neither.
 */
export function partShape(source: string): 'plain' | 'looks-behind' | undefined {
  if (isPlainPart(source)) return 'plain';
  let rest = '';
  for (let i = 0; i < source.length; ) {
    if (source[i] === '\\') {
      rest += source.slice(i, i + 2);
      i += 2;
    } else if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) {
      const end = closingParen(source, i);
      if (end < 0 || !safeBehind(source.slice(i + 4, end))) return undefined;
      i = end + 1;
    } else rest += source[i++];
  }
  // what is left only reads forward, from where the body put it: it cannot reach the tag
  return /\$|\^|\\[bBk0-9cuxX]|\(\?<|\((?!\?[:=!])/.test(rest) ? undefined : 'looks-behind';
}

/** What a look behind may hold: literal letters, escaped punctuation, `\s`, positive classes, groups, alternation and quantifiers. */
function safeBehind(body: string): boolean {
  return !/\$|\^|(?<!\\)\.|\[\^|\\(?![s\p{P}\p{S}\s])|\(\?(?!:)|\((?!\?:)/u.test(body);
}

/** The index of the parenthesis that closes the one at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
