/** The actor dictionary file (data/actors/actors.json), as validated by load.ts. */

export interface CountryEntry {
  id: string;
  name: string;
  aliases: string[];
  capitals: string[];
  demonyms: string[];
  seats?: string[];
}

export interface OrganisationEntry {
  id: string;
  name: string;
  code: string;
  aliases: string[];
  country?: string;
  armed?: boolean;
  title?: boolean;
  descriptions?: string[];
}

export interface RegionEntry {
  id: string;
  name: string;
  aliases: string[];
  country: string;
  rebels: { code: string; name: string };
  descriptions?: string[];
}

export interface GroupEntry {
  name: string;
  kind: 'religious' | 'ethnic' | 'political';
}

export interface TitleEntry {
  name: string;
  /** '' for honorifics (Mr, Dr) that say nothing about the sector */
  sector: string;
  aliases: string[];
}

export interface InstitutionEntry {
  id: string;
  sector: string;
  name: string;
  nouns: string[];
  /** nouns whose place names their country ("police in Maputo"); troops and refugees are often far from home */
  localNouns?: string[];
}

export interface ActorFile {
  version: string;
  countries: CountryEntry[];
  organisations: OrganisationEntry[];
  regions: RegionEntry[];
  groups: GroupEntry[];
  titles: TitleEntry[];
  institutions: InstitutionEntry[];
  entityRules: EntityRules;
}

export interface EntityRules {
  orgTails: string[];
  placeTails: string[];
  lowercasePlaceTails: Record<string, 'LOC' | 'GPE'>;
  directionWords: string[];
  locationPrepositions: string[];
  policeModifiers: string[];
  acronymStop: string[];
  /** optional: capitalised words that never make a run a person name */
  notNameWords?: string[];
  /** optional: first words of place names */
  placeHeads?: string[];
  /** optional: sector of an unlisted organisation by its head or tail word */
  orgTailSectors?: Record<string, string>;
  /** optional: weapons and craft that after a nationality stand for its armed forces ("Ukrainian drones") */
  militaryHardware?: string[];
  /** optional: companies and platforms that are organisations even when a tagger calls them MISC (YouTube) */
  knownOrganisations?: string[];
  /** optional: nouns after a party adjective that make it a mention of the party ("a Conservative official") */
  partyMemberNouns?: string[];
  /** optional: lower-case phrases after which a capitalised name is a person's nickname ("nicknamed Abz") */
  nicknameCues?: string[];
}

/** What a phrase in the text can be, as the dictionary knows it. */
export type NameKind =
  | { kind: 'country'; country: CountryEntry }
  | { kind: 'capital'; country: CountryEntry }
  | { kind: 'seat'; country: CountryEntry }
  | { kind: 'demonym'; country: CountryEntry; plural: boolean }
  | { kind: 'org'; org: OrganisationEntry }
  | { kind: 'region'; region: RegionEntry }
  | { kind: 'group'; group: GroupEntry; plural: boolean }
  | { kind: 'city' }
  | { kind: 'place' }
  | { kind: 'orgName' }
  | { kind: 'misc' };

export type NounKind =
  | { kind: 'title'; title: TitleEntry }
  | { kind: 'institution'; institution: InstitutionEntry }
  | { kind: 'orgDescription'; org: OrganisationEntry }
  | { kind: 'regionDescription'; noun: string };

export interface PhraseEntry<T> {
  /** as written (for case-sensitive names) or lower-cased (for nouns) */
  phrase: string;
  value: T;
}
