import type { Span } from '../span.js';

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT' | 'LAW' | 'MISC';

export interface Entity {
  id: string;
  span: Span;
  type: EntityType;
  /** which component proposed it */
  source: 'tagger' | 'gazetteer' | 'rule';
  score?: number;
}

/** An actor code in the CAMEO/PLOVER spirit: ISO 3166 alpha-3 country + sector. */
export interface ActorCode {
  /** e.g. "ARM GOV", "IGO UNO", "AZE MIL", "ARM REB" */
  code: string;
  country?: string;
  sector?: string;
  /** canonical display name, e.g. "Government of Armenia" */
  name: string;
  /** dictionary entry id, when the actor came from the dictionary */
  entryId?: string;
}

export interface ActorMention {
  id: string;
  span: Span;
  actor: ActorCode;
  /** how the mention was resolved */
  via: 'name' | 'alias' | 'metonymy' | 'demonym' | 'title' | 'description' | 'coreference' | 'organisation';
  entityId?: string;
  /** for coreference: the mention this one refers back to */
  antecedentId?: string;
  /** for people: their name when known */
  person?: string;
}

export interface GeoCandidate {
  geonameId?: number;
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  admin1?: string;
  lat: number;
  lon: number;
  featureClass: string;
  featureCode?: string;
  population?: number;
  score: number;
  /** why it scored as it did */
  reasons?: string[];
}

export type PlacePrecision = 'point' | 'city' | 'district' | 'region' | 'country' | 'continent';

export interface PlaceMention {
  id: string;
  span: Span;
  entityId?: string;
  /** the chosen candidate, absent when unresolved */
  resolved?: GeoCandidate;
  precision?: PlacePrecision;
  /** ACLED geo-precision: 1 exact town, 2 near/district, 3 region/province */
  acledPrecision?: 1 | 2 | 3;
  /** ranked candidates kept so a wrong pick can be explained */
  candidates: GeoCandidate[];
  /** true when the mention is adjectival ("Russian troops") */
  adjectival?: boolean;
}
