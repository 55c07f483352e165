import { join } from 'node:path';
import { dataPath } from '../../core/paths.js';
import { readActorFile, readNameList } from './load.js';
import { PhraseIndex } from './phrase-index.js';
import type { ActorFile, CountryEntry, NameKind, NounKind, OrganisationEntry, RegionEntry } from './types.js';

/** Honorifics in the NER title list that are too often ordinary words or names. */
const TITLE_STOP = new Set(['don', 'private', 'senior', 'father', 'real', 'chair', 'leader', 'founder', 'author', 'writer', 'actor', 'actress', 'singer', 'champion', 'captain', 'manager', 'coach', 'striker', 'midfielder', 'defender', 'goalkeeper', 'analyst', 'reporter', 'journalist', 'correspondent', 'justice']);

/** Geographic words that make a region-list name a LOC rather than a GPE. */
const GEO_WORDS = /\b(Sea|Ocean|River|Mountains?|Gulf|Peninsula|Desert|Valley|Strait|Straits|Lake|Basin|Plateau|Coast|Channel|Islands?|Horn|Africa|America|Asia|Europe|East|West|Eurasia|Oceania|Antarctica|Australasia|Levant|Maghreb|Sahel|Sahara|Caucasus|Balkans|Himalayas|Alps|Andes|Corridor|Bank|Strip)\b/;

export interface DictionaryOptions {
  /** the actor file; defaults to data/actors/actors.json */
  file?: ActorFile;
  /** folder of NER gazetteer lists (cities, regions, known organisations); '' to skip */
  gazetteerDir?: string;
}

/**
 * The actor dictionary compiled for matching: case-sensitive names (countries, capitals,
 * demonyms, organisations, places) and case-insensitive nouns (titles, institutions).
 */
export class ActorDictionary {
  readonly version: string;
  readonly names = new PhraseIndex<NameKind>(true);
  readonly nouns = new PhraseIndex<NounKind>(false);
  readonly countries = new Map<string, CountryEntry>();
  readonly organisations = new Map<string, OrganisationEntry>();
  readonly regions = new Map<string, RegionEntry>();
  /** weapons and craft that after a nationality stand for its armed forces ("Ukrainian drones"), lower-cased */
  readonly militaryHardware: Set<string>;
  /** nouns after a party or institution adjective that name its people ("military officials"), lower-cased */
  readonly partyMemberNouns: Set<string>;
  /** GPE-like region-list names (states, provinces) versus geographic LOC names */
  private readonly locNames = new Set<string>();

  constructor(readonly file: ActorFile, gazetteerDir: string) {
    this.version = file.version;
    this.militaryHardware = new Set((file.entityRules.militaryHardware ?? []).map((w) => w.toLowerCase()));
    this.partyMemberNouns = new Set((file.entityRules.partyMemberNouns ?? []).map((w) => w.toLowerCase()));
    for (const c of file.countries) {
      this.countries.set(c.id, c);
      for (const n of [c.name, ...c.aliases]) this.names.add(n, { kind: 'country', country: c });
      for (const n of c.capitals) this.names.add(n, { kind: 'capital', country: c });
      for (const n of c.seats ?? []) {
        this.names.add(n, { kind: 'seat', country: c });
        // seats are written with and without "the"; the article is never part of the name
      }
      for (const n of c.demonyms) this.names.add(n, { kind: 'demonym', country: c, plural: /s$/.test(n) && !/(ese|ss|Swiss)$/.test(n) });
    }
    for (const o of file.organisations) {
      this.organisations.set(o.id, o);
      for (const n of [o.name, ...o.aliases]) this.names.add(n, { kind: 'org', org: o });
      for (const d of o.descriptions ?? []) this.nouns.add(d, { kind: 'orgDescription', org: o });
    }
    for (const r of file.regions) {
      this.regions.set(r.id, r);
      for (const n of [r.name, ...r.aliases]) this.names.add(n, { kind: 'region', region: r });
      for (const d of r.descriptions ?? []) this.nouns.add(d, { kind: 'regionDescription', noun: d });
    }
    for (const g of file.groups) this.names.add(g.name, { kind: 'group', group: g, plural: /s$/.test(g.name) });
    for (const t of file.titles) for (const n of [t.name, ...t.aliases]) this.nouns.add(n, { kind: 'title', title: t });
    for (const inst of file.institutions) for (const n of inst.nouns) this.nouns.add(n, { kind: 'institution', institution: inst });
    if (gazetteerDir) this.addGazetteers(gazetteerDir);
  }

  private addGazetteers(dir: string): void {
    const known = (n: string) => (this.names.candidates(n.split(/[^\p{L}\p{N}]/u)[0]!.toLowerCase()) ?? []).some((e) => e.phrase === n);
    for (const n of readNameList(join(dir, 'loc.city.txt'))) if (!known(n)) this.names.add(n, { kind: 'city' });
    for (const n of readNameList(join(dir, 'loc.country.txt'))) if (!known(n)) this.names.add(n, { kind: 'city' });
    for (const n of readNameList(join(dir, 'loc.region.txt'))) {
      if (known(n)) continue;
      this.names.add(n, { kind: 'place' });
      if (GEO_WORDS.test(n)) this.locNames.add(n);
    }
    for (const n of readNameList(join(dir, 'org.known.txt'))) if (!known(n)) this.names.add(n, { kind: 'orgName' });
    for (const n of readNameList(join(dir, 'misc.demonym.txt'))) if (!known(n)) this.names.add(n, { kind: 'group', group: { name: n, kind: 'ethnic' }, plural: /s$/.test(n) });
    for (const n of readNameList(join(dir, 'misc.other.txt'))) if (!known(n)) this.names.add(n, { kind: 'misc' });
    const titleSeen = new Set(this.file.titles.flatMap((t) => [t.name, ...t.aliases].map((x) => x.toLowerCase())));
    for (const n of readNameList(join(dir, 'per.title.txt'))) {
      const l = n.toLowerCase();
      if (titleSeen.has(l) || TITLE_STOP.has(l)) continue;
      this.nouns.add(n, { kind: 'title', title: { name: n, sector: '', aliases: [] } });
    }
  }

  /** Is a region-list name geographic (LOC) rather than political (GPE)? */
  isGeographic(name: string): boolean {
    return this.locNames.has(name);
  }

  country(id: string | undefined): CountryEntry | undefined {
    return id ? this.countries.get(id) : undefined;
  }
}

let cached: ActorDictionary | undefined;

/** Load, validate and compile the actor dictionary (cached for the default files). */
export function loadActorDictionary(options: DictionaryOptions = {}): ActorDictionary {
  const isDefault = !options.file && options.gazetteerDir === undefined;
  if (isDefault && cached) return cached;
  const dict = new ActorDictionary(options.file ?? readActorFile(), options.gazetteerDir ?? dataPath('ner', 'gazetteers'));
  if (isDefault) cached = dict;
  return dict;
}
