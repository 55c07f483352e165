import type { Entity, EntityType, Sentence, Token } from '../../core/layers/index.js';
import { makeSpan } from '../../core/span.js';
import type { ActorDictionary, NameKind } from '../../services/actors/index.js';
import type { NerTaggerService } from '../../services/ner/index.js';
import { TokenView } from '../../services/actors/index.js';
import { bestKind, entityTypeOf, FUNCTION_POS, PARTICLES, POSSESSIVE_OWNERS, ruleSets } from './rules.js';
import { placeTagged, taggerSpans } from './tagged.js';

interface DictMatch { first: number; last: number; kinds: NameKind[]; phrase: string }
/** weak: a guess from capitals alone, left out when a tagger has read the text */
interface Cand { first: number; last: number; type: EntityType; source: Entity['source']; weak?: boolean }

const isPossessive = (w: string) => w === "'s" || w === '’s' || w === "'" || w === '’';

/**
 * Names in the text. With a tagger, its names come first (read with its own tokenizer,
 * typed and corrected by tagged.ts); the rules below only add names where it tagged nothing,
 * and their guesses from capitals alone (weak candidates) are dropped. Without one:
 * dictionary matches, capitalised chunks split at dictionary names and titles ("Armenian
 * Prime Minister Nikol Pashinyan" -> NORP + PERSON), typed by their tail word or context;
 * single unknown words only when the article names the person in full elsewhere or they
 * follow a location preposition or a nickname cue.
 */
