import type { Token } from '../../core/layers/index.js';

// nouns that take a plural verb without a plural ending ("police attack two lorries")
const COLLECTIVE = new Set(['militia', 'police', 'people']);
// collective nouns that take either number ("militia attack two lorries", "a militia burns pastureland")
const EITHER_NUMBER = new Set(['militia', 'gang', 'group', 'mob', 'crowd', 'community', 'clan', 'family']);
const SUBJECT_END = new Set(['NOUN', 'PROPN']);
const OBJECT_START = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM', 'PRON']);

/**
 * Headlines and terse notes drop articles, so the tagger reads a verb after a noun as part of a
 * compound ("Ethiopian raiders attack Kenyan civilians", "a vigilante group attacks and kills a
 * man"). A trigger tagged as a noun is a verb when a noun before it can be its subject (the
 * numbers agree: "raiders attack", "group attacks"), an object or a coordinated verb follows it,
 * and no verb came before it in the sentence. `triggerAt` maps
 * token indices of one-word triggers to their lemma.
 */
export function retagHeadlineVerbs(tokens: readonly Token[], triggerAt: ReadonlyMap<number, string>): readonly Token[] {
  const verbs = [...triggerAt].filter(([i, lemma]) => isHeadlineVerb(tokens, i, lemma)).map(([i]) => i);
  if (!verbs.length) return tokens;
  return tokens.map((t, i) => (verbs.includes(i) ? { ...t, pos: 'VERB' } : t));
}

function isHeadlineVerb(tokens: readonly Token[], i: number, lemma: string): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.pos !== 'NOUN' || !prev || !next || !SUBJECT_END.has(prev.pos)) return false;
  if (t.span.text !== t.span.text.toLowerCase() || !/^[a-z]+$/.test(t.span.text)) return false;
  // a participle before a noun modifies it ("Suspected Borana militia attack ...")
  const modifier = (k: number) => /ed$/i.test(tokens[k]!.span.text) && SUBJECT_END.has(tokens[k + 1]?.pos ?? '');
  if (tokens.slice(0, i).some((x, k) => x.pos === 'AUX' || (x.pos === 'VERB' && !modifier(k)))) return false;
  const followed = OBJECT_START.has(next.pos) || (next.pos === 'CCONJ' && tokens[i + 2]?.pos === 'VERB');
  if (!followed) return false;
  const word = t.span.text;
  // a past form ("Gunmen shot a herder") agrees with any subject; a gerund is left a noun
  if (word !== lemma && word !== `${lemma}s` && word !== `${lemma}es`) return !/ing$/.test(word);
  // "Students of Kilgoris School pelt ...": a name ends the "of" phrase, its head noun is further back
  if (prev.pos === 'PROPN') return true;
  const verbPlural = word === lemma;
  if (EITHER_NUMBER.has(prev.span.text.toLowerCase())) return true;
  const subjectPlural = /(?:[^s]s|men)$/i.test(prev.span.text) || COLLECTIVE.has(prev.span.text.toLowerCase());
  return verbPlural === subjectPlural;
}
