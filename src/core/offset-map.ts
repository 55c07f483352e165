/**
 * Maps offsets in the cleaned text back to the raw text. The clean text is a sequence
 * of segments, each copied verbatim from a raw range or replacing one (a run of white
 * space collapsed to one space, a folded quote). Removed raw text (boilerplate) has no
 * segment at all. Inside a verbatim segment the mapping is exact; a replaced segment
 * maps as a whole onto its raw range.
 */
export interface OffsetSegment {
  cleanStart: number;
  cleanEnd: number;
  rawStart: number;
  rawEnd: number;
  /** true when the clean text is a verbatim copy of the raw range */
  verbatim: boolean;
}

export class OffsetMap {
  readonly segments: readonly OffsetSegment[];

  constructor(segments: readonly OffsetSegment[]) {
    // Zero-length clean segments carry no text and would make lookups ambiguous.
    this.segments = segments.filter((s) => s.cleanEnd > s.cleanStart);
  }

  static identity(length: number): OffsetMap {
    return new OffsetMap([{ cleanStart: 0, cleanEnd: length, rawStart: 0, rawEnd: length, verbatim: true }]);
  }

  /** Index of the last segment whose cleanStart <= offset (or -1). */
  private lastStartingAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid]!.cleanStart <= offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** Raw offset for a span start: the character at `cleanOffset` and where it came from. */
  toRawStart(cleanOffset: number): number {
    if (this.segments.length === 0) return 0;
    const i = this.lastStartingAtOrBefore(cleanOffset);
    if (i < 0) return this.segments[0]!.rawStart;
    const s = this.segments[i]!;
    if (cleanOffset >= s.cleanEnd) return s.rawEnd; // past the end of the text
    return s.verbatim ? s.rawStart + (cleanOffset - s.cleanStart) : s.rawStart;
  }

  /** Raw offset for a span end: just after the character at `cleanOffset - 1`. */
  toRawEnd(cleanOffset: number): number {
    if (this.segments.length === 0) return 0;
    if (cleanOffset <= 0) return this.segments[0]!.rawStart;
    const i = this.lastStartingAtOrBefore(cleanOffset - 1);
    const s = this.segments[Math.max(i, 0)]!;
    if (cleanOffset > s.cleanEnd) return s.rawEnd;
    return s.verbatim ? s.rawStart + (cleanOffset - s.cleanStart) : s.rawEnd;
  }

  toRawRange(start: number, end: number): { start: number; end: number } {
    const rawStart = this.toRawStart(start);
    return { start: rawStart, end: end <= start ? rawStart : Math.max(rawStart, this.toRawEnd(end)) };
  }
}

/** Builds a clean text and its offset map by appending kept raw ranges and replacements. */
export class CleanTextBuilder {
  private readonly parts: string[] = [];
  private readonly segments: OffsetSegment[] = [];
  private length = 0;

  constructor(private readonly raw: string) {}

  keep(rawStart: number, rawEnd: number): void {
    if (rawEnd > rawStart) this.push(this.raw.slice(rawStart, rawEnd), rawStart, rawEnd, true);
  }

  /** Replace raw[rawStart, rawEnd) by `replacement` (collapse white space, fold a quote, insert a break). */
  replace(rawStart: number, rawEnd: number, replacement: string): void {
    if (replacement.length > 0) this.push(replacement, rawStart, rawEnd, false);
  }

  private push(text: string, rawStart: number, rawEnd: number, verbatim: boolean): void {
    const last = this.segments[this.segments.length - 1];
    // Merge adjacent verbatim segments so the map stays small.
    if (verbatim && last && last.verbatim && last.rawEnd === rawStart) {
      last.cleanEnd += text.length;
      last.rawEnd = rawEnd;
    } else {
      this.segments.push({ cleanStart: this.length, cleanEnd: this.length + text.length, rawStart, rawEnd, verbatim });
    }
    this.parts.push(text);
    this.length += text.length;
  }

  get currentLength(): number {
    return this.length;
  }

  lastChar(): string {
    const p = this.parts[this.parts.length - 1];
    return p ? (p[p.length - 1] ?? '') : '';
  }

  build(): { text: string; map: OffsetMap } {
    return { text: this.parts.join(''), map: new OffsetMap(this.segments) };
  }
}
