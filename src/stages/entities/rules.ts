import type { EntityType } from '../../core/layers/index.js';
import { leadingWord, type ActorDictionary, type NameKind } from '../../services/actors/index.js';

/** The dictionary's entity word lists as Sets, compiled once per dictionary. */
export interface EntityRuleSets {
  orgTails: Set<string>;
  placeTails: Set<string>;
  lowerPlaceTails: Map<string, EntityType>;
  directions: Set<string>;
  preps: Set<string>;
  policeMods: Set<string>;
  acronymStop: Set<string>;
  notName: Set<string>;
  placeHeads: Set<string>;
  knownOrgs: Set<string>;
  partyNouns: Set<string>;
  /** nickname cues by their last word: "known as" under "as" */
  nicknameCues: Map<string, string[][]>;
}

const cache = new WeakMap<ActorDictionary, EntityRuleSets>();

export function ruleSets(dict: ActorDictionary): EntityRuleSets {
  let r = cache.get(dict);
  if (!r) {
    const e = dict.file.entityRules;
    r = {
      orgTails: new Set(e.orgTails),
      placeTails: new Set(e.placeTails),
      lowerPlaceTails: new Map(Object.entries(e.lowercasePlaceTails) as [string, EntityType][]),
      directions: new Set(e.directionWords),
      preps: new Set(e.locationPrepositions),
      policeMods: new Set(e.policeModifiers),
      acronymStop: new Set(e.acronymStop),
      notName: new Set(e.notNameWords ?? []),
      placeHeads: new Set(e.placeHeads ?? []),
      knownOrgs: new Set(e.knownOrganisations ?? []),
      partyNouns: new Set((e.partyMemberNouns ?? []).map((w) => w.toLowerCase())),
      nicknameCues: new Map(),
    };
    for (const cue of e.nicknameCues ?? []) {
      const words = cue.toLowerCase().split(/\s+/);
      const last = words[words.length - 1]!;
      r.nicknameCues.set(last, [...(r.nicknameCues.get(last) ?? []), words]);
    }
    cache.set(dict, r);
  }
  return r;
}

/** Lower-case name particles inside person names (al-Assad, Da Costa, van der Berg). */
export const PARTICLES = new Set(['al', 'el', 'de', 'da', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'bint', 'ul', 'ud', 'la', 'le', 'dos', 'das', 'do', 'y']);

/** Parts of speech that never belong inside a name. */
export const FUNCTION_POS = new Set(['DET', 'ADP', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'SYM', 'SPACE', 'INTJ']);

/** Possessive owners that belong inside names: "Prosecutor's Office", "People's Defence Force". */
export const POSSESSIVE_OWNERS = new Set(['People', 'Lord', 'Workers', 'Children', 'Women', 'Prosecutor', 'President', 'Attorney', 'General']);

/** How strongly a dictionary kind says what TYPE of entity a name is (places first). */
const KIND_RANK: Record<NameKind['kind'], number> = {
  country: 11, capital: 10, city: 9, region: 8, place: 7, org: 6, orgName: 5, seat: 4, demonym: 3, group: 2, misc: 1,
};

export function bestKind(kinds: readonly NameKind[]): NameKind {
  let best = kinds[0]!;
  for (const k of kinds) if (KIND_RANK[k.kind] > KIND_RANK[best.kind]) best = k;
  return best;
}

const EVENT_WORDS = /\b(War|Revolution|Games|Cup|Olympics|Spring|Holocaust|Intifada|Championship|League|Prize|Open)\b/;
const LAW_WORDS = /\b(Accords?|Agreements?|Conventions?|Treaty|Protocol|Pact|Constitution|Plan)\b/;

export function entityTypeOf(kind: NameKind, phrase: string, dict: ActorDictionary): EntityType {
  switch (kind.kind) {
    case 'country':
    case 'capital':
    case 'city':
      return 'GPE';
    case 'region':
      return 'LOC';
    case 'place':
      return dict.isGeographic(phrase) ? 'LOC' : 'GPE';
    case 'org':
    case 'orgName':
    case 'seat':
      return 'ORG';
    case 'demonym':
    case 'group':
      return 'NORP';
    case 'misc':
      return EVENT_WORDS.test(phrase) ? 'EVENT' : LAW_WORDS.test(phrase) ? 'LAW' : 'MISC';
  }
}

/**
 * A party adjective used for the party: "a senior Conservative official" mentions the
 * Conservative Party when the dictionary knows a "<word> Party" organisation.
 */
export function isPartyMention(word: string, nextLower: string, dict: ActorDictionary, R: EntityRuleSets): boolean {
  if (!R.partyNouns.has(nextLower)) return false;
  const party = `${word} Party`;
  return (dict.names.candidates(leadingWord(party)) ?? []).some((e) => e.phrase === party && (e.value.kind === 'org' || e.value.kind === 'orgName'));
}
