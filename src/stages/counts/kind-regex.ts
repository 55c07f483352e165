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
 * see the tag or renumber the groups (no anchors, lookarounds, back-references or groups
 * that capture); other kinds keep their own regex.
 */
/** Texts longer than this (a sentence seldom is) run the kind's own regex. */
const LONG_TEXT = 2000;

export class KindRegex {
  private readonly own = new Map<CountKind, RegExp>();
  private readonly combined: RegExp | null;
  private readonly tags = new Map<CountKind, string>();
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
    const shared = kinds.filter((k) => parts.has(k) && isPlainPart(parts.get(k)!)).slice(0, 0x1000);
    const source = build(shared.map((k, i) => `(?:(?:${parts.get(k)!})(?<=^\\u0000\\u${(0xe000 + i).toString(16)}[\\s\\S]*))`).join('|'));
    if (shared.length > 1 && source.startsWith('^') && !/[gym]/.test(flags)) {
      shared.forEach((k, i) => this.tags.set(k, `\u0000${String.fromCharCode(0xe000 + i)}`));
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
    if (this.text !== s) {
      this.text = s;
      this.tagged.clear();
    }
    let tagged = this.tagged.get(kind);
    if (tagged === undefined) this.tagged.set(kind, (tagged = tag + s));
    const at = from + tag.length;
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
