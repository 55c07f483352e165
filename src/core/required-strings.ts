/**
 * What text a regex cannot match without: a set of literal strings (lower case) of which every
 * match contains at least one, read from the pattern's source. A sentence holding none of them
 * need not be searched. The reading is conservative: anything it does not understand (a class,
 * a back-reference, a letter outside ASCII) is taken as "could be anything", and a pattern
 * with no such set gives undefined.
 */

/** exact: every string the part can match (when few and known); required: one of them is in any match (undefined: none known) */
interface Info {
  exact?: Set<string>;
  required?: Set<string>;
}

const MAX_EXACT = 16;
const ANY_CHAR: Info = {};
const EMPTY: Info = { exact: new Set(['']) };

/** A set with the empty string says nothing; else the fewer short strings the better. */
function usable(s: Set<string> | undefined): Set<string> | undefined {
  return s && !s.has('') ? s : undefined;
}
const requiredOf = (x: Info) => (x.exact ? usable(x.exact) : x.required);
const shortest = (s: Set<string>) => Math.min(...[...s].map((w) => w.length));

function better(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (!a || !b) return a ?? b;
  return shortest(b) > shortest(a) ? b : a;
}

function cross(a: Set<string>, b: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/**
 * A sequence: runs of parts with known strings are joined into longer strings ("in" " "
 * "recent"), and the best set of any run or other part is what the whole requires.
 */
function sequenceOf(parts: Info[]): Info {
  let run = new Set(['']);
  let required: Set<string> | undefined;
  let exactSoFar = true;
  for (const p of parts) {
    if (p.exact && run.size * p.exact.size <= MAX_EXACT) {
      run = cross(run, p.exact);
      continue;
    }
    exactSoFar = false;
    required = better(required, usable(run));
    if (p.exact) run = p.exact;
    else {
      run = new Set(['']);
      required = better(required, p.required);
    }
  }
  if (exactSoFar) return { exact: run };
  return { required: better(required, usable(run)) };
}

function alternate(a: Info, b: Info): Info {
  if (a.exact && b.exact && a.exact.size + b.exact.size <= MAX_EXACT) return { exact: new Set([...a.exact, ...b.exact]) };
  const ra = requiredOf(a);
  const rb = requiredOf(b);
  return { required: ra && rb ? new Set([...ra, ...rb]) : undefined };
}

function repeat(x: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return x;
  if (min === 0) return max === 1 && x.exact ? { exact: new Set([...x.exact, '']) } : {};
  return { required: requiredOf(x) };
}

class Unsupported extends Error {}

class Reader {
  private i = 0;
  constructor(private readonly src: string) {}

  read(): Info {
    const info = this.alternation();
    if (this.i < this.src.length) throw new Unsupported();
    return info;
  }

  private alternation(): Info {
    let info = this.sequence();
    while (this.src[this.i] === '|') {
      this.i++;
      info = alternate(info, this.sequence());
    }
    return info;
  }

  private sequence(): Info {
    const parts: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') parts.push(this.quantified());
    return sequenceOf(parts);
  }

  private quantified(): Info {
    const atom = this.atom();
    const c = this.src[this.i];
    let min = 1;
    let max = 1;
    if (c === '*' || c === '+' || c === '?') {
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
      this.i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length;
    } else return atom;
    if (this.src[this.i] === '?') this.i++; // lazy: the same strings
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const src = this.src;
    const c = src[this.i++]!;
    if (c === '(') {
      const look = /^\?<?[=!]/.exec(src.slice(this.i));
      const named = /^\?<[A-Za-z_$][\w$]*>/.exec(src.slice(this.i));
      if (look) this.i += look[0].length;
      else if (named) this.i += named[0].length;
      else if (src.startsWith('?:', this.i)) this.i += 2;
      else if (src[this.i] === '?') throw new Unsupported();
      const inner = this.alternation();
      if (src[this.i++] !== ')') throw new Unsupported();
      return look ? EMPTY : inner;
    }
    if (c === '[') {
      for (; this.i < src.length && src[this.i] !== ']'; this.i++) if (src[this.i] === '\\') this.i++;
      if (src[this.i++] !== ']') throw new Unsupported();
      return ANY_CHAR;
    }
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return ANY_CHAR;
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{') throw new Unsupported();
    return literal(c);
  }

  private escape(): Info {
    const c = this.src[this.i++];
    if (c === undefined) throw new Unsupported();
    if (c === 'b' || c === 'B') return EMPTY;
    if ('dDsSwW'.includes(c)) return ANY_CHAR;
    if (c === 'p' || c === 'P') {
      const m = /^\{[^}]*\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      this.i += m[0].length;
      return ANY_CHAR;
    }
    // back-references, code points and control characters: not read
    if (/[\dkuxcfnrtv]/.test(c)) throw new Unsupported();
    return literal(c);
  }
}

/** Only ASCII is taken literally: lower-casing the text finds what the case-blind regex matches. */
function literal(c: string): Info {
  return c.charCodeAt(0) < 128 ? { exact: new Set([c.toLowerCase()]) } : ANY_CHAR;
}

/**
 * Literal strings (lower case) one of which every match of `re` contains, or undefined when
 * the pattern gives none. A string that contains another of the set is left out.
 */
export function requiredStrings(re: RegExp): string[] | undefined {
  let info: Info;
  try {
    info = new Reader(re.source).read();
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
  const set = requiredOf(info);
  if (!set) return undefined;
  const all = [...set].sort((a, b) => a.length - b.length);
  return all.filter((s, i) => !all.slice(0, i).some((t) => s.includes(t)));
}

/**
 * A test that says "no match possible" for a text holding none of the regexes' required
 * strings; undefined when some regex has none. "ſ" folds to "s" in a case-blind regex but
 * not under toLowerCase, so a text with it is always searched.
 */
export function requiredStringsFilter(res: readonly RegExp[]): ((text: string) => boolean) | undefined {
  const words = new Set<string>();
  for (const re of res) {
    const w = requiredStrings(re);
    if (!w) return undefined;
    for (const s of w) words.add(s);
  }
  // one regex of plain strings over the lower-cased text: far cheaper than the cues' own
  // case-blind, word-bounded alternation, and cheaper than a search for each string
  const any = new RegExp([...words].map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'));
  return (text) => any.test(text.toLowerCase()) || text.includes('ſ');
}
