/**
 * A small regex tokenizer for raw news text that also reproduces the CoNLL / Penn style
 * tokenisation closely enough on space-tokenised text: punctuation is split off, hyphenated
 * words stay whole, possessive/negation clitics ('s, n't, ’s) are split, dotted abbreviations
 * (U.S., Mr., Ltd.) keep their period. Offsets are half-open UTF-16 offsets into the input.
 */

export interface TokenizedSentence {
  tokens: string[];
  starts: number[];
  ends: number[];
}

/** abbreviations that keep their trailing period (compared case-sensitively on the bare word) */
const ABBREVIATIONS = new Set(
  (
    'Mr Mrs Ms Mx Dr Prof Sr Jr St Mt Ft Gen Lt Col Maj Capt Cpt Sgt Cpl Pte Adm Cmdr Brig Gov Sen Rep ' +
    'Rev Hon Pres Supt Insp Det Amb Messrs Mme Mlle Msgr Fr Sheikh ' +
    'Inc Corp Ltd Co Cos Bros Plc PLC Pty Ass Assn Dept Univ Govt Int Intl Natl ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun ' +
    'No Nos Vol vs v etc approx est Ave Blvd Rd Sq Hwy Apt Ste Pl ca cf al Nr Op Art Ch Fig'
  ).split(' '),
);

// Order matters: earlier alternatives win at the same position.
const ADDRESS_ALTERNATIVES = [
  // URLs and e-mail addresses
  String.raw`https?:\/\/[^\s"“”<>()\[\]]*[^\s"“”<>()\[\].,;:!?'’]`,
  String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
];
const OTHER_ALTERNATIVES = [
  // dotted abbreviations: U.S. U.N. e.g. a.m.
  String.raw`(?:\p{L}\.){2,}(?!\p{L})`,
  // numbers with separators: 1,000.5  12:30  3/4 (1996-08-30, 6-4 and 3rd-place are words below)
  String.raw`\p{N}+(?:[.,:/]\p{N}+)+(?:-[\p{L}\p{N}]+)*`,
  // negation clitic standing alone or inside a word: n't (do n't / don't)
  String.raw`[nN]['’][tT](?![\p{L}\p{N}])`,
  // stand-alone clitics: 's 're 've 'll 'd 'm
  String.raw`['’](?:[sS]|re|RE|ve|VE|ll|LL|[dD]|[mM])(?![\p{L}\p{N}])`,
  // words, with internal hyphens, apostrophes, periods or ampersands (Nagorno-Karabakh, O'Brien, AT&T)
  String.raw`[\p{L}\p{M}\p{N}]+(?:[-'’.&·][\p{L}\p{M}\p{N}]+)*`,
  // runs of the same punctuation mark (... -- !!) and any other single character
  String.raw`([^\s\p{L}\p{N}])\1*`,
];
const TOKEN_RE = new RegExp([...ADDRESS_ALTERNATIVES, ...OTHER_ALTERNATIVES].join('|'), 'gu');
/**
 * TOKEN_RE without the address alternatives, for lines with no "http" and no "@", where
 * they cannot match: the e-mail one reads through every word before failing, and leaving
 * it out nearly halves the time. Both regexes have the same one capturing group.
 */
const PLAIN_TOKEN_RE = new RegExp(OTHER_ALTERNATIVES.join('|'), 'gu');

