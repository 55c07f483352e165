/**
 * Spelling classes of one token: its capitalisation class and its character shape. They are
 * features of their own and the case evidence the document statistics count, and sit apart
 * because they are pure string functions (with an ASCII fast path) that need no model.
 */

/** capitalisation class */
export const CAP_LOWER = 0;
export const CAP_INIT = 1;
export const CAP_ALL = 2;
export const CAP_MIXED = 3;
export const CAP_NONE = 4; // no letters

function charClass(c: string): string {
  const lo = c.toLowerCase();
  const up = c.toUpperCase();
  if (lo !== up) return c === up ? 'X' : 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (/\p{N}/u.test(c)) return 'd';
  return c;
}

/** charClass of an ASCII character code */
function asciiClass(c: number): string {
  if (c >= 65 && c <= 90) return 'X';
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  return String.fromCharCode(c);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** each character's class (the first 12, then ~), and the same with runs collapsed */
export function wordShape(w: string): { shape: string; short: string } {
  if (!NON_ASCII.test(w)) {
    let shape = '';
    let short = '';
    let last = '';
    for (let i = 0; i < w.length; i++) {
      const c = asciiClass(w.charCodeAt(i));
      if (i < 12) shape += c;
      if (c !== last) short += c;
      last = c;
    }
    if (w.length > 12) shape += '~';
    return { shape, short };
  }
  let shape = '';
  let short = '';
  let last = '';
  let i = 0;
  for (const ch of w) {
    const c = charClass(ch);
    if (i < 12) shape += c;
    if (c !== last) short += c;
    last = c;
    i++;
  }
  if (i > 12) shape += '~';
  return { shape, short };
}

/** capitalisation class of a token (CAP_*) */
export function capClass(w: string): number {
  if (NON_ASCII.test(w)) return capClassUnicode(w);
  let up = 0;
  let low = 0;
  let firstUp = false;
  let first = true;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      up++;
      if (first) firstUp = true;
      first = false;
    } else if (c >= 97 && c <= 122) {
      low++;
      first = false;
    }
  }
  return capClassOf(up, low, firstUp);
}

function capClassOf(up: number, low: number, firstUp: boolean): number {
  if (up + low === 0) return CAP_NONE;
  if (up === 0) return CAP_LOWER;
  if (low === 0) return up === 1 && firstUp ? CAP_INIT : CAP_ALL;
  if (firstUp && up === 1) return CAP_INIT;
  return CAP_MIXED;
}

function capClassUnicode(w: string): number {
  let up = 0;
  let low = 0;
  let firstUp = false;
  let first = true;
  for (const ch of w) {
    const lo = ch.toLowerCase();
    const u = ch.toUpperCase();
    if (lo !== u) {
      if (ch === u) {
        up++;
        if (first) firstUp = true;
      } else low++;
      first = false;
    }
  }
  return capClassOf(up, low, firstUp);
}
