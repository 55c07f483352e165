import type { ActorCode } from '../../core/layers/index.js';
import type { CountryEntry, OrganisationEntry, RegionEntry } from '../../services/actors/index.js';

/** Display names for a country's sectors: "Government of Armenia", "Armenia military". */
const SECTOR_NAMES: Record<string, string> = {
  MIL: 'military', REB: 'rebels', INS: 'insurgents', CVL: 'civilians', PRO: 'protesters', COP: 'police', PTY: 'political party',
  JUD: 'judiciary', LEG: 'legislature', MED: 'media', NGO: 'NGO', BUS: 'business', SPY: 'intelligence services', IGO: 'delegation',
};

/** Unknown affiliation, as PLOVER writes it. */
export const UNKNOWN_CODE = '---';

export function countryActor(c: CountryEntry, sector?: string): ActorCode {
  if (!sector) return { code: c.id, country: c.id, name: c.name, entryId: c.id };
  const name = sector === 'GOV' ? `Government of ${c.name}` : `${c.name} ${SECTOR_NAMES[sector] ?? sector}`;
  return { code: `${c.id} ${sector}`, country: c.id, sector, name, entryId: c.id };
}

export function orgActor(o: OrganisationEntry): ActorCode {
  const parts = o.code.split(' ');
  const sector = parts.find((p) => p.length === 3 && p !== o.country && p !== parts[0]) ?? (parts[0] === 'IGO' || parts[0] === 'NGO' || parts[0] === 'MED' ? parts[0] : parts[1]);
  return { code: o.code, country: o.country, sector, name: o.name, entryId: o.id };
}

export function regionRebels(r: RegionEntry): ActorCode {
  const [country, sector] = r.rebels.code.split(' ');
  return { code: r.rebels.code, country, sector, name: r.rebels.name, entryId: r.id };
}

/** Unknown affiliation; a sector when the words give one ("police", "the rebels"): `--- COP`. */
export function unknownActor(name: string, sector?: string): ActorCode {
  return sector ? { code: `${UNKNOWN_CODE} ${sector}`, sector, name } : { code: UNKNOWN_CODE, name };
}
