/**
 * The gazetteer index file: a small JSON header followed by typed-array sections, so
 * loading is one read plus a few views (no parsing of 200,000 records).
 *
 *   "SGZ3" | u32 header length | header JSON (UTF-8) | sections, each 8-byte aligned
 *
 * Places are columns (lat, lon, population ...). Names are folded keys, sorted by
 * UTF-16 code units, each with a run of postings `place << 3 | kind`.
 */

export const MAGIC = 'SGZ3';
export const FORMAT_VERSION = 3;

/** How a key names a place: the kind is kept on every posting. */
export const MATCH_KINDS = ['name', 'alternate', 'demonym', 'code', 'short'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface CountryRecord {
  iso2: string;
  iso3: string;
  name: string;
  names: string[];
  demonyms: string[];
  lat: number;
  lon: number;
  /** index of the country's own place record */
  place: number;
  independent: boolean;
}

export interface SectionRef {
  offset: number;
  length: number;
}

export const SECTION_NAMES = [
  'lat', 'lon', 'population', 'geonameId', 'country', 'admin1', 'featureCode',
  'names', 'nameOffsets', 'keys', 'keyOffsets', 'postingStarts', 'postings',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export interface GazetteerHeader {
  format: number;
  builtAt: string;
  sources: string[];
  placeCount: number;
  keyCount: number;
  postingCount: number;
  featureCodes: string[];
  countries: CountryRecord[];
  /** "CC.code" of every first-level division places refer to */
  admin1: string[];
  /** display name of each admin1 entry, '' when unknown */
  admin1Names: string[];
  sections: Record<SectionName, SectionRef>;
}

export interface GazetteerColumns {
  lat: Float32Array;
  lon: Float32Array;
  population: Uint32Array;
  geonameId: Uint32Array;
  country: Uint16Array;
  admin1: Uint16Array;
  featureCode: Uint8Array;
  /** all display names concatenated; nameOffsets are UTF-16 offsets into it */
  names: string;
  nameOffsets: Uint32Array;
  keys: string;
  keyOffsets: Uint32Array;
  postingStarts: Uint32Array;
  postings: Uint32Array;
}

export const NO_ADMIN1 = 0xffff;

type Payload = Omit<GazetteerHeader, 'sections' | 'format'> & { columns: GazetteerColumns };

function sectionBytes(name: SectionName, c: GazetteerColumns): Uint8Array {
  const v = c[name];
  if (typeof v === 'string') return new TextEncoder().encode(v);
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

export function encodeGazetteer(p: Payload): Buffer {
  const parts = SECTION_NAMES.map((n) => sectionBytes(n, p.columns));
  const sections = {} as Record<SectionName, SectionRef>;
  const { columns: _columns, ...rest } = p;
  // Offsets depend on the header length, which depends on the offsets: lay out relative
  // to the data start, then fix the data start to the aligned end of the header.
  let rel = 0;
  const rels: number[] = [];
  for (const part of parts) {
    rel = align(rel);
    rels.push(rel);
    rel += part.byteLength;
  }
  let dataStart = 0;
  let headerBytes = new Uint8Array();
  for (let guess = 4096; ; guess *= 2) {
    SECTION_NAMES.forEach((n, i) => (sections[n] = { offset: guess + rels[i]!, length: parts[i]!.byteLength }));
    headerBytes = new TextEncoder().encode(JSON.stringify({ format: FORMAT_VERSION, ...rest, sections }));
    if (8 + headerBytes.byteLength <= guess) {
      dataStart = guess;
      break;
    }
  }
  const out = Buffer.alloc(dataStart + rel);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerBytes.byteLength, 4);
  out.set(headerBytes, 8);
  SECTION_NAMES.forEach((_n, i) => out.set(parts[i]!, dataStart + rels[i]!));
  return out;
}

function align(n: number): number {
  return (n + 7) & ~7;
}

export class GazetteerFormatError extends Error {}

export function decodeGazetteer(buf: Uint8Array): { header: GazetteerHeader; columns: GazetteerColumns } {
  if (buf.byteLength < 8 || String.fromCharCode(buf[0]!, buf[1]!, buf[2]!, buf[3]!) !== MAGIC) {
    throw new GazetteerFormatError('not a sitrep gazetteer file (bad magic); rebuild it with node scripts/build-gazetteer.mjs');
  }
  // Typed views need aligned offsets: copy once if the buffer sits at an odd place.
  if (buf.byteOffset % 8 !== 0) buf = new Uint8Array(buf);
  const len = new DataView(buf.buffer, buf.byteOffset, 8).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + len))) as GazetteerHeader;
  if (header.format !== FORMAT_VERSION) {
    throw new GazetteerFormatError(`gazetteer format ${header.format}, expected ${FORMAT_VERSION}; rebuild it`);
  }
  const s = header.sections;
  const base = buf.byteOffset;
  const ab = buf.buffer;
  const text = (r: SectionRef) => new TextDecoder().decode(buf.subarray(r.offset, r.offset + r.length));
  const columns: GazetteerColumns = {
    lat: new Float32Array(ab, base + s.lat.offset, s.lat.length / 4),
    lon: new Float32Array(ab, base + s.lon.offset, s.lon.length / 4),
    population: new Uint32Array(ab, base + s.population.offset, s.population.length / 4),
    geonameId: new Uint32Array(ab, base + s.geonameId.offset, s.geonameId.length / 4),
    country: new Uint16Array(ab, base + s.country.offset, s.country.length / 2),
    admin1: new Uint16Array(ab, base + s.admin1.offset, s.admin1.length / 2),
    featureCode: new Uint8Array(ab, base + s.featureCode.offset, s.featureCode.length),
    names: text(s.names),
    nameOffsets: new Uint32Array(ab, base + s.nameOffsets.offset, s.nameOffsets.length / 4),
    keys: text(s.keys),
    keyOffsets: new Uint32Array(ab, base + s.keyOffsets.offset, s.keyOffsets.length / 4),
    postingStarts: new Uint32Array(ab, base + s.postingStarts.offset, s.postingStarts.length / 4),
    postings: new Uint32Array(ab, base + s.postings.offset, s.postings.length / 4),
  };
  return { header, columns };
}
