/**
 * Finding direct quotes from quotation marks alone, paragraph by paragraph.
 * Double marks (“ ” " « » „ `` '') and single marks (‘ ’ ') are both quote styles; a
 * single mark counts only at a word edge (so Armenia’s, don’t and ’90s stay apostrophes)
 * and only when it closes within the paragraph. Marks of the other style inside an open
 * quote are nested quotes and belong to it.
 */

export type QuoteStyle = 'double' | 'single';

export interface MarkedQuote {
  /** content, inside the marks, trimmed */
  start: number;
  end: number;
  /** the opening mark's start and the closing mark's end (the paragraph end when unclosed) */
  outerStart: number;
  outerEnd: number;
  style: QuoteStyle;
  /** false when the paragraph ended with no closing mark and the next did not reopen */
  closed: boolean;
  /** quotes continued over paragraphs share a group; fragment 0 is the first paragraph */
  group: number;
  fragment: number;
}

interface Mark {
  at: number;
  len: number;
  style: QuoteStyle;
  /** what the mark can be, from its neighbours */
  canOpen: boolean;
  canClose: boolean;
}

const WORD = /[\p{L}\p{N}]/u;
const SPACE_OR_NONE = (c: string | undefined) => c === undefined || /\s/.test(c);
const OPEN_CONTEXT = /[\s([{\-–—/“"‘'«:]/;
/** every character a mark can start with: ` ' " « » ‘ ’ “ ” „ */
function isMarkChar(c: number): boolean {
  return c === 0x60 || c === 0x27 || c === 0x22 || c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x2019) || (c >= 0x201c && c <= 0x201e);
}

export function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim() !== '') out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function marksIn(text: string, start: number, end: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = start; i < end; i++) {
    // most characters are no quotation mark: skip them before reading their neighbours
    if (!isMarkChar(text.charCodeAt(i))) continue;
    const c = text[i]!;
    const prev = i > start ? text[i - 1] : undefined;
    const next = i + 1 < end ? text[i + 1] : undefined;
    const openCtx = prev === undefined || OPEN_CONTEXT.test(prev);
    if (c === '`' && next === '`') {
      marks.push({ at: i, len: 2, style: 'double', canOpen: true, canClose: false });
      i++;
    } else if (c === "'" && next === "'") {
      marks.push({ at: i, len: 2, style: 'double', canOpen: openCtx, canClose: !openCtx || SPACE_OR_NONE(text[i + 2]) });
      i++;
    } else if (c === '“' || c === '„' || c === '«') {
      // some texts use “ for both marks: in a closing position it may close
      marks.push({ at: i, len: 1, style: 'double', canOpen: true, canClose: c === '“' && !openCtx && !WORD.test(next ?? '') });
    } else if (c === '”' || c === '»') {
      marks.push({ at: i, len: 1, style: 'double', canOpen: openCtx && next !== undefined && !/\s/.test(next), canClose: true });
    } else if (c === '"') {
      // markup attribute values (<tweet id="…">) are not quotes
      if (prev === '=' || (prev !== undefined && /[\p{L}\p{N}]/u.test(prev) && text[i - 2] !== undefined && attrValueEnd(text, i))) continue;
      marks.push({ at: i, len: 1, style: 'double', canOpen: next !== undefined && !/\s/.test(next), canClose: prev !== undefined && !/\s/.test(prev) || next === undefined || /\s/.test(next) });
    } else if (c === '‘' || c === "'" || c === '’') {
      const nextWord = WORD.test(next ?? '');
      const prevWord = prev !== undefined && !/\s/.test(prev);
      // an opening single mark sits at a word start; a closing one at a word end
      const canOpen = c !== '’' && openCtx && next !== undefined && (nextWord || /[“"….]/.test(next));
      const canClose = c !== '‘' && prevWord && !nextWord;
      if (canOpen || canClose) marks.push({ at: i, len: 1, style: 'single', canOpen, canClose });
    }
  }
  return marks;
}

function trimContent(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** First mark of a paragraph, when the paragraph opens with it (a continued quote). */
function leadingOpener(text: string, para: { start: number; end: number }, style: QuoteStyle): Mark | undefined {
  let i = para.start;
  while (i < para.end && /\s/.test(text[i]!)) i++;
  const m = marksIn(text, i, Math.min(para.end, i + 3))[0];
  return m && m.at === i && m.canOpen && m.style === style ? m : undefined;
}

export function findMarkedQuotes(text: string): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  const paras = paragraphs(text);
  let group = 0;
  // a quote carried over from the previous paragraph
  let carry: { style: QuoteStyle; group: number; fragment: number; contentStart: number; outerStart: number } | undefined;
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p]!;
    const marks = marksIn(text, para.start, para.end);
    let open: { style: QuoteStyle; contentStart: number; outerStart: number; group: number; fragment: number; depth: number } | undefined;
    let k = 0;
    if (carry) {
      const lead = marks[0]!;
      open = { style: carry.style, contentStart: lead.at + lead.len, outerStart: lead.at, group: carry.group, fragment: carry.fragment, depth: 0 };
      k = 1;
      carry = undefined;
    }
    const emit = (o: NonNullable<typeof open>, endContent: number, outerEnd: number, closed: boolean) => {
      const [s, e] = trimContent(text, o.contentStart, endContent);
      if (e > s) out.push({ start: s, end: e, outerStart: o.outerStart, outerEnd, style: o.style, closed, group: o.group, fragment: o.fragment });
    };
    for (; k < marks.length; k++) {
      const m = marks[k]!;
      if (!open) {
        if (!m.canOpen && !spacedOpener(text, m, marks.slice(k))) continue;
        // a single mark is a quote only when a closing single mark follows in the paragraph
        if (m.style === 'single' && !marks.slice(k + 1).some((n) => n.style === 'single' && n.canClose)) continue;
        open = { style: m.style, contentStart: m.at + m.len, outerStart: m.at, group: group++, fragment: 0, depth: 0 };
        continue;
      }
      if (m.style !== open.style) continue; // nested quote of the other style
      const isAscii = text[m.at] === '"' || text[m.at] === "'";
      // 'by nightfall."Our police will find them." She added': a paragraph break lost between a quote and its
      // continuation leaves one straight mark for both
      if (open.depth === 0 && gluedReopener(text, m, marks.slice(k + 1))) {
        emit(open, m.at, m.at + m.len, true);
        open = { style: m.style, contentStart: m.at + m.len, outerStart: m.at, group: open.group, fragment: open.fragment + 1, depth: 0 };
        continue;
      }
      if (m.canClose && (isAscii || !m.canOpen || open.depth === 0 && !laterCloser(marks, k, open.style))) {
        if (open.depth > 0 && !isAscii) {
          open.depth--;
          continue;
        }
        emit(open, m.at, m.at + m.len, true);
        open = undefined;
      } else if (m.canOpen) {
        // a second opener before any closer: nested when enough closers follow for both
        if (closersAfter(marks, k, open.style) >= open.depth + 2) open.depth++;
        else if (m.style === 'double') {
          emit(open, m.at, m.at, false);
          open = { style: m.style, contentStart: m.at + m.len, outerStart: m.at, group: group++, fragment: 0, depth: 0 };
        }
      }
    }
    if (open) {
      const next = paras[p + 1];
      const lead = next && leadingOpener(text, next, open.style);
      if (lead) {
        emit(open, para.end, para.end, true);
        carry = { style: open.style, group: open.group, fragment: open.fragment + 1, contentStart: lead.at + lead.len, outerStart: lead.at };
      } else {
        emit(open, para.end, para.end, false);
      }
    }
  }
  return out;
}

function laterCloser(marks: Mark[], k: number, style: QuoteStyle): boolean {
  return marks.slice(k + 1).some((n) => n.style === style && n.canClose);
}
function closersAfter(marks: Mark[], k: number, style: QuoteStyle): number {
  return marks.slice(k + 1).filter((n) => n.style === style && n.canClose).length;
}

/** Does the mark at `i` close a markup attribute value (name="value")? */
function attrValueEnd(text: string, i: number): boolean {
  const open = text.lastIndexOf('"', i - 1);
  return open > 0 && text[open - 1] === '=' && !text.slice(open + 1, i).includes('\n');
}

/**
 * «on Saturday." Three militants …,” the police said»: a space put after a sentence's full stop
 * (by whoever joined the text) can leave an opening straight quote looking like a closing one.
 * Taken as an opener only when nothing is open and an even number of straight marks is left.
 */
function spacedOpener(text: string, m: Mark, rest: Mark[]): boolean {
  if (text[m.at] !== '"' || !/[.!?]/.test(text[m.at - 1] ?? '') || !/^ [\p{Lu}]/u.test(text.slice(m.at + 1, m.at + 3))) return false;
  const straight = rest.filter((n) => text[n.at] === '"').length;
  return straight >= 2 && straight % 2 === 0;
}

/**
 * A straight mark between a sentence's end and the next sentence ('hours."This', or 'hours." This'
 * once a space was put back) that reopens: an odd number of straight marks follows, the next of
 * them a closer. A real closer leaves them paired, or the next one opens a new quote.
 */
function gluedReopener(text: string, m: Mark, rest: Mark[]): boolean {
  if (text[m.at] !== '"' || !/[.!?]/.test(text[m.at - 1] ?? '') || !/^ ?\p{Lu}/u.test(text.slice(m.at + 1, m.at + 3))) return false;
  const straight = rest.filter((n) => text[n.at] === '"');
  return straight.length % 2 === 1 && straight[0]!.canClose && !straight[0]!.canOpen;
}