export function recogniseEntities(text: string, tokens: readonly Token[], sentences: readonly Sentence[], dict: ActorDictionary, tagger?: NerTaggerService): Entity[] {
  const v = new TokenView(text, tokens, sentences);
  const R = ruleSets(dict);
  const n = v.n;
  const nSent = sentences.length;

  // sentences in capitals or in title case: capitalisation says nothing there
  const shouting = new Uint8Array(nSent);
  const titleCase = new Uint8Array(nSent);
  for (let s = 0; s < nSent; s++) {
    let words = 0, caps = 0, upper = 0;
    for (let i = v.sentFirst[s]; i >= 0 && i < v.sentEnd[s]; i++) {
      if (v.pos[i] === 'PUNCT' || v.ends[i] - v.starts[i] < 4) continue;
      words++;
      caps += v.cap[i];
      upper += v.allCaps[i];
    }
    if (words >= 3 && upper / words > 0.6) shouting[s] = 1;
    if (sentences[s]!.heading && words >= 3 && caps / words >= 0.75) titleCase[s] = 1;
  }

  // A. dictionary names, longest first
  const dictAt = new Int32Array(n).fill(-1);
  const dm: DictMatch[] = [];
  for (let i = 0; i < n; ) {
    const all = v.tt.keys[i] ? v.tt.matchAll(dict.names, i) : [];
    if (!all.length || (shouting[v.sent[i]] && all[0]!.entry.phrase.length <= 3)) { i++; continue; }
    const last = all[0]!.last;
    const id = dm.length;
    dm.push({ first: i, last, phrase: all[0]!.entry.phrase, kinds: all.filter((m) => m.last === last).map((m) => m.entry.value) });
    for (let t = i; t <= last; t++) dictAt[t] = id;
    i = last + 1;
  }
  const dictStartsAt = (k: number) => dictAt[k] >= 0 && dm[dictAt[k]]!.first === k;
  const titleAt = (k: number) => (v.cap[k] ? v.tt.match(dict.nouns, k, (x) => x.kind === 'title') : undefined);

  const cands: Cand[] = [];
  const pending: number[] = [];
  const emitDict = (m: DictMatch) => {
    const kind = bestKind(m.kinds);
    let type = entityTypeOf(kind, m.phrase, dict);
    const first = m.first;
    let last = m.last;
    const gpe = kind.kind === 'city' || kind.kind === 'capital' || kind.kind === 'place' || kind.kind === 'country';
    const next = last + 1 < n && v.sent[last + 1] === v.sent[last] ? v.lower(last + 1) : '';
    // a known name stays the entity: "Kandahar" in "Kandahar province" (the scorer and the
    // geocoder both want the settlement), but "Manchester police" is an organisation
    if (gpe && next === 'police') { last++; type = 'ORG'; }
    cands.push({ first, last, type, source: 'gazetteer' });
  };

  const classifyRun = (s: number, e: number, afterTitle: boolean) => {
    while (s <= e && (v.word(s) === '-' || isPossessive(v.word(s)) || PARTICLES.has(v.word(s).toLowerCase()))) s++;
    while (e >= s && (v.word(e) === '-' || isPossessive(v.word(e)) || PARTICLES.has(v.word(e)))) e--;
    if (s > e) return;
    const sent = v.sent[s];
    const next = e + 1 < n && v.sent[e + 1] === sent && !v.cap[e + 1] ? v.lower(e + 1) : '';
    if (R.lowerPlaceTails.has(next) && !afterTitle) { cands.push({ first: s, last: e + 1, type: R.lowerPlaceTails.get(next)!, source: 'rule' }); return; }
    if (next === 'police' && (s < e || !v.isSentenceStart(s))) { cands.push({ first: s, last: e + 1, type: 'ORG', source: 'rule' }); return; }
    // "Department of Agriculture", "Lake Tana", "Fort Hood"
    if (e > s && !titleCase[sent]) {
      for (let k = s; k < e; k++) if (R.orgTails.has(v.word(k)) && v.cap[k]) { cands.push({ first: s, last: e, type: 'ORG', source: 'rule' }); return; }
      if (R.placeHeads.has(v.word(s))) { cands.push({ first: s, last: e, type: 'LOC', source: 'rule' }); return; }
    }
    if (s === e && v.allCaps[s]) {
      // an unknown acronym before a lower-case noun is a modifier: "SIM cards"
      if (R.acronymStop.has(v.word(s)) || v.ends[s] - v.starts[s] > 6 || shouting[sent]) return;
      if (e + 1 < n && v.sent[e + 1] === sent && v.pos[e + 1] === 'NOUN' && !v.cap[e + 1]) return;
      cands.push({ first: s, last: e, type: 'ORG', source: 'rule', weak: true });
      return;
    }
    if (afterTitle || (e > s && !titleCase[sent])) {
      for (let k = s; k <= e; k++) if (v.allCaps[k] || R.notName.has(v.word(k)) || !(v.cap[k] || v.word(k) === '-' || PARTICLES.has(v.word(k).toLowerCase()))) return;
      cands.push({ first: s, last: e, type: 'PERSON', source: 'rule', weak: !afterTitle });
      return;
    }
    if (s === e && R.knownOrgs.has(v.word(s))) { cands.push({ first: s, last: e, type: 'ORG', source: 'rule' }); return; }
    if (s === e && !R.notName.has(v.word(s))) pending.push(s);
  };

  const processChunk = (a: number, b: number) => {
    const lastWord = v.word(b);
    const whole = dictAt[a] >= 0 && dm[dictAt[a]]!.first === a && dm[dictAt[a]]!.last === b;
    if (!whole && b > a && !titleCase[v.sent[a]] && (R.orgTails.has(lastWord) || R.placeTails.has(lastWord))) {
      let s = a;
      // a nationality in front is its own entity: "Armenian Foreign Ministry"
      while (s < b && dictStartsAt(s) && dm[dictAt[s]]!.last < b && dm[dictAt[s]]!.kinds.some((k) => k.kind === 'demonym')) {
        emitDict(dm[dictAt[s]]!);
        s = dm[dictAt[s]]!.last + 1;
      }
      const t = titleAt(s);
      if (t && t.last < b && !R.orgTails.has(v.word(t.last))) s = t.last + 1;
      if (s <= b) cands.push({ first: s, last: b, type: R.orgTails.has(lastWord) ? 'ORG' : 'LOC', source: 'rule' });
      return;
    }
    let i = a;
    let afterTitle = false;
    while (i <= b) {
      if (dictStartsAt(i) && dm[dictAt[i]]!.last <= b) {
        emitDict(dm[dictAt[i]]!);
        i = dm[dictAt[i]]!.last + 1;
        afterTitle = false;
        if (i <= b && isPossessive(v.word(i))) i++;
        continue;
      }
      const t = titleAt(i);
      if (t && t.last <= b) { afterTitle = true; i = t.last + 1; continue; }
      let j = i;
      while (j + 1 <= b && !dictStartsAt(j + 1) && !titleAt(j + 1)) j++;
      classifyRun(i, j, afterTitle);
      afterTitle = false;
      i = j + 1;
    }
  };

  // B. capitalised chunks, sentence by sentence
  const okInside = (k: number) => v.cap[k] === 1 && !FUNCTION_POS.has(v.pos[k]!);
  for (let s = 0; s < nSent; s++) {
    const end = v.sentEnd[s];
    for (let i = v.sentFirst[s]; i >= 0 && i < end; i++) {
      const starts = dictStartsAt(i) || (okInside(i) && (v.pos[i] === 'PROPN' || !v.isSentenceStart(i) || v.allCaps[i] === 1));
      if (!starts) continue;
      let j = i;
      for (;;) {
        const k = j + 1;
        if (k >= end) break;
        const w = v.word(k);
        const inDict = dictAt[k] >= 0 && dictAt[k] === dictAt[j];
        const ok = inDict || dictStartsAt(k) || okInside(k)
          || (w === '-' && v.glued(k) && k + 1 < end && v.glued(k + 1) && (v.cap[k + 1] === 1 || PARTICLES.has(v.word(k + 1))))
          || (PARTICLES.has(w.toLowerCase()) && k + 1 < end && (v.cap[k + 1] === 1 || v.word(k + 1) === '-'))
          || ((w === 'of' || w === 'for') && R.orgTails.has(v.word(j)) && k + 1 < end && v.cap[k + 1] === 1)
          || (isPossessive(w) && v.glued(k) && POSSESSIVE_OWNERS.has(v.word(j)) && k + 1 < end && v.cap[k + 1] === 1);
        if (!ok) break;
        j = k;
      }
      processChunk(i, j);
      i = j;
    }
  }

  // C. what the dictionary found outside chunks (lower-case starts such as "al-Shabaab" are in chunks already)
  const covered = new Uint8Array(n);
  for (const c of cands) for (let k = c.first; k <= c.last; k++) covered[k] = 1;
  for (const m of dm) if (!covered[m.first]) { emitDict(m); for (let k = m.first; k <= m.last; k++) covered[k] = 1; }

  // "provincial police": an organisation without a capital letter
  for (let i = 1; i < n; i++) {
    if (covered[i] || covered[i - 1] || v.lower(i) !== 'police' || !R.policeMods.has(v.lower(i - 1)) || v.sent[i - 1] !== v.sent[i]) continue;
    const office = i + 1 < n && v.sent[i + 1] === v.sent[i] && /^(office|department|headquarters)$/.test(v.lower(i + 1));
    cands.push({ first: i - 1, last: office ? i + 1 : i, type: 'ORG', source: 'rule' });
    for (let k = i - 1; k <= (office ? i + 1 : i); k++) covered[k] = 1;
  }

  // "nicknamed Abz", "known as Jihadi John": a name after a nickname cue is a person's
  for (let i = 1; i < n; i++) {
    if (covered[i] || !v.cap[i] || v.sent[i - 1] !== v.sent[i] || R.notName.has(v.word(i))) continue;
    const cues = R.nicknameCues.get(v.lower(i - 1));
    if (!cues?.some((words) => words.every((w, k) => v.lower(i - words.length + k) === w && v.sent[i - words.length + k] === v.sent[i]))) continue;
    let j = i;
    while (j + 1 < n && j - i < 2 && v.sent[j + 1] === v.sent[i] && v.cap[j + 1] && !covered[j + 1] && !FUNCTION_POS.has(v.pos[j + 1]!)) j++;
    cands.push({ first: i, last: j, type: 'PERSON', source: 'rule' });
    for (let k = i; k <= j; k++) covered[k] = 1;
  }

  // D. people named in full make their surname a name elsewhere ("Guterres called")
  const surnames = new Set<string>();
  // never a calendar or common word, even when a guess took "Bloody Friday" for a person
  for (const c of cands) if (c.type === 'PERSON' && c.last > c.first && !R.notName.has(v.word(c.last))) surnames.add(v.word(c.last));
  for (const c of cands) if (c.type === 'PERSON' && c.last === c.first && !R.notName.has(v.word(c.last))) surnames.add(v.word(c.last));
  for (const k of pending) {
    if (covered[k]) continue;
    const prev = k > 0 && v.sent[k - 1] === v.sent[k] ? v.lower(k - 1) : '';
    if (surnames.has(v.word(k))) cands.push({ first: k, last: k, type: 'PERSON', source: 'rule' });
    else if (R.preps.has(prev) && !v.isSentenceStart(k)) cands.push({ first: k, last: k, type: 'GPE', source: 'rule', weak: true });
    else continue;
    covered[k] = 1;
  }
  if (surnames.size) for (let i = 0; i < n; i++) if (!covered[i] && v.cap[i] && surnames.has(v.word(i))) { cands.push({ first: i, last: i, type: 'PERSON', source: 'rule' }); covered[i] = 1; }

  cands.sort((x, y) => x.first - y.first || y.last - x.last);
  const out: Entity[] = [];
  // the tagger's names first (it scores far better than the rules on running text); rules
  // and dictionaries only add names in text the tagger left untagged
  const tagged = tagger ? taggerSpans(text, v, sentences, tagger).sort((x, y) => x.start - y.start) : [];
  const taken: [number, number][] = [];
  // a longer dictionary name wins over the tagger's piece of it: "UN refugee agency", not "UN"
  const longer = cands.filter((c) => c.source === 'gazetteer' && c.last > c.first);
  let li = 0;
  for (const t of tagged) {
    if (t.end <= t.start || (taken.length && t.start < taken[taken.length - 1]![1])) continue;
    if (!/[\p{Lu}\p{N}]/u.test(text.slice(t.start, t.end))) continue; // "the interior ministry" is no name
    while (li < longer.length && v.ends[longer[li]!.last] <= t.start) li++;
    const d = longer[li];
    if (d && v.starts[d.first] <= t.start && v.ends[d.last] >= t.end && v.ends[d.last] - v.starts[d.first] > t.end - t.start) continue;
    for (const p of placeTagged(text, t, dict, R)) {
      taken.push([p.start, p.end]);
      out.push({ id: '', span: makeSpan(text, p.start, p.end), type: p.type, source: 'tagger' });
    }
  }
  let lastEnd = -1;
  let ti = 0;
  for (const c of cands) {
    if (c.first <= lastEnd || (tagger && c.weak)) continue; // overlaps a longer, earlier one, or a guess the tagger did not share
    const start = v.starts[c.first], end = v.ends[c.last];
    while (ti < taken.length && taken[ti]![1] <= start) ti++;
    if (ti < taken.length && taken[ti]![0] < end) continue; // the tagger has this stretch
    lastEnd = c.last;
    out.push({ id: '', span: makeSpan(text, start, end), type: c.type, source: c.source });
  }
  if (tagged.length) out.sort((x, y) => x.span.start - y.span.start);
  out.forEach((e, k) => (e.id = `e${k + 1}`));
  return out;
}
