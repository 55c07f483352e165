import type { CountKind } from '../../core/layers/index.js';

/**
 * A family of regexes, one per count kind, that differ only in the kind's participle
 * ("killed", "wounded", "detained"), run as one compiled regex.
 *
 * Why: the shared body (the who phrase with its stop-word lookaheads) makes each regex
 * ~11,000 characters, case-blind and unicode-aware; V8 compiles such a regex in tens of
 * milliseconds, twice (bytecode, then native code), and it did so for every kind. One
 * regex holds every kind's participle instead, each branch guarded by a lookahead that
 * only the wanted kind's branch passes: the subject gets a tag (NUL and a private-use
 * character naming the kind) appended, which the guard reads at the end of the string.
 * The engine walks the body's paths in the same order as the kind's own regex and at each
 * path's end only the wanted kind's branch can match, so the first match is the kind's own
 * regex's first match, at the same offsets (the tag is after the text).
 *
 * The tag is built of characters no part of the body can match (no letter, digit, space or
 * punctuation), so a path reaching into it fails; a match that still ran into it, or a
 * participle pattern that could see the tag (end anchors, wildcards, negated classes,
 * lookarounds, back-references, named groups), falls back to the kind's own regex.
 */
export class KindRegex {
  private readonly own = new Map<CountKind, RegExp>();
  private readonly combined: RegExp | null;
  private readonly tags = new Map<CountKind, string>();

  constructor(
    kinds: readonly CountKind[],
    /** the participle of each kind, as regex source */
    private readonly parts: ReadonlyMap<CountKind, string>,
    /** the whole regex source around a participle's source */
    private readonly build: (part: string) => string,
    private readonly flags: string,
  ) {
    // a kind whose participle could see the tag keeps its own regex
    const shared = kinds.filter((k) => parts.has(k) && isPlainPart(parts.get(k)!)).slice(0, 0x1000);
    shared.forEach((k, i) => this.tags.set(k, `\u0000${String.fromCharCode(0xe000 + i)}`));
    this.combined =
      shared.length > 1 ? new RegExp(build(shared.map((k, i) => `(?:(?:${parts.get(k)!})(?=[\\s\\S]*\\u0000\\u${(0xe000 + i).toString(16)}$))`).join('|')), flags) : null;
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

  /** `get(kind).exec(s)`, the same match and offsets (its `input` holds the tagged text). */
  exec(kind: CountKind, s: string): RegExpExecArray | null {
    const tag = this.tags.get(kind);
    if (!this.combined || tag === undefined) return this.get(kind).exec(s);
    const m = this.combined.exec(s + tag);
    if (m && m.index + m[0].length > s.length) return this.get(kind).exec(s);
    return m;
  }
}

/**
 * A participle source that behaves the same before the tag as at the end of the text:
 * literals, white space, positive classes, groups and quantifiers only.
 */
function isPlainPart(source: string): boolean {
  return !/\$|\^|(?<!\\)\.|\[\^|\\[SWDPpbBk0-9cuxX]|\(\?[=!<]|\((?!\?:)/.test(source);
}