const CLITIC_RE = /^(.*[\p{L}\p{N}])(['’](?:[sS]|re|RE|ve|VE|ll|LL|[dD]|[mM]))$/u;
const NEG_RE = /^(.*[\p{L}])([nN]['’][tT])$/u;

function pushToken(out: TokenizedSentence, text: string, start: number): void {
  out.tokens.push(text);
  out.starts.push(start);
  out.ends.push(start + text.length);
}

/** Tokenise one line (no newlines inside) starting at `offset` in the full text. */
export function tokenizeLine(line: string, offset: number): TokenizedSentence {
  const out: TokenizedSentence = { tokens: [], starts: [], ends: [] };
  const re = line.includes('http') || line.includes('@') ? TOKEN_RE : PLAIN_TOKEN_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    let tok = m[0];
    const start = m.index + offset;
    if (tok.length === 0) {
      re.lastIndex++;
      continue;
    }
    // split clitics off words: Russia's -> Russia 's ; don't -> do n't
    const c0 = tok.charCodeAt(0);
    if (tok.length > 2 && (tok.includes("'") || tok.includes('’'))) {
      let mm = NEG_RE.exec(tok);
      if (mm && mm[1].length > 0) {
        pushToken(out, mm[1], start);
        pushToken(out, mm[2], start + mm[1].length);
        continue;
      }
      mm = CLITIC_RE.exec(tok);
      if (mm && mm[1].length > 0) {
        pushToken(out, mm[1], start);
        pushToken(out, mm[2], start + mm[1].length);
        continue;
      }
    }
    // abbreviation + period: Mr. Ltd. J.
    const next = m.index + tok.length;
    if (next < line.length && line.charCodeAt(next) === 46 /* . */ && c0 !== 46) {
      const isInitial = tok.length === 1 && /\p{Lu}/u.test(tok);
      if (isInitial || ABBREVIATIONS.has(tok)) {
        // don't swallow the period of "..." and keep "etc." at the end of a sentence whole
        if (!(next + 1 < line.length && line.charCodeAt(next + 1) === 46)) {
          tok = tok + '.';
          re.lastIndex = next + 1;
        }
      }
    }
    pushToken(out, tok, start);
  }
  return out;
}

const SENT_END = new Set(['.', '?', '!', '...', '…', '?!', '!!', '??']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);

/**
 * Split a tokenised line into sentences after ". ? !" (optionally followed by closing quotes or
 * brackets) when the next token starts with an upper-case letter, a digit or an opening quote.
 */
export function splitSentences(line: TokenizedSentence): TokenizedSentence[] {
  const n = line.tokens.length;
  const out: TokenizedSentence[] = [];
  let from = 0;
  let quotes = 0; // straight double quotes seen in the current sentence: odd = one is open
  for (let i = 0; i < n; i++) {
    const tok = line.tokens[i];
    if (tok === '"') quotes++;
    if (!SENT_END.has(tok)) continue;
    let j = i + 1;
    let q = quotes;
    while (j < n && CLOSERS.has(line.tokens[j])) {
      if (line.tokens[j] === '"') {
        if (q % 2 === 0) break; // an opening quote of the next sentence
        q++;
      }
      j++;
    }
    if (j >= n) break;
    const nt = line.tokens[j];
    if (/^[\p{Lu}\p{N}"“'‘(«]/u.test(nt)) {
      out.push(slice(line, from, j));
      from = j;
      i = j - 1;
      quotes = 0;
    }
  }
  if (from === 0 && n > 0) out.push(line); // one sentence: the line itself, not a copy
  else if (from < n) out.push(slice(line, from, n));
  return out;
}

function slice(s: TokenizedSentence, a: number, b: number): TokenizedSentence {
  return { tokens: s.tokens.slice(a, b), starts: s.starts.slice(a, b), ends: s.ends.slice(a, b) };
}

/** Split text into lines by "\n", tokenise each line, then split lines into sentences. */
export function tokenizeText(text: string, splitLines = true): TokenizedSentence[] {
  const out: TokenizedSentence[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    if (line.trim().length > 0) {
      const toks = tokenizeLine(line, pos);
      if (toks.tokens.length > 0) {
        if (splitLines) for (const s of splitSentences(toks)) out.push(s);
        else out.push(toks);
      }
    }
    pos = nl + 1;
  }
  return out;
}

/** Map typographic variants to the ASCII forms seen in training data. */
export function normalizeToken(tok: string): string {
  if (/^[\x00-\x7f]*$/.test(tok)) return tok;
  return tok
    .normalize('NFC')
    .replace(/[’‘‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[–—―‒]/g, '-')
    .replace(/…/g, '...')
    .replace(/\u00a0/g, ' ');
}

/** strip diacritics: Stéphane -> Stephane */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}
