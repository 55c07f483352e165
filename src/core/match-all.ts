/**
 * `[...s.matchAll(re)]` for a global regex, run on `re` itself. `matchAll` runs a fresh copy
 * of the regex, and V8 compiles that copy anew whenever its cache of compiled regexes has been
 * emptied, which garbage collection does every few collections: for a big regex the
 * compilation (a millisecond or more) costs far more than the matching. Same matches, in
 * the same order; `re.lastIndex` is where the search starts and is left as it was, as with
 * `matchAll`.
 */
export function matchAll(re: RegExp, s: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchAll needs a global regex: ${re}`);
  const saved = re.lastIndex;
  const unicode = re.unicode || re.flags.includes('v');
  const out: RegExpExecArray[] = [];
  try {
    for (let m = re.exec(s); m !== null; m = re.exec(s)) {
      out.push(m);
      // an empty match moves on by one character (a whole surrogate pair in unicode mode)
      if (m[0] === '') re.lastIndex = advance(s, re.lastIndex, unicode);
    }
  } finally {
    re.lastIndex = saved;
  }
  return out;
}

function advance(s: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
