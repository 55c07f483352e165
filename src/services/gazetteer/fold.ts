/**
 * Folding turns a surface form into the key the gazetteer is indexed by: lower case,
 * no diacritics, hyphens as spaces, no dots or apostrophes, single spaces. The build
 * and the lookup use this one function, so keys always agree.
 */

// Letters that NFD does not decompose into a base letter plus a mark.
const SPECIAL: Record<string, string> = {
  'ə': 'e', 'ǝ': 'e', 'ı': 'i', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th',
  'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'ħ': 'h', 'ŧ': 't', 'ŋ': 'n', 'ʻ': '', 'ʼ': '', 'ʿ': '', 'ʾ': '',
};
const SPECIAL_RE = /[əǝıøłđðþæœßħŧŋʻʼʿʾ]/g;
const MARKS_RE = /[\u0300-\u036f]/g;
// Apostrophes, dots and other marks vanish ("U.S." -> "us", "Be'er" -> "beer").
const DROP_RE = /['’‘`´.]/g;
// Hyphens, slashes, commas and runs of white space become one space.
const SPACE_RE = /[\s\-‐-―/,()]+/g;
const ASCII_WORDISH = /^[a-z0-9 ]*$/;

export function foldName(surface: string): string {
  // Most names are plain ASCII words with single spaces: fold them without regexes.
  let upper = false;
  let plain = surface.length > 0;
  for (let i = 0; i < surface.length; i++) {
    const c = surface.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c >= 65 && c <= 90) { upper = true; continue; }
    if (c === 32 && i > 0 && i + 1 < surface.length && surface.charCodeAt(i - 1) !== 32) continue;
    plain = false;
    break;
  }
  if (plain) return upper ? surface.toLowerCase() : surface;
  let s = surface.toLowerCase();
  if (ASCII_WORDISH.test(s)) return s.trim().replace(/ +/g, ' ');
  s = s.replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c).normalize('NFD').replace(MARKS_RE, '');
  return s.replace(DROP_RE, '').replace(SPACE_RE, ' ').trim();
}

/** True when a folded key is made of Latin letters, digits and spaces only. */
export function isLatinKey(key: string): boolean {
  return ASCII_WORDISH.test(key) && key.length > 0;
}
