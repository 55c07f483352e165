import type { Token } from '../../core/layers/index.js';
import type { RawCount } from './extract.js';
import type { CountPatterns } from './patterns.js';
import { ALLEGED_ACT, chunksBefore, execBefore, mayFollowVerb, testBefore } from './window.js';
import { matchAll } from '../../core/match-all.js';

/** One person counted without a number: a bare noun after a verb, a pronoun, a name. */

export const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/iu;

/** "Mob lynches man", "Gunmen kill Mungiki sect spokesman": a bare singular noun after the verb (headline style). */
export function bareCounts(s: string, base: number, tokens: readonly Token[], p: CountPatterns, out: RawCount[], np: (at: number) => { start: number; end: number } | undefined): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'PROPN') continue;
    const at = t.span.start - base;
    if (out.some((c) => c.start <= at && at < c.end)) continue;
    const chunks = chunksBefore(s, at);
    for (const k of p.kinds) {
      if (!mayFollowVerb(p, k, chunks)) continue;
      const lm = execBefore(p.left.get(k), s, at);
      if (lm && testBefore(ALLEGED_ACT, s, lm.index)) break;
      if (!lm || !/^(?:kill|kills|killing|killed|lynch|lynches|lynched|lynching|shoot dead|shoots dead|shot dead|shooting dead|shot and killed|shoot and kill|shoots and kills|hacked to death|stoned to death|murdered|murder|murders|murdering)$/iu.test(lm.groups!.verb!.replace(/\s+/g, ' '))) continue;
      // the verb must be a verb ("a lynch mob" is not a lynching)
      const verbTok = tokens.find((x) => x.span.end - base === lm.index + lm[0].trimEnd().length);
      if (verbTok && verbTok.pos !== 'VERB') break;
      if (testBefore(/(?:^|\s)(?:a|an|the)\s+$/iu, s, lm.index)) break;
      const who = np(at);
      if (!who) break;
      const head = s.slice(who.start, who.end).toLowerCase().split(/\s+/).pop()!;
      if (!(p.singularWhoSet.has(head) || (!/s$/u.test(head) && !p.whoNouns.has(head)))) break;
      out.push({ start: lm.index, end: who.end, numStart: who.start, numEnd: who.end, kind: k, value: 1, qualifier: 'exact', who });
      break;
    }
  }
}

/** "Not a single person was killed": a negated victim is nobody */
const NEGATED = /(?:^|\s)(?:not|no|never)\s+$/iu;

const NOT_A_VICTIM = /^(?:in|on|at|near|inside|outside|during|by|with|from|into|while|after|before|as|last|this|early|late|overnight)(?![\p{L}])/u;

/** "He later died in hospital", "lynched him": one victim the sentence does not count or name. */
export function singleVictimCounts(s: string, p: CountPatterns, out: RawCount[]): void {
  for (const { kind, re } of p.singleVictims) {
    for (const m of matchAll(re, s)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (out.some((c) => c.start < end && start < c.end) || testBefore(ALLEGED_ACT, s, start) || testBefore(NEGATED, s, start)) continue;
      let w = m.indices?.groups?.who ?? [start + m[0].indexOf(m.groups!.who!), start + m[0].indexOf(m.groups!.who!) + m.groups!.who!.length];
      // a case-blind name pattern also reads "shot dead in his shop", "shot dead on Monday": a place or a time, no victim
      // ("X was shot dead in …" still counts the one subject: "was" says there is one)
      if (NOT_A_VICTIM.test(s.slice(w[0], w[1]))) {
        const verbEnd = start + m[0].slice(0, w[0] - start).trimEnd().length;
        if (/(?:^|\s)was\s+(?:\S+\s+){0,3}$/u.test(s.slice(0, start)) && !out.some((c) => c.start < verbEnd && start < c.end)) out.push({ start, end: verbEnd, numStart: start, numEnd: verbEnd, kind, value: 1, qualifier: 'exact' });
        continue;
      }
      // …and runs a name on into lower-case words ("shot dead Tomas Venn in his car"): the name ends before them
      const tail = /^\p{Lu}\S*\s+\p{Lu}/u.test(s.slice(w[0], w[1])) ? /\s+(?!(?:al|el|da|de|del|di|dos|du|van|von|bin|ibn|ul)(?![\p{L}]))\p{Ll}/u.exec(s.slice(w[0], w[1])) : null;
      if (tail) w = [w[0], w[0] + tail.index];
      out.push({ start, end, numStart: w[0], numEnd: w[1], kind, value: 1, qualifier: 'exact', who: { start: w[0], end: w[1] } });
    }
  }
}

/** "GNB General X was also detained", "Y – shot dead by police": one person, named. */
export function namedCounts(s: string, base: number, tokens: readonly Token[], p: CountPatterns, out: RawCount[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'PROPN') continue;
    const next = tokens[i + 1];
    if (next && next.pos === 'PROPN') continue; // the run goes on
    let j = i;
    // names run over capitalised words and particles: "Hector Armando Hernández Da Costa"
    while (j > 0 && (/^\p{Lu}/u.test(tokens[j - 1]!.span.text) || (/^(?:da|de|del|della|van|von|al|bin|ibn|el|la|le|dos|das)$/u.test(tokens[j - 1]!.span.text) && j > 1 && /^\p{Lu}/u.test(tokens[j - 2]!.span.text))) && tokens[j - 1]!.pos !== 'PUNCT' && j - 1 >= 0 && !(j - 1 === 0 && tokens[0]!.pos === 'DET')) j--;
    const start = tokens[j]!.span.start - base;
    const end = t.span.end - base;
    const name = s.slice(start, end);
    if (!/^\p{Lu}/u.test(name) || p.whoNouns.has(name.toLowerCase()) || CALENDAR.test(name)) continue;
    if (j > 0 && /^(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)/i.test(tokens[j - 1]!.span.text)) continue;
    if (out.some((c) => c.start <= end && start < c.end)) continue;
    for (const k of p.kinds) {
      const nm = p.named.exec(k, s, end);
      if (!nm) continue;
      out.push({ start, end: end + nm[0].length, numStart: start, numEnd: end, kind: k, value: 1, qualifier: 'exact', who: { start, end } });
      break;
    }
  }
}
