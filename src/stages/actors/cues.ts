import type { TokenView } from '../../services/actors/index.js';

export const isPossessive = (w: string) => w === "'s" || w === '’s' || w === "'" || w === '’';
/** prepositions after which a name is a place, not a participant */
export const PLACE_PREPS = new Set(['in', 'at', 'into', 'across', 'near', 'around', 'throughout', 'within', 'inside', 'outside', 'between', 'toward', 'towards', 'via', 'through', 'from']);
/** prepositions that name where something happens (not where it came from or went): "protesters gathered in Kinshasa" */
export const SCENE_PREPS = new Set(['in', 'at', 'near', 'inside', 'outside', 'around', 'across', 'throughout', 'within']);
export const PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'they', 'them', 'their', 'themselves']);
export const IT_PRONOUNS = new Set(['it', 'itself']);
/** "it is", "it would be", "it seems": an empty subject, no one's stand-in */
const EMPTY_IT_NEXT = new Set(['is', 'was', "'s", '’s', 'seems', 'seemed', 'appears', 'appeared', 'remains', 'remained', 'became', 'becomes', 'looks', 'looked', 'takes', 'took', 'means', 'meant', 'happened', 'rained']);
const AUX_BEFORE_BE = new Set(['would', 'will', 'could', 'may', 'might', 'must', 'should', 'can', 'has', 'had', 'have', 'does', 'did']);

/** An "it" that stands for no one: "it is not ruled out that", "it would be wrong". */
export function emptyIt(v: TokenView, i: number): boolean {
  if (v.lower(i) !== 'it') return false;
  const same = (k: number) => k < v.n && v.sent[k] === v.sent[i];
  const next = same(i + 1) ? v.lower(i + 1) : '';
  if (EMPTY_IT_NEXT.has(next)) return true;
  let k = i + 2;
  if (same(k) && (v.lower(k) === 'not' || v.lower(k) === "n't")) k++;
  return AUX_BEFORE_BE.has(next) && same(k) && ['be', 'been', 'seem', 'appear', 'take', 'mean'].includes(v.lower(k));
}
export const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those']);

/** a name as the subject of a verb: "Yerevan denounced", "Baku and Yerevan have clashed" */
export function actsAsSubject(v: TokenView, a: number, b: number): boolean {
  const prev = a > 0 && v.sent[a - 1] === v.sent[a] ? v.lower(a - 1) : '';
  if (PLACE_PREPS.has(prev) || prev === 'of' || prev === 'to') return false;
  let k = b + 1;
  for (let steps = 0; steps < 8 && k < v.n && v.sent[k] === v.sent[a]; steps++, k++) {
    const p = v.pos[k]!;
    if (p === 'VERB' || p === 'AUX') return true;
    if (p === 'ADV' || p === 'CCONJ' || p === 'PROPN' || (p === 'PUNCT' && v.word(k) === ',')) continue;
    if (isPossessive(v.word(k))) return true;
    return false;
  }
  return false;
}
